from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reserve.challenges.forms import check_attachment

from .choices import Confidence, DeliveryVerdict
from .models import Deliverable, Handover, Indicator, Measurement, SprintPlan, monday


class PlanForm(forms.ModelForm):
    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = self.fields["lead"].queryset.filter(
            pk__in=[m.pk for m in members]
        )

    class Meta:
        model = SprintPlan
        fields = ["goal", "success_criteria", "risks", "lead"]
        widgets = {
            "success_criteria": forms.Textarea(attrs={"rows": 3}),
            "risks": forms.Textarea(attrs={"rows": 3}),
        }


class DeliverableForm(forms.ModelForm):
    class Meta:
        model = Deliverable
        fields = ["name", "kind", "due_date", "mandatory"]
        widgets = {"due_date": forms.DateInput(attrs={"type": "date"})}


class IndicatorForm(forms.ModelForm):
    def __init__(self, *args, challenge=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.challenge = challenge

    def clean_key(self):
        key = self.cleaned_data["key"]
        if self.challenge and self.challenge.indicators.filter(key=key).exists():
            raise forms.ValidationError(_("Ce code est déjà celui d'un indicateur du défi."))
        return key

    def clean_plugin_key(self):
        key = self.cleaned_data.get("plugin_key") or None
        if key and self.challenge and self.challenge.indicators.filter(plugin_key=key).exists():
            raise forms.ValidationError(
                _("Un autre indicateur du défi reçoit déjà ce chiffre de l'application.")
            )
        return key

    class Meta:
        model = Indicator
        fields = [
            "name", "key", "unit", "baseline", "baseline_date", "target", "direction", "source",
            "measured_by", "plugin_key",
        ]  # fmt: skip
        widgets = {"baseline_date": forms.DateInput(attrs={"type": "date"})}


class CheckInForm(forms.Form):
    week = forms.TypedChoiceField(label=_("Semaine du"), coerce=forms.DateField().to_python)
    progress = forms.CharField(
        label=_("Avancement"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    blockers = forms.CharField(
        label=_("Blocages"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Ce qui vous empêche d'avancer ; laissez vide s'il n'y en a pas."),
    )
    help_needed = forms.CharField(
        label=_("Aide demandée"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    confidence = forms.ChoiceField(label=_("Confiance"), choices=Confidence.choices)

    def __init__(self, *args, weeks=(), members=(), may_declare_all=False, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["week"].choices = [
            (week.isoformat(), week.strftime("%d/%m/%Y")) for week in reversed(weeks)
        ]
        if weeks:
            self.fields["week"].initial = monday(min(timezone.localdate(), weeks[-1])).isoformat()
        self.members = [m for m in members if may_declare_all or m.pk == user.pk]
        for member in self.members:
            self.fields[f"hours_{member.pk}"] = forms.DecimalField(
                label=_("Heures données cette semaine par %(name)s") % {"name": member},
                required=False,
                min_value=0,
                max_value=168,
                max_digits=5,
                decimal_places=2,
            )

    def hours(self) -> dict:
        return {
            member: self.cleaned_data[f"hours_{member.pk}"]
            for member in self.members
            if self.cleaned_data.get(f"hours_{member.pk}") is not None
        }


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Commentaire"), max_length=3000, widget=forms.Textarea(attrs={"rows": 2})
    )


class DeliverForm(forms.Form):
    link = forms.URLField(label=_("Lien"), required=False, max_length=500, assume_scheme="https")
    file = forms.FileField(
        label=_("Fichier"),
        required=False,
        help_text=_("PDF, PNG, JPEG, ODT, DOCX, XLSX ou CSV, 10 Mo au plus."),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            check_attachment(upload)
        return upload

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("link") and not data.get("file"):
            self.add_error("link", _("Donnez un lien ou joignez un fichier."))
        return data


class DemoForm(forms.Form):
    demo_day = forms.DateField(
        label=_("Jour de la démo"), widget=forms.DateInput(attrs={"type": "date"})
    )
    demo_notes = forms.CharField(
        label=_("Compte rendu"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DecisionForm(forms.Form):
    verdict = forms.ChoiceField(
        label=_("Décision"), choices=DeliveryVerdict.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Motif"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Obligatoire pour demander des modifications."),
    )

    def clean(self):
        data = super().clean()
        if data.get("verdict") == DeliveryVerdict.CHANGES_REQUESTED and not data.get("reason"):
            self.add_error("reason", _("Dites ce qu'il faut changer."))
        return data


class HandoverForm(forms.ModelForm):
    class Meta:
        model = Handover
        fields = [
            "owner", "licence", "hosting", "personal_data_and_security", "impact_assessment",
            "impact_assessment_reason", "maintenance_contact", "if_nobody_takes_over",
        ]  # fmt: skip
        widgets = {
            name: forms.Textarea(attrs={"rows": 2})
            for name in [
                "hosting",
                "personal_data_and_security",
                "impact_assessment_reason",
                "if_nobody_takes_over",
            ]  # fmt: skip
        }


class MeasurementForm(forms.ModelForm):
    class Meta:
        model = Measurement
        fields = ["date", "value", "source", "evidence_url"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}


class HoursValidationForm(forms.Form):
    entries = forms.ModelMultipleChoiceField(
        label=_("Heures à valider"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entries"].queryset = queryset
        self.fields["entries"].label_from_instance = lambda entry: (
            _("%(name)s, semaine du %(week)s : %(hours)s h%(flag)s")
            % {
                "name": entry.member,
                "week": entry.week.strftime("%d/%m/%Y"),
                "hours": entry.hours,
                "flag": _(" — au-delà du plafond, à vérifier") if entry.flagged else "",
            }
        )
