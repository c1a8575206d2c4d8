from urllib.parse import urlsplit

from django import forms
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reserve.organisations.models import Organisation, Part

from . import pool_cache
from .departements import CHOICES as DEPARTEMENT_CHOICES
from .models import (
    BIO_MAX_LENGTH,
    MAX_HOURS_PER_WEEK,
    AvailabilityPeriod,
    Engagement,
    Profile,
    WorkMode,
)
from .taxonomy import FAMILIES, LANGUAGES, THEMES, Level
from .widgets import (
    FastCheckboxes,
    FastDateInput,
    FastNumberInput,
    FastSelect,
    FastSelectMultiple,
    FastTextInput,
)

MAX_LINKS = 5
LEVEL_CHOICES = [("", _("—"))] + [(str(level.value), level.label) for level in Level]


def employers():
    return Organisation.objects.verified().playing(Part.EMPLOYER)


class SkillsForm(forms.Form):
    """One optional level per skill of the taxonomy, grouped by family in the template."""

    def __init__(self, *args, profile, **kwargs):
        super().__init__(*args, **kwargs)
        current = {s.skill: str(s.level) for s in profile.skills.all()}
        for family in FAMILIES:
            for skill in family.skills:
                self.fields[skill.code] = forms.ChoiceField(
                    label=skill.label,
                    choices=LEVEL_CHOICES,
                    required=False,
                    initial=current.get(skill.code, ""),
                )

    def families(self):
        return [(family, [self[s.code] for s in family.skills]) for family in FAMILIES]

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.values()):
            raise forms.ValidationError(
                _(
                    "Indiquez au moins une compétence, même en débutant : c'est ce qui vous "
                    "relie aux défis."
                )
            )
        return cleaned

    def levels(self) -> dict[str, int]:
        return {code: int(value) for code, value in self.cleaned_data.items() if value}


class CodesField(forms.MultipleChoiceField):
    """Space-delimited codes in the model, ticked boxes in the form."""

    widget = forms.CheckboxSelectMultiple

    def prepare_value(self, value):
        return value.split() if isinstance(value, str) else value


class InterestsForm(forms.ModelForm):
    themes = CodesField(
        label=_("Thèmes qui vous intéressent"), choices=THEMES.items(), required=False
    )
    languages = CodesField(label=_("Langues parlées"), choices=LANGUAGES.items(), required=False)

    class Meta:
        model = Profile
        fields = ["themes", "languages", "bio", "links"]
        labels = {"bio": _("Présentez-vous en quelques lignes"), "links": _("Liens (facultatif)")}
        help_texts = {
            "bio": _(
                "Ce que vous aimez faire, ce que vous avez déjà fait. %(max)s caractères au plus."
            )
            % {"max": BIO_MAX_LENGTH},
            "links": _("LinkedIn, portfolio, GitHub… une adresse par ligne, %(max)s au plus.")
            % {"max": MAX_LINKS},
        }
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 4}),
            "links": forms.Textarea(attrs={"rows": 2}),
        }

    def clean_themes(self):
        return f" {' '.join(self.cleaned_data['themes'])} " if self.cleaned_data["themes"] else ""

    def clean_languages(self):
        languages = self.cleaned_data["languages"]
        return f" {' '.join(languages)} " if languages else ""

    def clean_links(self):
        links = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        if len(links) > MAX_LINKS:
            raise forms.ValidationError(_("%(max)s liens au plus.") % {"max": MAX_LINKS})
        validate = URLValidator(schemes=["http", "https"])
        for link in links:
            try:
                validate(link if urlsplit(link).scheme else f"https://{link}")
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("« %(link)s » n'est pas une adresse web.") % {"link": link}
                ) from None
        return "\n".join(links)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class WhereWhenForm(forms.ModelForm):
    """Where and how much: what matching needs to place someone on a team (joining, step 2)."""

    departement = forms.ChoiceField(
        label=_("Département"), choices=[("", _("— choisir —"))] + DEPARTEMENT_CHOICES
    )

    class Meta:
        model = Profile
        fields = ["hours_per_week", "work_mode", "departement", "city"]
        labels = {
            "hours_per_week": _("Heures disponibles par semaine"),
            "work_mode": _("Je peux aider"),
            "city": _("Ville (facultatif)"),
        }
        help_texts = {"hours_per_week": _("Une estimation suffit : 2, 5, 10…")}
        widgets = {
            "work_mode": forms.RadioSelect,
            "hours_per_week": forms.NumberInput(attrs={"min": 1, "max": MAX_HOURS_PER_WEEK}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
        }

    def clean_hours_per_week(self):
        hours = self.cleaned_data["hours_per_week"]
        if hours > MAX_HOURS_PER_WEEK:
            raise forms.ValidationError(
                _(
                    "%(max)s heures par semaine au plus : indiquez ce que vous pouvez "
                    "vraiment donner."
                )
                % {"max": MAX_HOURS_PER_WEEK}
            )
        if hours < 1:
            raise forms.ValidationError(_("Au moins une heure par semaine : même une suffit."))
        return hours


class PeriodsForm(forms.Form):
    """Optionally, one new period of each kind (offered after joining, from the dashboard)."""

    available_start = forms.DateField(label=_("Disponible du"), required=False, widget=DateInput())
    available_end = forms.DateField(label=_("au"), required=False, widget=DateInput())
    unavailable_start = forms.DateField(
        label=_("Indisponible du"), required=False, widget=DateInput()
    )
    unavailable_end = forms.DateField(label=_("au"), required=False, widget=DateInput())

    def clean(self):
        cleaned = super().clean()
        for kind in ("available", "unavailable"):
            start, end = cleaned.get(f"{kind}_start"), cleaned.get(f"{kind}_end")
            if bool(start) != bool(end):
                missing = f"{kind}_end" if start else f"{kind}_start"
                self.add_error(missing, _("Indiquez le début et la fin de la période."))
            elif start and end < start:
                self.add_error(f"{kind}_end", _("La fin de la période doit suivre son début."))
            elif end and end < timezone.localdate():
                self.add_error(f"{kind}_end", _("Cette période est déjà passée."))
        return cleaned

    def new_periods(self):
        for kind in AvailabilityPeriod.Kind:
            start = self.cleaned_data.get(f"{kind.value}_start")
            if start:
                yield kind.value, start, self.cleaned_data[f"{kind.value}_end"]


class EngagementForm(forms.ModelForm):
    """How the person gives their time, and their agreement to be proposed challenges (joining,
    step 3): without it the profile stays out of the pool matching draws from."""

    employer = forms.ModelChoiceField(
        label=_("Mon employeur"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("— pas dans la liste —"),
    )

    class Meta:
        model = Profile
        fields = ["engagement", "employer", "employer_proposed_name", "consent_data_use"]
        labels = {
            "engagement": _("Je m'engage"),
            "employer_proposed_name": _("Ou le nom de mon employeur, s'il n'est pas dans la liste"),
            "consent_data_use": _(
                "J'accepte que l'équipe du programme utilise mon profil pour me proposer des défis"
            ),
        }
        help_texts = {
            "engagement": _(
                "Détaché·e : votre employeur voit votre nom et vos heures accordées et prévues, "
                "pour ses attestations de mécénat de compétences."
            ),
            "consent_data_use": _("Vous pourrez le retirer à tout moment dans « Vos accords »."),
        }
        widgets = {"engagement": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employer"].queryset = employers()
        self.fields["consent_data_use"].required = True
        self.fields["consent_data_use"].error_messages["required"] = _(
            "Cochez cette case pour que l'on puisse vous proposer des défis."
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("engagement") == Engagement.SECONDED:
            if (
                not cleaned.get("employer")
                and not cleaned.get("employer_proposed_name", "").strip()
            ):
                self.add_error("employer", _("Choisissez votre employeur ou écrivez son nom."))
        else:
            cleaned["employer"] = None
            cleaned["employer_proposed_name"] = ""
        if cleaned.get("employer"):
            cleaned["employer_proposed_name"] = ""
        return cleaned

    def save(self, commit=True):
        profile = super().save(commit=False)
        if profile.engagement != Engagement.SECONDED:
            profile.hours_per_month_granted = 0
        if commit:
            profile.save()
        return profile


class SecondmentForm(forms.ModelForm):
    """The secondment's details, for the employer's certificates (offered after joining)."""

    class Meta:
        model = Profile
        fields = ["hours_per_month_granted", "agreement"]
        labels = {
            "hours_per_month_granted": _("Heures par mois accordées par mon employeur"),
            "agreement": _("Accord de mon employeur"),
        }
        widgets = {"hours_per_month_granted": forms.NumberInput(attrs={"min": 0, "max": 200})}

    def clean_hours_per_month_granted(self):
        hours = self.cleaned_data["hours_per_month_granted"]
        if hours > 200:
            raise forms.ValidationError(_("200 heures par mois au plus."))
        return hours


class ConsentForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = [
            "consent_data_use",
            "consent_contact_email",
            "consent_contact_phone",
            "consent_employer_sees_skills",
            "visibility",
        ]
        labels = {
            "consent_data_use": _(
                "J'accepte que l'équipe du programme utilise mon profil pour me proposer des défis"
            ),
            "consent_contact_email": _("On peut me contacter par e-mail"),
            "consent_contact_phone": _("On peut me contacter par téléphone"),
            "consent_employer_sees_skills": _(
                "Si je suis détaché·e, mon employeur peut voir mes compétences"
            ),
            "visibility": _("Mon profil"),
        }
        help_texts = {
            "consent_data_use": _(
                "Sans cet accord, votre profil reste invisible. "
                "Vous pouvez le retirer à tout moment."
            ),
            "consent_contact_phone": _(
                "Votre numéro se renseigne dans « Modifier mon profil » ; seule l'équipe le voit."
            ),
        }
        widgets = {"visibility": forms.RadioSelect}


class UnavailableForm(forms.Form):
    until = forms.DateField(label=_("Je suis indisponible jusqu'au"), widget=DateInput())

    def clean_until(self):
        until = self.cleaned_data["until"]
        if until < timezone.localdate():
            raise forms.ValidationError(_("Choisissez une date à venir."))
        return until


class SharedChoicesMixin:
    """Fixed choices are shared by every form rather than deep-copied for each: they never
    change, and copying their lazy labels cost the staff search a few milliseconds a request."""

    def __deepcopy__(self, memo):
        return forms.Field.__deepcopy__(self, memo)


class SharedChoiceField(SharedChoicesMixin, forms.ChoiceField):
    pass


class SharedTypedChoiceField(SharedChoicesMixin, forms.TypedChoiceField):
    pass


class SharedMultipleChoiceField(SharedChoicesMixin, forms.MultipleChoiceField):
    pass


SORT_CHOICES = [
    ("relevance", _("Pertinence")),
    ("availability", _("Disponibilité (heures par semaine)")),
    ("activity", _("Dernière activité")),
]


class PoolSearchForm(forms.Form):
    """The staff search. Every field is optional; a bad value is named, never a 500."""

    q = forms.CharField(
        label=_("Texte libre"), required=False, max_length=200, widget=FastTextInput
    )
    skills = SharedMultipleChoiceField(
        label=_("Compétences"),
        required=False,
        choices=[(str(f.label), [(s.code, s.label) for s in f.skills]) for f in FAMILIES],
        widget=FastSelectMultiple(attrs={"size": 6}),
    )
    skills_mode = SharedChoiceField(
        label=_("Compétences demandées"),
        choices=[("all", _("toutes")), ("any", _("au moins une"))],
        required=False,
        initial="all",
        widget=FastSelect,
    )
    min_level = SharedTypedChoiceField(
        label=_("Niveau minimum"),
        choices=[(str(level.value), level.label) for level in Level],
        coerce=int,
        required=False,
        empty_value=Level.DISCOVERING,
        widget=FastSelect,
    )
    start = forms.DateField(label=_("Disponible du"), required=False, widget=FastDateInput)
    end = forms.DateField(label=_("au"), required=False, widget=FastDateInput)
    min_hours = forms.IntegerField(
        label=_("Au moins (heures par semaine)"),
        required=False,
        min_value=0,
        max_value=MAX_HOURS_PER_WEEK,
        widget=FastNumberInput,
    )
    work_mode = SharedChoiceField(
        label=_("Mode"),
        required=False,
        choices=[
            ("", _("indifférent")),
            (WorkMode.REMOTE, WorkMode.REMOTE.label),
            (WorkMode.ON_SITE, WorkMode.ON_SITE.label),
        ],
        widget=FastSelect,
    )
    departement = SharedChoiceField(
        label=_("Département"),
        required=False,
        choices=[("", _("tous"))] + DEPARTEMENT_CHOICES,
        widget=FastSelect,
    )
    engagement = SharedChoiceField(
        label=_("Engagement"),
        required=False,
        choices=[("", _("tous"))] + Engagement.choices,
        widget=FastSelect,
    )
    employer = forms.ModelChoiceField(
        label=_("Employeur"),
        required=False,
        queryset=employers(),
        empty_label=_("tous"),
        widget=FastSelect(),
    )
    themes = SharedMultipleChoiceField(
        label=_("Thèmes"),
        required=False,
        choices=THEMES.items(),
        widget=FastCheckboxes,
    )
    languages = SharedMultipleChoiceField(
        label=_("Langues"),
        required=False,
        choices=LANGUAGES.items(),
        widget=FastCheckboxes,
    )
    sort = SharedChoiceField(
        label=_("Trier par"), required=False, choices=SORT_CHOICES, widget=FastSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        employer = self.fields["employer"]
        employer.widget.fixed_choices = False  # an organisation may be renamed
        # The options come from the pool cache; what is submitted is checked against the database.
        employer.widget.choices = [("", employer.empty_label)] + pool_cache.employer_choices(
            lambda: list(employers().values_list("pk", "name"))
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if bool(start) != bool(end):
            self.add_error(
                "end" if start else "start", _("Indiquez le début et la fin de la période.")
            )
        elif start and end < start:
            self.add_error("end", _("La fin de la période doit suivre son début."))
        return cleaned

    def criteria(self) -> dict:
        data = dict(self.cleaned_data)
        data["text"] = data.pop("q")
        data["skills_mode"] = data["skills_mode"] or "all"
        return data


class BulkEmailForm(forms.Form):
    subject = forms.CharField(label=_("Objet"), max_length=200)
    body = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8})
    )


class SavedSearchForm(forms.Form):
    name = forms.CharField(label=_("Nom de la recherche"), max_length=100)
