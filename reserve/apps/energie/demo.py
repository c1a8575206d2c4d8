"""Demo households in Gironde, partner kits, a distribution campaign and a few fittings.

Attached to the challenge « Passoires thermiques : toutes les aides en une page » of
reserve/challenges/demo.py. Deterministic (a seeded generator) and idempotent (households keyed
by their demo e-mail, kits by name, the campaign by title).
"""

import random
from datetime import date, timedelta
from pathlib import Path

from django.utils import timezone

from reserve.accounts.models import User
from reserve.organisations.models import Organisation

from . import dpe_import, services
from .models import (
    Campaign,
    ConsentBy,
    DpeRecord,
    Household,
    HouseholdStatus,
    Kit,
    Visit,
    VisitStatus,
)

SAMPLE = Path(__file__).resolve().parent / "data" / "dpe_sample.csv"
HOUSEHOLDS = 24
EMAIL = "foyer-{:02d}@demo.lareserve.fr"
PARTNER = "Métropole de Bordeaux"
ALERT_GIVER = "agent@demo.lareserve.fr"
VOLUNTEER = "reserviste@demo.lareserve.fr"
KITS = [
    ("Kit éclairage et veilles", ["led", "power_strips"], 35, 60),
    ("Kit hiver", ["draught_proofing", "radiator_valves", "aerators"], 55, 40),
    ("Kit thermostat", ["thermostat"], 80, 15),
]
CAMPAIGN = "Hiver en Gironde"


def seed(options) -> list[str]:
    partner = Organisation.objects.filter(name=PARTNER).first()
    alert_giver = User.objects.filter(email=ALERT_GIVER).first()
    volunteer = User.objects.filter(email=VOLUNTEER).first()
    if not DpeRecord.objects.exists():
        with SAMPLE.open(encoding="utf-8", newline="") as lines:
            dpe_import.import_rows(dpe_import.read(lines))
    households = _households(alert_giver)
    kits = _kits(partner) if partner else []
    if volunteer is not None and kits:
        _campaign_and_fittings(volunteer, households, kits)
    return [
        f"Énergie: {len(households)} foyers, {len(kits)} kits, "
        f"{DpeRecord.objects.count()} DPE, "
        f"{Visit.objects.filter(status=VisitStatus.INSTALLED).count()} poses"
    ]


def _households(alert_giver) -> list[Household]:
    rng = random.Random(14)
    households = []
    for n in range(1, HOUSEHOLDS + 1):
        size = rng.choice([1, 1, 2, 2, 3, 4, 5])
        values = {
            "household_size": size,
            "children": max(size - 2, 0),
            "reference_tax_income": rng.randrange(6_000, 40_000, 500),
            "annual_energy_bill_eur": rng.randrange(700, 2_800, 50),
            "heating_energy": rng.choice(["electricity", "electricity", "gas", "fuel_oil"]),
            "dwelling": rng.choice(["flat", "house"]),
            "tenant": rng.random() < 0.6,
            "surface_m2": rng.randrange(25, 110),
            "departement": "33",
        }
        if rng.random() < 0.5:
            values["primary_energy_kwh_m2"] = rng.randrange(250, 560)
            values["ghg_kg_m2"] = rng.randrange(8, 90)
        flagged = alert_giver is not None and n % 3 == 0
        household, created = Household.objects.get_or_create(
            email=EMAIL.format(n),
            defaults={
                **values,
                "consent_by": ConsentBy.ORAL if flagged else ConsentBy.SELF,
                "alert_giver": alert_giver if flagged else None,
                "organisation": alert_giver.memberships.first().organisation if flagged else None,
            },
        )
        if created:
            _complete(household)
        households.append(Household.objects.get(pk=household.pk))
    return households


def _complete(household: Household) -> None:
    """Diagnose and, for most, ask for a visit, as the household would have done."""
    from .permissions import HouseholdVisitor

    actor = HouseholdVisitor(household)
    services.complete(actor, household)
    if household.pk % 4:
        services.request_visit(actor, Household.objects.get(pk=household.pk))


def _kits(partner) -> list[Kit]:
    kits = []
    for name, measures, cost, quantity in KITS:
        kit, _created = Kit.objects.get_or_create(
            name=name,
            organisation=partner,
            defaults={
                "measures": measures,
                "unit_cost_eur": cost,
                "quantity": quantity,
                "departement": "33",
                "available_from": date(2026, 1, 1),
            },
        )
        kits.append(kit)
    return kits


def _campaign_and_fittings(volunteer, households, kits) -> None:
    staff = User.objects.filter(is_staff=True).order_by("pk").first()
    campaign, created = Campaign.objects.get_or_create(
        title=CAMPAIGN,
        defaults={
            "departements": ["33"],
            "budget_eur": 2_000,
            "starts_on": date(2026, 1, 5),
            "ends_on": date(2026, 4, 30),
            "created_by": staff,
        },
    )
    if not created:
        return
    # Four households already equipped, so the public figures are not empty.
    waiting = [h for h in households if h.status == HouseholdStatus.WAITING][:4]
    for index, household in enumerate(waiting):
        kit = kits[index % len(kits)]
        advice = {line["measure"]: line for line in household.result["advice"]}
        fitted = [m for m in kit.measures if m in advice]
        Visit.objects.create(
            campaign=campaign,
            household=household,
            kit=kit,
            volunteer=volunteer,
            status=VisitStatus.INSTALLED,
            scheduled_at=timezone.now() - timedelta(days=20 + index),
            installed_at=timezone.now() - timedelta(days=20 + index),
            fitted=fitted,
            saved_eur_year=sum(advice[m]["eur_year"] for m in fitted),
            saved_kwh_year=sum(advice[m]["kwh_year"] for m in fitted),
            precarious=household.precarious,
        )
        Household.objects.filter(pk=household.pk).update(status=HouseholdStatus.EQUIPPED)
