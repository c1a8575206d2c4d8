from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from reserve.core import images

from . import services
from .models import AbuseReason, Category, Element, FollowUpAnswer, Outcome, Reason


def clean_photo(upload):
    return images.clean_photo(upload, max_bytes=settings.LIGHTSOFF_PHOTO_MAX_BYTES)


class ReportForm(forms.Form):
    element = forms.ChoiceField(
        label=_("Qu'est-ce qui est allumé ?"), choices=Element.choices, widget=forms.RadioSelect
    )
    seen_at = forms.DateTimeField(
        label=_("Quand ?"),
        help_text=_("Maintenant par défaut."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    photo = forms.ImageField(
        label=_("Photo (facultatif)"),
        required=False,
        help_text=_("Sans personne reconnaissable. Les données de localisation sont retirées."),
        # On a phone this opens the back camera; elsewhere, the usual file picker.
        widget=forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "environment"}),
    )
    comment = forms.CharField(label=_("Commentaire (facultatif)"), required=False, max_length=500)
    email = forms.EmailField(
        label=_("Votre e-mail (facultatif)"),
        required=False,
        help_text=_("Pour vous inviter à repasser voir si le commerce a éteint."),
    )
    consent = forms.BooleanField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The retention is a setting: the promise reads it, never a number written here.
        self.fields["consent"].label = _(
            "J'accepte d'être recontacté(e) à ce sujet ; l'e-mail est effacé après %(days)s jours."
        ) % {"days": settings.LIGHTSOFF_PURGE_DAYS}

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        return clean_photo(photo) if photo else None


PIN_MISSING = _("Touchez la carte à l'endroit du commerce, ou utilisez votre position.")


class ShopForm(forms.Form):
    """A missing shop: its place is a pin dropped on the map (lat/lon are never typed)."""

    name = forms.CharField(label=_("Nom du commerce"), max_length=200)
    lat = forms.FloatField(
        label=_("Latitude"),
        min_value=-90,
        max_value=90,
        widget=forms.HiddenInput,
        error_messages={"required": PIN_MISSING, "invalid": PIN_MISSING},
    )
    lon = forms.FloatField(
        label=_("Longitude"),
        min_value=-180,
        max_value=180,
        widget=forms.HiddenInput,
        error_messages={"required": PIN_MISSING, "invalid": PIN_MISSING},
    )
    category = forms.ChoiceField(label=_("Catégorie"), choices=Category.choices)
    address = forms.CharField(label=_("Adresse (facultatif)"), max_length=300, required=False)
    confirm_new = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if "lat" in data and "lon" in data and not services.in_france(data["lat"], data["lon"]):
            self.add_error("lat", _("Cette position est hors de France."))
        return data


class ShopkeeperForm(forms.Form):
    answer = forms.ChoiceField(choices=[], widget=forms.HiddenInput)
    reason = forms.ChoiceField(
        label=_("Votre raison"), choices=[("", "—"), *Reason.choices], required=False
    )


class ContactForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Résultat"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea, max_length=2000
    )


class FollowUpForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Ce soir, le commerce est…"),
        choices=FollowUpAnswer.choices,
        widget=forms.RadioSelect,
    )


class AbuseForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Motif"), choices=AbuseReason.choices, widget=forms.RadioSelect
    )


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Approuver")), ("hide", _("Masquer"))])
    reason = forms.CharField(label=_("Raison (envoyée à l'auteur)"), required=False, max_length=300)


class EcoWattForm(forms.Form):
    day = forms.DateField(label=_("Jour"), widget=forms.DateInput(attrs={"type": "date"}))
    value = forms.TypedChoiceField(
        label=_("Signal"), coerce=int, choices=[(1, _("Vert")), (2, _("Orange")), (3, _("Rouge"))]
    )
    message = forms.CharField(label=_("Message"), required=False, max_length=300)
