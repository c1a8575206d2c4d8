from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from reserve.reservists.models import Profile

from .models import TeamLink


class ProposalChoiceForm(forms.Form):
    """A person and a slot of the proposal's instance (a lock, an unlock or a swap)."""

    reservist = forms.CharField(label=_("personne"), max_length=30)
    slot = forms.CharField(label=_("rôle"), max_length=30)

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.proposal = proposal

    def clean_reservist(self):
        value = self.cleaned_data["reservist"]
        if value not in {r["id"] for r in self.proposal.instance["reservists"]}:
            raise forms.ValidationError(_("Cette personne ne fait pas partie de la proposition."))
        return value

    def clean_slot(self):
        value = self.cleaned_data["slot"]
        slots = {s["id"] for c in self.proposal.instance["challenges"] for s in c["slots"]}
        if value not in slots:
            raise forms.ValidationError(_("Ce rôle ne fait pas partie de la proposition."))
        return value

    @property
    def challenge(self) -> str:
        slot = self.cleaned_data["slot"]
        return next(
            c["id"]
            for c in self.proposal.instance["challenges"]
            if any(s["id"] == slot for s in c["slots"])
        )


class InviteForm(forms.Form):
    """Staff invite one ranked candidate to a slot of the challenge."""

    user = forms.IntegerField(label=_("personne"))
    slot = forms.IntegerField(label=_("rôle"))

    def __init__(self, *args, challenge, **kwargs):
        super().__init__(*args, **kwargs)
        self.challenge = challenge

    def clean_user(self):
        pk = self.cleaned_data["user"]
        profile = Profile.objects.in_pool().select_related("user").filter(user_id=pk).first()
        if profile is None:
            raise forms.ValidationError(_("Cette personne n'est pas dans la réserve."))
        return profile.user

    def clean_slot(self):
        slot = self.challenge.slots.filter(pk=self.cleaned_data["slot"]).first()
        if slot is None:
            raise forms.ValidationError(_("Ce rôle n'appartient pas à ce défi."))
        return slot


class ReplyForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Votre réponse"),
        choices=[("accept", _("J'accepte")), ("decline", _("Je décline"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Raison du refus (facultatif)"),
        max_length=1_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ApplicationChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, application):
        label = _("%(name)s — %(role)s — %(title)s") % {
            "name": application.user.display_name,
            "role": application.slot.skill_label,
            "title": application.slot.challenge.title,
        }
        if application.message:
            label += f" — « {Truncator(application.message).chars(160)} »"
        return label


class ApplicationsForm(forms.Form):
    """Staff decide pending applications from the catalogue, several at once."""

    applications = ApplicationChoice(
        label=_("Candidatures"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Cochez au moins une candidature.")},
    )
    decision = forms.ChoiceField(
        label=_("Décision"),
        choices=[("accept", _("Valider")), ("decline", _("Décliner"))],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applications"].queryset = queryset


class TeamLinkForm(forms.ModelForm):
    """A link shared in the team space; only web addresses (http, https) are accepted."""

    url = forms.URLField(
        label=_("Adresse"),
        max_length=500,
        assume_scheme="https",
        error_messages={
            "invalid": _("Saisissez une adresse web complète, commençant par https:// ou http://.")
        },
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )

    class Meta:
        model = TeamLink
        fields = ["label", "url"]
        labels = {"label": _("Intitulé")}
