"""Énergie as a plugin: mounted, counted, shown on its challenge, in the export, with demo data."""

import pytest
from django.apps import apps
from django.core.management import call_command

from reserve.challenges.models import Status
from reserve.challenges.tests.factories import ChallengeFactory

from .. import services
from ..models import Household, Visit
from ..permissions import HouseholdVisitor
from .factories import HouseholdFactory


@pytest.mark.django_db
def test_the_platform_mounts_its_pages_and_api(client):
    assert client.get("/energie/").status_code == 200
    assert "/api/energie/diagnostic" in client.get("/api/openapi.json").json()["paths"]


@pytest.mark.django_db
def test_the_challenge_it_came_from_shows_its_impact(client):
    ChallengeFactory(slug="passoires-thermiques-aides", status=Status.DELIVERED)
    household = HouseholdFactory()
    services.complete(HouseholdVisitor(household), household)
    page = client.get("/defis/passoires-thermiques-aides/").content.decode()
    assert "<dt>foyers diagnostiqués</dt><dd>1</dd>" in page
    assert "<dt>aides trouvées par an</dt><dd>176</dd>" in page


@pytest.mark.django_db
def test_its_counters_reach_the_platform_stats(client):
    assert client.get("/api/stats").json()["energie_households"] == 0


@pytest.mark.django_db
def test_an_alert_givers_flagged_households_are_in_their_personal_data_export(alert_giver):
    HouseholdFactory(alert_giver=alert_giver)
    data = apps.get_app_config("energie").personal_data(alert_giver)["energie"]
    assert len(data["households_flagged"]) == 1


@pytest.mark.django_db
def test_demo_data_is_deterministic_and_idempotent():
    from reserve.accounts import demo as accounts_demo
    from reserve.organisations import demo as organisations_demo

    from .. import demo

    accounts_demo.seed({})
    organisations_demo.seed({})
    demo.seed({})
    first = sorted(Household.objects.values_list("email", "aids_eur_year", "status"))
    demo.seed({})
    assert sorted(Household.objects.values_list("email", "aids_eur_year", "status")) == first
    assert len(first) == 24
    assert Visit.objects.count() == 4


def test_migrations_are_up_to_date(db):
    call_command("makemigrations", "energie", "--check", "--dry-run", verbosity=0)
