from datetime import date

import factory

from reserve.organisations.tests.factories import OrganisationFactory

from ..models import ConsentBy, Household, HouseholdStatus, Kit


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    consent_by = ConsentBy.SELF
    departement = "33"
    household_size = 2
    reference_tax_income = 9_000
    annual_energy_bill_eur = 1_500
    heating_energy = "electricity"
    email = "foyer@exemple.fr"


def diagnosed(**fields) -> Household:
    """A household whose diagnostic is done and that asked for a visit."""
    from ..diagnostic import diagnose
    from ..services import as_input

    household = HouseholdFactory(status=HouseholdStatus.WAITING, **fields)
    result = diagnose(as_input(household), date(2026, 3, 1), income_required=False)
    household.result = result
    household.precarious = result["precarity"]["precarious"] if result["precarity"] else None
    household.save()
    return household


class KitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kit

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Kit éco {n}")
    measures = ["led", "power_strips", "aerators"]
    unit_cost_eur = 60
    quantity = 10
    available_from = date(2026, 1, 1)
