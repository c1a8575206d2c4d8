"""A household's diagnostic, its private link, who may open its file, and its deletion."""

import time
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from reserve.accounts.tests.factories import UserFactory
from reserve.core.models import AuditEntry
from reserve.organisations.tests.factories import MembershipFactory

from .. import services
from ..models import ConsentBy, Household, HouseholdStatus
from .factories import HouseholdFactory

STEP_1 = {
    "dwelling": "flat",
    "tenant": "true",
    "surface_m2": "45",
    "period": "1948_1974",
    "heating_energy": "electricity",
    "departement": "33",
    "region": "other",
}
STEP_2 = {"household_size": "2", "children": "1", "reference_tax_income": "9000"}
STEP_3 = {"annual_energy_bill_eur": "1500", "primary_energy_kwh_m2": "450", "ghg_kg_m2": "15"}


def start(client, **extra):
    response = client.post("/energie/diagnostic/", {"consent": "on", **extra})
    household = Household.objects.get()
    assert response.url == f"/energie/dossier/{household.token}/etape/1/"
    return household


def fill(client, household):
    base = f"/energie/dossier/{household.token}/etape"
    for number, data in ((1, STEP_1), (2, STEP_2), (3, STEP_3)):
        response = client.post(f"{base}/{number}/", data)
        assert response.status_code == 302, response.content


@pytest.mark.django_db
def test_a_household_gets_its_aids_and_advice_in_three_steps(client):
    household = start(client)
    fill(client, household)
    page = client.get(f"/energie/dossier/{household.token}/").content.decode()
    assert "176 € par an" in page  # 1.5 UC, 6,000 € per UC: the second bracket
    assert "classe G" in page
    assert "ne peut plus être loué" in page
    assert "Une simulation, pas une décision" in page
    assert "Ampoules LED" in page
    household.refresh_from_db()
    assert household.status == HouseholdStatus.DIAGNOSED
    assert household.aids_eur_year == 176


@pytest.mark.django_db
def test_without_consent_nothing_is_kept(client):
    response = client.post("/energie/diagnostic/", {})
    assert "Sans votre accord" in response.content.decode()
    assert not Household.objects.exists()


@pytest.mark.django_db
def test_the_private_link_is_mailed_when_an_address_is_given(client, run_tasks):
    household = start(client, email="moi@exemple.fr")
    run_tasks()
    assert [m.to for m in mail.outbox] == [["moi@exemple.fr"]]
    assert f"/energie/dossier/{household.token}/" in mail.outbox[0].body


@pytest.mark.django_db
def test_a_draft_resumes_at_its_step(client):
    household = start(client)
    client.post(f"/energie/dossier/{household.token}/etape/1/", STEP_1)
    response = client.get(f"/energie/dossier/{household.token}/")
    assert response.url == f"/energie/dossier/{household.token}/etape/2/"


@pytest.mark.django_db
def test_bad_answers_are_told_next_to_their_field(client):
    household = start(client)
    response = client.post(
        f"/energie/dossier/{household.token}/etape/3/",
        {"annual_energy_bill_eur": "beaucoup", "primary_energy_kwh_m2": "300"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Saisissez un nombre entier" in page
    assert "Donnez les deux chiffres du DPE" not in page  # one error at a time on that pair
    response = client.post(
        f"/energie/dossier/{household.token}/etape/3/", {"primary_energy_kwh_m2": "300"}
    )
    assert "Donnez les deux chiffres du DPE" in response.content.decode()


@pytest.mark.django_db
def test_the_household_corrects_its_answers_and_the_result_follows(client):
    household = start(client)
    fill(client, household)
    client.post(
        f"/energie/dossier/{household.token}/etape/2/", {**STEP_2, "reference_tax_income": "30000"}
    )
    household.refresh_from_db()
    assert household.aids_eur_year == 0


@pytest.mark.django_db
def test_the_household_deletes_its_file_and_the_link_dies(client):
    household = start(client)
    fill(client, household)
    token = household.token
    response = client.post(f"/energie/dossier/{token}/supprimer/")
    assert response.url == "/energie/"
    assert not Household.objects.exists()
    assert client.get(f"/energie/dossier/{token}/").status_code == 404


@pytest.mark.django_db
def test_a_forged_link_finds_nothing(client):
    household = HouseholdFactory()
    assert client.get(f"/energie/dossier/{household.token}x/").status_code == 404


@pytest.mark.django_db
def test_the_household_asks_for_a_visit(client):
    household = start(client)
    fill(client, household)
    client.post(f"/energie/dossier/{household.token}/visite/")
    household.refresh_from_db()
    assert household.status == HouseholdStatus.WAITING
    assert household.wants_visit


@pytest.mark.django_db
def test_an_alert_giver_flags_a_household_with_its_consent(client, alert_giver, run_tasks):
    client.force_login(alert_giver)
    organisation = alert_giver.memberships.get().organisation
    response = client.post(
        "/energie/orienter/",
        {
            "organisation": organisation.pk,
            "consent_by": ConsentBy.ORAL,
            "name": "Mme Martin",
            "phone": "0556000000",
            "email": "martin@exemple.fr",
            "departement": "33",
            "region": "other",
        },
    )
    household = Household.objects.get()
    assert response.url == f"/energie/foyers/{household.pk}/etape/1/"
    assert (household.alert_giver, household.organisation) == (alert_giver, organisation)
    assert household.consent_by == ConsentBy.ORAL
    run_tasks()
    assert "CCAS de Bordeaux" in mail.outbox[0].subject
    assert AuditEntry.objects.filter(action="energie.household.flag").exists()


@pytest.mark.django_db
def test_flagging_needs_the_households_consent(client, alert_giver):
    client.force_login(alert_giver)
    organisation = alert_giver.memberships.get().organisation
    response = client.post(
        "/energie/orienter/",
        {
            "organisation": organisation.pk,
            "phone": "0556000000",
            "departement": "33",
            "region": "other",
        },
    )
    assert "Ce champ est obligatoire" in response.content.decode()
    assert not Household.objects.exists()


@pytest.mark.django_db
def test_only_members_of_a_verified_organisation_flag(client):
    member = MembershipFactory(organisation__verification="pending").user
    client.force_login(member)
    assert client.get("/energie/orienter/").status_code == 403


@pytest.mark.django_db
def test_a_file_is_seen_by_its_alert_giver_and_staff_only_and_every_opening_is_audited(
    client, alert_giver, staff
):
    household = HouseholdFactory(alert_giver=alert_giver)
    services.complete(alert_giver, household)
    client.force_login(UserFactory())
    assert client.get(f"/energie/foyers/{household.pk}/").status_code == 403
    for person in (alert_giver, staff):
        client.force_login(person)
        assert client.get(f"/energie/foyers/{household.pk}/").status_code == 200
    openings = AuditEntry.objects.filter(
        action="energie.household.open", target_id=str(household.pk)
    )
    assert {entry.actor for entry in openings} == {alert_giver, staff}


@pytest.mark.django_db
def test_stale_files_are_purged_by_the_platform(settings):
    settings.ENERGIE_PURGE_DAYS = 30
    old, fresh = HouseholdFactory(), HouseholdFactory()
    Household.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=31))
    assert services.purge_stale() == 1
    assert list(Household.objects.all()) == [fresh]
    entry = AuditEntry.objects.get(action="energie.household.delete")
    assert entry.data.get("by_platform") is True


@pytest.mark.django_db
def test_the_private_link_does_not_change_over_time(monkeypatch):
    household = HouseholdFactory()
    first = household.token
    later = time.time() + 40 * 24 * 3600
    monkeypatch.setattr(time, "time", lambda: later)
    assert household.token == first
    assert Household.from_token(first) == household


@pytest.mark.django_db
def test_deleting_an_account_deletes_the_file_made_with_its_address(client):
    person = UserFactory(email="moi@exemple.fr")
    HouseholdFactory(email="MOI@exemple.fr")
    other = HouseholdFactory(email="voisin@exemple.fr")
    client.force_login(person)
    client.post("/compte/supprimer/", {"confirm_email": person.email})
    assert list(Household.objects.all()) == [other]
