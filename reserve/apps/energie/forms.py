from django import forms
from django.utils.translation import gettext_lazy as _

from reserve.core import images
from reserve.reservists.models import DEPARTEMENTS

from . import messages
from .models import BillsAnswer, Campaign, ComfortAnswer, ConsentBy, Household, Kit

PHOTO_MAX_BYTES = 8_000_000

# Income by bracket for people who prefer not to give the exact figure: the middle is used.
INCOME_BRACKETS = [
    ("", _("Je donne le montant exact")),
    ("5000", _("Moins de 10 000 €")),
    ("12500", _("De 10 000 à 15 000 €")),
    ("17500", _("De 15 000 à 20 000 €")),
    ("25000", _("De 20 000 à 30 000 €")),
    ("40000", _("De 30 000 à 50 000 €")),
    ("60000", _("Plus de 50 000 €")),
]
YES_NO = [("", _("Je ne sais pas")), ("true", _("Oui")), ("false", _("Non"))]


class ConsentForm(forms.Form):
    consent = forms.BooleanField(
        label=_(
            "J'accepte que mes réponses soient gardées pour calculer mon diagnostic et mes aides. "
            "Je peux les corriger ou les supprimer à tout moment avec mon lien privé."
        ),
        error_messages={"required": _("Sans votre accord, nous ne pouvons rien garder.")},
    )
    email = forms.EmailField(
        label=_("E-mail (facultatif)"),
        required=False,
        help_text=_("Pour recevoir votre lien privé ; sinon, notez-le à la page suivante."),
    )


class HousingForm(forms.ModelForm):
    tenant = forms.TypedChoiceField(
        label=_("Êtes-vous locataire ?"),
        choices=YES_NO,
        coerce=lambda value: value == "true",
        empty_value=None,
        required=False,
    )

    class Meta:
        model = Household
        fields = [
            "dwelling",
            "tenant",
            "surface_m2",
            "period",
            "heating_energy",
            "departement",
            "region",
        ]
        widgets = {
            "dwelling": forms.RadioSelect,
            "heating_energy": forms.RadioSelect,
            "region": forms.RadioSelect,
            "surface_m2": forms.NumberInput(attrs={"inputmode": "numeric", "min": 1}),
        }
        labels = {
            "dwelling": _("Vous habitez"),
            "surface_m2": _("Surface habitable (m²), si vous la connaissez"),
            "period": _("Construit"),
            "heating_energy": _("Chauffage principal"),
            "region": _("Région"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("dwelling", "heating_energy", "region"):
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0]]
        self.fields["departement"].required = True

    def clean_surface_m2(self):
        surface = self.cleaned_data["surface_m2"]
        if surface is not None and not 1 <= surface <= 2000:
            raise forms.ValidationError(_("Saisissez une surface entre 1 et 2 000 m²."))
        return surface


class HouseholdForm(forms.ModelForm):
    income_bracket = forms.ChoiceField(
        label=_("Ou, si vous préférez, une tranche"), choices=INCOME_BRACKETS, required=False
    )

    class Meta:
        model = Household
        fields = ["household_size", "children", "reference_tax_income"]
        labels = {
            "household_size": _("Combien de personnes vivent au foyer ?"),
            "children": _("Dont enfants de moins de 14 ans"),
            "reference_tax_income": _("Revenu fiscal de référence (€ par an)"),
        }
        help_texts = {
            "reference_tax_income": _(
                "Sur votre dernier avis d'impôt, en première page. Facultatif, mais sans lui "
                "nous ne pouvons pas estimer vos aides."
            ),
        }
        widgets = {
            "household_size": forms.NumberInput(attrs={"inputmode": "numeric", "min": 1}),
            "children": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
            "reference_tax_income": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
        }

    def clean(self):
        data = super().clean()
        size, children = data.get("household_size"), data.get("children")
        if size is not None and not 1 <= size <= 30:
            self.add_error("household_size", _("Entre 1 et 30 personnes."))
        elif size is not None and children is not None and children >= size:
            self.add_error("children", _("Il faut au moins un adulte au foyer."))
        if data.get("reference_tax_income") is None and data.get("income_bracket"):
            data["reference_tax_income"] = int(data["income_bracket"])
        return data


class BillsForm(forms.ModelForm):
    class Meta:
        model = Household
        fields = ["annual_energy_bill_eur", "primary_energy_kwh_m2", "ghg_kg_m2"]
        labels = {
            "annual_energy_bill_eur": _("Vos factures d'énergie sur un an (€)"),
            "primary_energy_kwh_m2": _("DPE : énergie (kWh/m²/an), si vous l'avez"),
            "ghg_kg_m2": _("DPE : climat (kg CO2/m²/an), si vous l'avez"),
        }
        help_texts = {
            "annual_energy_bill_eur": _("Électricité, gaz, fioul, bois : le total, à peu près."),
        }
        widgets = {
            name: forms.NumberInput(attrs={"inputmode": "numeric", "min": 0})
            for name in ("annual_energy_bill_eur", "primary_energy_kwh_m2", "ghg_kg_m2")
        }

    def clean(self):
        data = super().clean()
        energy, ghg = data.get("primary_energy_kwh_m2"), data.get("ghg_kg_m2")
        if (energy is None) != (ghg is None) and not self.errors:
            missing = "ghg_kg_m2" if ghg is None else "primary_energy_kwh_m2"
            self.add_error(missing, messages.text({"key": "error.dpe_pair", "params": {}}))
        return data


STEP_FORMS = {1: HousingForm, 2: HouseholdForm, 3: BillsForm}


class FlagForm(forms.ModelForm):
    organisation = forms.ModelChoiceField(label=_("Au nom de"), queryset=None, empty_label=None)
    consent_by = forms.ChoiceField(
        label=_("Le foyer a donné son accord"),
        choices=[(c.value, c.label) for c in ConsentBy if c != ConsentBy.SELF],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Household
        fields = ["name", "phone", "email", "address", "departement", "region"]
        widgets = {"region": forms.RadioSelect}

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["departement"].required = True
        self.fields["region"].choices = [c for c in self.fields["region"].choices if c[0]]
        self.order_fields(["organisation", "consent_by"])

    def clean(self):
        data = super().clean()
        if not data.get("phone") and not data.get("email"):
            self.add_error("phone", _("Un téléphone ou un e-mail, pour que le bénévole le joigne."))
        return data


class KitForm(forms.ModelForm):
    organisation = forms.ModelChoiceField(label=_("Partenaire"), queryset=None, empty_label=None)
    measures = forms.MultipleChoiceField(
        label=_("Équipements du kit"),
        choices=[(key, label) for key, label in messages.MEASURES.items()],
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Kit
        fields = [
            "name",
            "measures",
            "contents",
            "unit_cost_eur",
            "quantity",
            "departement",
            "available_from",
            "available_until",
        ]
        widgets = {
            "available_from": forms.DateInput(attrs={"type": "date"}),
            "available_until": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.order_fields(["organisation"])

    def clean(self):
        data = super().clean()
        start, end = data.get("available_from"), data.get("available_until")
        if start and end and end < start:
            self.add_error("available_until", _("La fin vient après le début."))
        if data.get("unit_cost_eur") is not None and data["unit_cost_eur"] <= 0:
            self.add_error("unit_cost_eur", _("Un coût positif, en euros."))
        return data


class CampaignForm(forms.ModelForm):
    departements = forms.MultipleChoiceField(
        label=_("Départements"),
        choices=sorted(DEPARTEMENTS.items()),
        required=False,
        help_text=_("Aucun : toute la France."),
    )

    class Meta:
        model = Campaign
        fields = [
            "title",
            "departements",
            "budget_eur",
            "visits_per_volunteer",
            "max_share_per_area",
            "starts_on",
            "ends_on",
        ]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
        }

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("La fin vient après le début."))
        return data


class AcceptForm(forms.Form):
    scheduled_at = forms.DateTimeField(
        label=_("Rendez-vous convenu avec le foyer"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )


class InstallationForm(forms.Form):
    fitted = forms.MultipleChoiceField(
        label=_("Ce qui a été posé"),
        choices=list(messages.MEASURES.items()),
        widget=forms.CheckboxSelectMultiple,
    )
    notes = forms.CharField(
        label=_("Remarques"), widget=forms.Textarea, required=False, max_length=1000
    )
    photo = forms.ImageField(label=_("Photo (facultatif)"), required=False)

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return clean_photo(upload) if upload else None


class FollowUpForm(forms.Form):
    bills = forms.ChoiceField(
        label=_("Depuis la pose, vos factures sont"),
        choices=BillsAnswer.choices,
        widget=forms.RadioSelect,
    )
    comfort = forms.ChoiceField(
        label=_("Et votre confort chez vous"),
        choices=ComfortAnswer.choices,
        widget=forms.RadioSelect,
    )


def clean_photo(upload):
    return images.clean_photo(upload, max_bytes=PHOTO_MAX_BYTES, name="visit.jpg")
