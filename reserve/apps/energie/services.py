"""Énergie's named write operations on household files: each checks, writes and audits.

Kits, campaigns, allocation and visits are in `distribution.py`.
"""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.core import notify
from reserve.core.audit import SYSTEM, record
from reserve.organisations.permissions import can_act_for

from . import diagnostic
from .lifecycle import HOUSEHOLD
from .models import ConsentBy, Household, HouseholdStatus
from .permissions import HouseholdVisitor, can_open

# The fields each step of the diagnostic saves, in order; step 4 is the result.
STEPS = {
    1: ("dwelling", "tenant", "surface_m2", "period", "heating_energy", "departement", "region"),
    2: ("household_size", "children", "reference_tax_income"),
    3: ("annual_energy_bill_eur", "primary_energy_kwh_m2", "ghg_kg_m2"),
}
LAST_STEP = max(STEPS)


class ServiceError(Exception):
    """A refused operation, with the message the user reads."""


def private_link(household: Household) -> str:
    return reverse("energie:file", args=[household.token])


def start_household(*, consent_by: str = ConsentBy.SELF, **fields) -> Household:
    """Open a draft file for a household that agreed to it (self-service or helped)."""
    household = Household.objects.create(consent_by=consent_by, **fields)
    record(None, "energie.household.create", household, consent_by=consent_by)
    return household


def flag_household(user, organisation, *, consent_by: str, **contact) -> Household:
    """An alert giver flags a household with its recorded consent; it gets its private link."""
    if not can_act_for(user, organisation):
        raise PermissionDenied(
            _("Seuls les membres d'une structure vérifiée peuvent orienter un foyer.")
        )
    if consent_by not in (ConsentBy.ORAL, ConsentBy.WRITTEN):
        raise ServiceError(_("Indiquez comment le foyer a donné son accord."))
    with transaction.atomic():
        household = Household.objects.create(
            consent_by=consent_by, alert_giver=user, organisation=organisation, **contact
        )
        record(user, "energie.household.flag", household, organisation=organisation.pk)
    if household.email:
        notify.email(
            [household.email],
            "energie/email/flagged",
            {"organisation": organisation.name, "link_path": private_link(household)},
        )
    return household


def open_file(actor, household: Household) -> Household:
    """Every opening of a file by someone else than the household is audited."""
    if not isinstance(actor, HouseholdVisitor) and not can_open(actor, household):
        raise PermissionDenied(
            _("Ce dossier n'est visible que par son orienteur, son bénévole et l'équipe.")
        )
    record(
        None if isinstance(actor, HouseholdVisitor) else actor,
        "energie.household.open",
        household,
        by="household" if isinstance(actor, HouseholdVisitor) else "account",
    )
    return household


def save_step(actor, household: Household, step: int, values: dict) -> Household:
    """Save one step of the diagnostic: the draft can be resumed from its private link."""
    for name in STEPS[step]:
        if name in values:
            setattr(household, name, values[name])
    household.step = max(household.step, min(step + 1, LAST_STEP + 1))
    household.save()
    record(_audit_actor(actor), "energie.household.update", household, step=step)
    if step == LAST_STEP or household.result is not None:
        complete(actor, household)
    return household


def as_input(household: Household) -> diagnostic.Household:
    return diagnostic.Household(
        household_size=household.household_size,
        reference_tax_income=household.reference_tax_income,
        region=household.region,
        surface_m2=household.surface_m2,
        primary_energy_kwh_m2=household.primary_energy_kwh_m2,
        ghg_kg_m2=household.ghg_kg_m2,
        annual_energy_bill_eur=household.annual_energy_bill_eur,
        dwelling=household.dwelling,
        heating_energy=household.heating_energy,
        tenant=household.tenant,
    )


def complete(actor, household: Household, day: date | None = None) -> Household:
    """Compute the diagnostic with today's rules and keep it with the file."""
    day = day or timezone.localdate()
    result = diagnostic.diagnose(as_input(household), day, income_required=False)
    household.result = result
    household.result_date = day
    household.precarious = result["precarity"]["precarious"] if result["precarity"] else None
    household.aids_eur_year = result["aids_eur_year"]
    household.save(update_fields=["result", "result_date", "precarious", "aids_eur_year"])
    if household.status == HouseholdStatus.DRAFT:
        household, _previous = HOUSEHOLD.fire(actor, household, "complete")
    return household


def request_visit(actor, household: Household) -> Household:
    """The household (or its alert giver) asks for a visit and small equipment."""
    household, _previous = HOUSEHOLD.fire(actor, household, "request")
    Household.objects.filter(pk=household.pk).update(wants_visit=True)
    household.wants_visit = True
    return household


def delete_household(actor, household: Household) -> None:
    """Delete the file for good; its visits stay, without it, for the impact figures."""
    with transaction.atomic():
        record(_audit_actor(actor), "energie.household.delete", household)
        household.delete()


def purge_stale(now=None) -> int:
    """Delete files left without activity for ENERGIE_PURGE_DAYS (run by the platform)."""
    now = now or timezone.now()
    stale = Household.objects.stale(now - timedelta(days=settings.ENERGIE_PURGE_DAYS))
    count = 0
    for household in stale.iterator():
        delete_household(SYSTEM, household)
        count += 1
    return count


def _audit_actor(actor):
    return None if isinstance(actor, HouseholdVisitor) else actor
