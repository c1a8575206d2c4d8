from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms import inlineformset_factory
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .grid import SCORES, SECTIONS
from .models import (
    SPRINT_DAYS,
    Challenge,
    Decision,
    Location,
    Referent,
    RoleSlot,
    Status,
    TerritoryLevel,
    Theme,
)
from .skills import skill_choices

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
# Allowed extensions and the bytes their files start with (None: plain text, checked as UTF-8).
ATTACHMENT_TYPES = {
    "pdf": (b"%PDF",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "odt": (b"PK\x03\x04",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "csv": None,
}


class ChallengeForm(forms.ModelForm):
    theme_choices = forms.MultipleChoiceField(
        label=_("Thèmes"),
        choices=Theme.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choisissez un ou plusieurs thèmes."),
    )

    class Meta:
        model = Challenge
        fields = [
            "organisation",
            "title",
            "summary",
            "problem",
            "affected_people",
            "severity",
            "evidence",
            "tried",
            "blind_spot",
            "urgency",
            "hard_deadline",
            "data_personal",
            "data_sensitive",
            "data_holder",
            "deliverable",
            "success_criterion",
            "territory_level",
            "territory_name",
        ]
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 6}),
            "evidence": forms.Textarea(attrs={"rows": 3}),
            "tried": forms.Textarea(attrs={"rows": 3}),
            "blind_spot": forms.Textarea(attrs={"rows": 3}),
            "deliverable": forms.Textarea(attrs={"rows": 3}),
            "success_criterion": forms.Textarea(attrs={"rows": 2}),
            "hard_deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    # The guided form, section by section.
    SECTIONS = [
        (_("Qui porte le défi"), ["organisation"]),
        (_("Le défi en bref"), ["title", "summary", "theme_choices"]),
        (
            _("Le problème et qui en souffre"),
            ["problem", "affected_people", "severity", "evidence", "tried", "blind_spot"],
        ),
        (_("Urgence"), ["urgency", "hard_deadline"]),
        (_("Données en jeu"), ["data_personal", "data_sensitive", "data_holder"]),
        (_("Ce que vous attendez"), ["deliverable", "success_criterion"]),
        (_("Territoire"), ["territory_level", "territory_name"]),
    ]

    def __init__(self, *args, organisations, staff=False, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        field.queryset = organisations
        field.required = not staff
        field.empty_label = _("— À l'initiative du programme —") if staff else None
        self.initial.setdefault("theme_choices", self.instance.themes.split())

    def clean(self):
        cleaned = super().clean()
        level, name = cleaned.get("territory_level"), cleaned.get("territory_name", "")
        if level and level != TerritoryLevel.NATIONAL and not name.strip():
            self.add_error("territory_name", _("Précisez le nom du territoire."))
        return cleaned

    def sections(self):
        return [(title, [self[name] for name in names]) for title, names in self.SECTIONS]

    def save(self, commit=True):
        self.instance.themes = " ".join(self.cleaned_data["theme_choices"])
        return super().save(commit)


class ReferentForm(forms.ModelForm):
    class Meta:
        model = Referent
        fields = ["name", "service", "role", "email"]


ReferentFormSet = inlineformset_factory(
    Challenge, Referent, form=ReferentForm, extra=2, max_num=10, can_delete=True
)


class RoleSlotForm(forms.ModelForm):
    class Meta:
        model = RoleSlot
        fields = [
            "skill",
            "level",
            "count",
            "hours_per_week",
            "location",
            "departement",
            "description",
            "overbooking",
        ]
        widgets = {
            "count": forms.NumberInput(attrs={"min": 1, "max": 10}),
            "overbooking": forms.NumberInput(attrs={"min": 0, "max": 10}),
            "hours_per_week": forms.NumberInput(attrs={"min": 1, "max": 35}),
        }
        help_texts = {"skill": _("Code de la compétence, par ex. « tech.backend ».")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["overbooking"].required = False
        choices = skill_choices()
        if choices:
            self.fields["skill"] = forms.ChoiceField(
                label=_("Compétence"), choices=[("", "—"), *choices]
            )

    def clean_count(self):
        count = self.cleaned_data["count"]
        if not 1 <= count <= 10:
            raise ValidationError(_("Entre 1 et 10 personnes par rôle."))
        return count

    def clean_overbooking(self):
        overbooking = self.cleaned_data["overbooking"]
        if overbooking is None:
            return settings.TEAM_OVERBOOKING
        if not 0 <= overbooking <= 10:
            raise ValidationError(_("Entre 0 et 10 invitations en surnombre."))
        return overbooking

    def clean_hours_per_week(self):
        hours = self.cleaned_data["hours_per_week"]
        if not 1 <= hours <= 35:
            raise ValidationError(_("Entre 1 et 35 heures par semaine."))
        return hours

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("location") == Location.ON_SITE and not cleaned.get("departement"):
            self.add_error("departement", _("Un rôle sur place a besoin d'un département."))
        return cleaned


RoleSlotFormSet = inlineformset_factory(
    Challenge, RoleSlot, form=RoleSlotForm, extra=2, max_num=20, can_delete=True
)


class SprintForm(forms.Form):
    sprint_start = forms.DateField(
        label=_("Début du sprint"), widget=forms.DateInput(attrs={"type": "date"})
    )
    sprint_end = forms.DateField(
        label=_("Fin du sprint"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sprint_end"].help_text = gettext("Vide : %(days)s jours après le début.") % {
            "days": SPRINT_DAYS
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("sprint_start"), cleaned.get("sprint_end")
        if start and end and end <= start:
            self.add_error("sprint_end", _("La fin du sprint doit suivre son début."))
        return cleaned


class GridForm(forms.Form):
    """One score and one comment per criterion of the qualification grid."""

    def __init__(self, *args, staff=False, **kwargs):
        super().__init__(*args, **kwargs)
        for _key, _title, criteria in SECTIONS:
            for criterion, label in criteria:
                self.fields[f"{criterion}_score"] = forms.TypedChoiceField(
                    label=label,
                    choices=[("", _("— non évalué —")), *SCORES],
                    coerce=int,
                    required=False,
                    empty_value=None,
                )
                self.fields[f"{criterion}_comment"] = forms.CharField(
                    label=_("Commentaire : %(criterion)s") % {"criterion": label},
                    required=False,
                    max_length=2000,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )
        if staff:
            self.fields["impact_assessment_needed"] = forms.BooleanField(
                label=_("Une analyse d'impact (AIPD) est nécessaire"), required=False
            )

    def clean(self):
        cleaned = super().clean()
        for _key, _title, criteria in SECTIONS:
            for criterion, _label in criteria:
                if (
                    cleaned.get(f"{criterion}_comment")
                    and cleaned.get(f"{criterion}_score") is None
                ):
                    self.add_error(
                        f"{criterion}_score", _("Notez ce critère avant de le commenter.")
                    )
        return cleaned

    def sections(self):
        return [
            (title, [(self[f"{c}_score"], self[f"{c}_comment"]) for c, _label in criteria])
            for _key, title, criteria in SECTIONS
        ]

    def scores(self) -> dict:
        return {
            criterion: (
                self.cleaned_data[f"{criterion}_score"],
                self.cleaned_data[f"{criterion}_comment"],
            )
            for _key, _title, criteria in SECTIONS
            for criterion, _label in criteria
            if self.cleaned_data.get(f"{criterion}_score") is not None
        }


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Décision"), choices=Decision.choices, widget=forms.RadioSelect
    )
    rationale = forms.CharField(
        label=_("Motif (envoyé au porteur du défi)"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    make_public = forms.BooleanField(
        label=_("En cas de refus, publier quand même le défi dans le catalogue"), required=False
    )


class TransitionForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Markdown accepté. Mentionnez quelqu'un avec @prénom ou @adresse-e-mail."),
    )
    attachment = forms.FileField(
        label=_("Pièce jointe"),
        required=False,
        help_text=_("PDF, PNG, JPEG, ODT, DOCX, XLSX ou CSV ; 10 Mo au plus."),
    )

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            check_attachment(upload)
        return upload


def check_attachment(upload) -> None:
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in ATTACHMENT_TYPES:
        raise ValidationError(
            _("Type de fichier refusé (%(ext)s). Acceptés : PDF, PNG, JPEG, ODT, DOCX, XLSX, CSV.")
            % {"ext": extension or _("sans extension")}
        )
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            _("Fichier trop lourd (%(size)s) : 10 Mo au plus.")
            % {"size": filesizeformat(upload.size)}
        )
    head = upload.read(2048)
    upload.seek(0)
    signatures = ATTACHMENT_TYPES[extension]
    if signatures is None:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            if len(head) < 2048:  # a cut in the middle of a character is fine
                raise ValidationError(_("Ce fichier CSV n'est pas du texte UTF-8.")) from error
    elif not head.startswith(signatures):
        raise ValidationError(
            _("Le contenu de ce fichier ne correspond pas à son extension (.%(ext)s).")
            % {"ext": extension}
        )


class ReferentInviteForm(ReferentForm):
    pass


class CatalogueFilters(forms.Form):
    q = forms.CharField(label=_("Rechercher"), required=False, max_length=100)
    theme = forms.ChoiceField(
        label=_("Thème"), required=False, choices=[("", _("Tous les thèmes")), *Theme.choices]
    )
    status = forms.ChoiceField(
        label=_("Statut"),
        required=False,
        choices=[("", _("Tous les statuts"))]
        + [(s.value, s.label) for s in Status if s in Status.public() or s == Status.DECLINED],
    )
    skill = forms.ChoiceField(label=_("Compétence recherchée"), required=False)
    territory = forms.CharField(label=_("Territoire"), required=False, max_length=100)

    def __init__(self, *args, skills=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skill"].choices = [("", _("Toutes les compétences")), *skills]

    def filter(self, queryset):
        return queryset.filtered(**self.cleaned_data)
