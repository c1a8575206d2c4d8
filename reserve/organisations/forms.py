from django import forms
from django.utils.translation import gettext_lazy as _
from stdnum.fr import siret

from .models import Membership, Organisation, Part


class OrganisationForm(forms.ModelForm):
    part_choices = forms.MultipleChoiceField(
        label=_("Rôles de votre organisation dans le programme"),
        choices=Part.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choisissez tout ce qui s'applique."),
    )

    # Wider than the model's 14 digits: people type SIRET numbers with spaces.
    siret = forms.CharField(
        label=_("SIRET"),
        max_length=20,
        required=False,
        help_text=Organisation._meta.get_field("siret").help_text,
    )

    class Meta:
        model = Organisation
        fields = ["name", "kind", "siret", "website", "city", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("part_choices", self.instance.parts.split())

    def clean_siret(self):
        return siret.compact(self.cleaned_data["siret"])

    def save(self, commit=True):
        self.instance.parts = " ".join(self.cleaned_data["part_choices"])
        return super().save(commit)


class AddMemberForm(forms.Form):
    email = forms.EmailField(label=_("Adresse e-mail de la personne"))
    role = forms.ChoiceField(label=_("Rôle"), choices=Membership.Role.choices)


class VerificationForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Décision"),
        choices=[("verify", _("Vérifier")), ("reject", _("Refuser"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Motif (obligatoire en cas de refus)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
    )
