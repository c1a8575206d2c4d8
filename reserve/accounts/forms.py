from django import forms
from django.utils.translation import gettext_lazy as _

from .models import User


class SignupForm(forms.Form):
    """Extra fields of allauth's sign-up form: a name and why the person joins."""

    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)
    is_reservist = forms.BooleanField(
        label=_("Je veux rejoindre la réserve comme bénévole"),
        required=False,
        initial=True,
        help_text=_(
            "Vous pourrez aussi représenter une organisation, ou changer d'avis plus tard."
        ),
    )
    accept_terms = forms.BooleanField(
        label=_(
            "J'accepte que La Réserve conserve ces informations pour me mettre en relation "
            "avec des défis d'intérêt général"
        ),
        help_text=_("Vous pouvez télécharger ou supprimer vos données à tout moment."),
    )

    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.is_reservist = self.cleaned_data["is_reservist"]
        user.save(update_fields=["first_name", "last_name", "is_reservist"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "phone", "is_reservist", "receive_optional_emails"]
        widgets = {"phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"})}
        labels = {
            "is_reservist": _("Je fais partie de la réserve de bénévoles"),
            "receive_optional_emails": _(
                "Recevoir les e-mails non essentiels : rappels, nouvelles des défis…"
            ),
        }
        help_texts = {
            "phone": _("Facultatif. Visible seulement par l'équipe du programme."),
            "is_reservist": _("Décochez pour ne plus être sollicité pour des défis."),
            "receive_optional_emails": _(
                "Décochez pour ne plus les recevoir : vous les retrouverez dans vos "
                "notifications sur le site. Les invitations et les e-mails de sécurité ou de "
                "compte vous sont toujours envoyés."
            ),
        }

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        digits = phone.replace(" ", "").replace(".", "").replace("-", "")
        if phone and not (digits.lstrip("+").isdigit() and 8 <= len(digits) <= 16):
            raise forms.ValidationError(
                _("Saisissez un numéro de téléphone, par exemple 06 12 34 56 78.")
            )
        return phone


class DeleteAccountForm(forms.Form):
    confirm_email = forms.EmailField(
        label=_("Pour confirmer, saisissez votre adresse e-mail"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm_email(self):
        email = self.cleaned_data["confirm_email"]
        if email.strip().lower() != self.user.email.lower():
            raise forms.ValidationError(
                _("Cette adresse ne correspond pas à celle de votre compte.")
            )
        return email
