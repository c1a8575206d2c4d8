"""The impact app's writes: visibility choices, hourly costs and time statements. Each audited."""

import hashlib
import json
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.core import audit
from reserve.reservists.models import Profile

from .employers import validated_hours
from .models import HourlyCost, TimeStatement, Visibility

MAX_HOURLY_COST = Decimal("1000")


def set_visibility(user, *, on_impact_pages: bool, public_profile: bool) -> Visibility:
    """A person's own choice to appear on impact pages and to publish a contributions profile."""
    visibility, _created = Visibility.objects.get_or_create(user=user)
    visibility.on_impact_pages = on_impact_pages
    visibility.public_profile = public_profile
    visibility.save()
    audit.record(
        user,
        "impact.visibility",
        visibility,
        on_impact_pages=on_impact_pages,
        public_profile=public_profile,
    )
    return visibility


def seconded_employee(employer, user_pk) -> Profile:
    profile = Profile.objects.seconded_by(employer).filter(user_id=user_pk).first()
    if profile is None:
        raise PermissionDenied(_("Cette personne n'est pas un détachement confirmé."))
    return profile


def set_hourly_cost(actor, employer, employee, amount: Decimal) -> HourlyCost:
    """The employer's hourly cost for one employee (salary plus social charges)."""
    if not Decimal("0") < amount <= MAX_HOURLY_COST:
        raise ValidationError(
            {"amount": _("Indiquez un coût horaire entre 0,01 € et 1 000 €.")}, code="range"
        )
    cost, _created = HourlyCost.objects.update_or_create(
        employer=employer, employee=employee, defaults={"amount": amount, "updated_by": actor}
    )
    # The amount stays out of the audit data: the log is read by staff of every organisation.
    audit.record(actor, "impact.hourly_cost", cost, employer=employer.pk)
    return cost


def canonical(statement: TimeStatement) -> bytes:
    """The facts a statement certifies, in one stable byte form: what the digest covers."""
    facts = {
        "token": statement.token,
        "employer": statement.employer.name,
        "beneficiary": statement.beneficiary.name,
        "employee": statement.employee_name,
        "period": [statement.period_start.isoformat(), statement.period_end.isoformat()],
        "lines": statement.lines,
        "hours": str(statement.hours),
        "issued_at": statement.issued_at.isoformat(),
    }
    return json.dumps(facts, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def issue_statement(actor, employer, employee: Profile, beneficiary, start, end) -> TimeStatement:
    """Freeze the validated hours of one employee for one beneficiary and period.

    Refused, with a message naming the field, when the period is reversed or holds no validated
    hour: a statement never certifies nothing.
    """
    if end < start:
        raise ValidationError({"end": _("La fin de la période précède son début.")})
    entries = (
        validated_hours([employee.user_id], start, end)
        .filter(challenge__organisation=beneficiary)
        .select_related("challenge")
        .order_by("week", "challenge__title")
    )
    lines = [
        {"week": e.week.isoformat(), "challenge": e.challenge.title, "hours": str(e.hours)}
        for e in entries
    ]
    if not lines:
        raise ValidationError(
            {
                "__all__": _(
                    "Aucune heure validée pour cette personne, cette organisation et cette "
                    "période : il n'y a rien à attester."
                )
            }
        )
    with transaction.atomic():
        statement = TimeStatement(
            employer=employer,
            beneficiary=beneficiary,
            employee=employee.user,
            employee_name=employee.user.get_full_name() or employee.user.email,
            period_start=start,
            period_end=end,
            lines=lines,
            hours=sum((e.hours for e in entries), Decimal()),
            issued_by=actor,
            issued_at=timezone.now().replace(microsecond=0),
        )
        statement.digest = hashlib.sha256(canonical(statement)).hexdigest()
        statement.save()
        audit.record(actor, "impact.statement_issued", statement, hours=str(statement.hours))
    return statement
