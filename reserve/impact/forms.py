from datetime import date, timedelta
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Visibility
from .services import MAX_HOURLY_COST


def default_period() -> tuple[date, date]:
    today = timezone.localdate()
    return today.replace(month=1, day=1), today


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        # A date field takes ISO dates whatever the language: never the localised format.
        super().__init__(attrs, format="%Y-%m-%d")


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("Du"), widget=DateInput)
    end = forms.DateField(label=_("Au"), widget=DateInput)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("La fin de la période précède son début."))
        if start and end and end - start > timedelta(days=366 * 5):
            self.add_error("end", _("Choisissez une période de cinq ans au plus."))
        return data


class StatementForm(PeriodForm):
    employee = forms.TypedChoiceField(label=_("Salarié·e"), coerce=int)
    beneficiary = forms.TypedChoiceField(label=_("Organisation bénéficiaire"), coerce=int)

    def __init__(self, *args, employees=(), beneficiaries=(), **kwargs):
        # Shown on the same page as the period filter: its own ids, for its own labels.
        super().__init__(*args, auto_id="releve_%s", **kwargs)
        self.fields["employee"].choices = [
            (p.user_id, p.user.get_full_name() or p.user.email) for p in employees
        ]
        self.fields["beneficiary"].choices = [(o.pk, o.name) for o in beneficiaries]
        self.order_fields(["employee", "beneficiary", "start", "end"])


class HourlyCostForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Coût horaire chargé (€)"),
        help_text=_("Salaire et charges sociales, pour une heure de travail."),
        min_value=Decimal("0.01"),
        max_value=MAX_HOURLY_COST,
        decimal_places=2,
        max_digits=8,
    )


class VisibilityForm(forms.ModelForm):
    class Meta:
        model = Visibility
        fields = ["on_impact_pages", "public_profile"]
