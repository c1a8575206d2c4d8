"""Kits, a campaign's allocation, visits offered, accepted, fitted, and the follow-up."""

import io
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.core import mail
from django.utils import timezone
from PIL import Image

from reserve.accounts.tests.factories import UserFactory
from reserve.core.models import AuditEntry
from reserve.organisations.tests.factories import MembershipFactory

from .. import distribution
from ..models import AllocationRun, Campaign, HouseholdStatus, Kit, Visit, VisitStatus
from .factories import KitFactory, diagnosed


def campaign(staff, **fields):
    return distribution.create_campaign(
        staff,
        **{
            "title": "Hiver 2026 en Gironde",
            "departements": ["33"],
            "budget_eur": 1_000,
            "starts_on": date(2026, 1, 10),
            "ends_on": date(2026, 3, 31),
            **fields,
        },
    )


@pytest.mark.django_db
def test_a_partner_declares_its_stock(client):
    member = MembershipFactory().user
    client.force_login(member)
    organisation = member.memberships.get().organisation
    response = client.post(
        "/energie/kits/",
        {
            "organisation": organisation.pk,
            "name": "Kit hiver",
            "measures": ["led", "draught_proofing"],
            "unit_cost_eur": "58.50",
            "quantity": "40",
            "departement": "33",
            "available_from": "2026-01-01",
        },
    )
    assert response.status_code == 302
    kit = Kit.objects.get()
    assert (kit.organisation, kit.quantity, kit.measures) == (
        organisation,
        40,
        ["led", "draught_proofing"],
    )


@pytest.mark.django_db
def test_a_kit_with_an_end_before_its_start_is_refused(client):
    member = MembershipFactory().user
    client.force_login(member)
    response = client.post(
        "/energie/kits/",
        {
            "organisation": member.memberships.get().organisation.pk,
            "name": "Kit",
            "measures": ["led"],
            "unit_cost_eur": "10",
            "quantity": "1",
            "available_from": "2026-02-01",
            "available_until": "2026-01-01",
        },
    )
    assert "La fin vient après le début" in response.content.decode()
    assert not Kit.objects.exists()


@pytest.mark.django_db
def test_the_instance_weighs_precarious_households_and_counts_each_kits_savings(staff, volunteer):
    poor = diagnosed(reference_tax_income=9_000)
    kit = KitFactory(measures=["led", "power_strips"])
    instance = distribution.build_instance(campaign(staff))
    (household,) = instance["households"]
    advice = {line["measure"]: line["eur_year"] for line in poor.result["advice"]}
    assert household["savings_eur"] == {str(kit.pk): advice["led"] + advice["power_strips"]}
    assert household["precarity_weight"] == 2.5  # precarious, and the very modest category
    assert instance["volunteers"] == [{"id": str(volunteer.pk), "areas": ["33"], "visits": 5}]
    assert instance["kits"][0]["stock"] == 10


@pytest.mark.django_db
def test_staff_run_lock_and_offer_visits_and_the_run_replays(staff, volunteer, run_tasks):
    household = diagnosed()
    KitFactory()
    drive = campaign(staff)
    run = distribution.run_allocation(staff, drive)
    assert [line["household"] for line in run.result["assignments"]] == [str(household.pk)]
    assert distribution.allocate(run.instance) == run.result  # the stored instance replays
    visits = distribution.lock_campaign(staff, drive)
    assert [(v.household, v.volunteer, v.status) for v in visits] == [
        (household, volunteer, VisitStatus.OFFERED)
    ]
    household.refresh_from_db()
    assert household.status == HouseholdStatus.ASSIGNED
    run_tasks()
    assert mail.outbox[0].to == [volunteer.email]
    assert "/energie/visites/" in mail.outbox[0].body


@pytest.mark.django_db
def test_a_locked_campaign_cannot_be_run_again_until_reopened(client, staff, volunteer):
    diagnosed()
    KitFactory()
    drive = campaign(staff)
    distribution.run_allocation(staff, drive)
    distribution.lock_campaign(staff, drive)
    client.force_login(staff)
    response = client.post(f"/energie/campagnes/{drive.pk}/run/", follow=True)
    assert "Impossible" in response.content.decode()
    assert AllocationRun.objects.count() == 1
    assert distribution.reopen_campaign(staff, drive) == 1
    assert Visit.objects.count() == 0
    distribution.run_allocation(staff, Campaign.objects.get())
    assert AllocationRun.objects.count() == 2


@pytest.mark.django_db
def test_only_staff_open_campaigns(client, user):
    client.force_login(user)
    assert client.get("/energie/campagnes/").status_code == 403


def offered_visit(staff):
    diagnosed(name="M. Leroy", address="3 rue des Lilas, Bordeaux")
    KitFactory()
    drive = campaign(staff)
    distribution.run_allocation(staff, drive)
    return distribution.lock_campaign(staff, drive)[0]


def photo_upload():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, "PNG")
    buffer.name = "pose.png"
    buffer.seek(0)
    return buffer


@pytest.mark.django_db
def test_a_volunteer_accepts_gets_the_calendar_and_records_the_fitting(
    client, staff, volunteer, media, run_tasks
):
    visit = offered_visit(staff)
    client.force_login(volunteer)
    when = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT14:00")
    client.post(f"/energie/visites/{visit.pk}/", {"accept": "1", "scheduled_at": when})
    visit.refresh_from_db()
    assert visit.status == VisitStatus.ACCEPTED
    ics = client.get(f"/energie/visites/{visit.pk}/agenda.ics")
    assert ics["Content-Type"].startswith("text/calendar")
    body = ics.content.decode()
    assert "BEGIN:VEVENT" in body
    assert "LOCATION:3 rue des Lilas\\, Bordeaux" in body
    response = client.post(
        f"/energie/visites/{visit.pk}/",
        {"install": "1", "fitted": ["led", "power_strips"], "photo": photo_upload()},
    )
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.status == VisitStatus.INSTALLED
    assert visit.saved_eur_year > 0
    assert visit.saved_kwh_year > 0
    assert visit.photo.name.endswith(".jpg")  # re-encoded: no metadata kept
    assert "visit" not in visit.photo.name.rsplit("/", 1)[-1]  # an unguessable name
    assert client.get(f"/energie/visites/{visit.pk}/photo/").status_code == 200
    client.force_login(UserFactory())
    assert client.get(f"/energie/visites/{visit.pk}/photo/").status_code == 403
    client.force_login(volunteer)
    assert visit.household.status == HouseholdStatus.EQUIPPED
    assert Kit.objects.get().quantity == 9
    run_tasks()
    assert "foyer@exemple.fr" in [m.to[0] for m in mail.outbox]  # the household is told


@pytest.mark.django_db
def test_another_volunteer_cannot_open_the_visit(client, staff, volunteer):
    visit = offered_visit(staff)
    client.force_login(UserFactory(is_reservist=True))
    assert client.get(f"/energie/visites/{visit.pk}/").status_code == 403


@pytest.mark.django_db
def test_an_appointment_in_the_past_is_refused(client, staff, volunteer):
    visit = offered_visit(staff)
    client.force_login(volunteer)
    response = client.post(
        f"/energie/visites/{visit.pk}/",
        {"accept": "1", "scheduled_at": "2020-01-01T10:00"},
        follow=True,
    )
    assert "à venir" in response.content.decode()
    visit.refresh_from_db()
    assert visit.status == VisitStatus.OFFERED


@pytest.mark.django_db
def test_declining_puts_the_household_back_in_the_queue(client, staff, volunteer):
    visit = offered_visit(staff)
    client.force_login(volunteer)
    client.post(f"/energie/visites/{visit.pk}/", {"decline": "1"})
    visit.refresh_from_db()
    assert visit.status == VisitStatus.DECLINED
    assert visit.household.status == HouseholdStatus.WAITING


@pytest.mark.django_db
def test_three_months_after_the_fitting_the_household_is_asked(
    client, staff, volunteer, settings, run_tasks
):
    visit = offered_visit(staff)
    distribution.accept_visit(volunteer, visit, timezone.now() + timedelta(hours=1))
    distribution.record_installation(volunteer, Visit.objects.get(), fitted=["led"])
    Visit.objects.update(
        installed_at=timezone.now() - timedelta(days=settings.ENERGIE_FOLLOW_UP_DAYS + 1)
    )
    assert distribution.send_follow_ups() == 1
    assert distribution.send_follow_ups() == 0
    run_tasks()
    token = visit.household.token
    assert f"/energie/dossier/{token}/suivi/" in mail.outbox[-1].body
    client.post(f"/energie/dossier/{token}/suivi/", {"bills": "lower", "comfort": "better"})
    visit.refresh_from_db()
    assert (visit.follow_up_bills, visit.follow_up_comfort) == ("lower", "better")
    assert visit.household.status == HouseholdStatus.FOLLOWED
    assert AuditEntry.objects.filter(action="energie.household.follow_up").exists()


@pytest.mark.django_db
def test_public_figures_and_open_data_hold_no_personal_data(client, staff, volunteer):
    visit = offered_visit(staff)
    distribution.accept_visit(volunteer, visit, timezone.now() + timedelta(hours=1))
    distribution.record_installation(volunteer, Visit.objects.get(), fitted=["led"])
    visit.household.delete()  # the household deleted its file: the fitting still counts
    csv = client.get("/energie/chiffres/poses.csv").content.decode()
    assert "led" in csv
    assert "Leroy" not in csv
    assert "Lilas" not in csv
    data = client.get("/energie/chiffres/poses.json").json()
    figures = {f["key"]: f["value"] for f in data["figures"]}
    assert figures["kits_installed"] == 1
    assert figures["precarious_share"] == 100
    assert figures["eur_saved"] == data["fittings"][0]["eur_saved_year"] > 0


@pytest.mark.django_db
def test_staff_read_why_each_household_got_its_kit(client, staff, volunteer):
    household = diagnosed()
    KitFactory(name="Kit éclairage")
    drive = campaign(staff)
    distribution.run_allocation(staff, drive)
    client.force_login(staff)
    page = client.get(f"/energie/campagnes/{drive.pk}/").content.decode()
    assert f"Foyer n° {household.pk}" in page
    assert "Kit éclairage" in page
    assert str(volunteer) in page
    assert "Rang 1 sur 1" in page
    assert "× 2,5 selon sa situation" in page
    assert "Pas de part maximale par département" in page


@pytest.mark.django_db
def test_a_volunteer_sees_the_file_of_a_visit_until_declining_it(client, staff, volunteer):
    visit = offered_visit(staff)
    client.force_login(volunteer)
    assert client.get(f"/energie/foyers/{visit.household.pk}/").status_code == 200
    assert f"Foyer n° {visit.household.pk}" in client.get("/energie/foyers/").content.decode()
    distribution.decline_visit(volunteer, visit)
    assert client.get(f"/energie/foyers/{visit.household.pk}/").status_code == 403
    assert f"Foyer n° {visit.household.pk}" not in client.get("/energie/foyers/").content.decode()


@pytest.mark.django_db
def test_a_volunteer_leaving_hands_back_visits_and_their_notes_go(staff, volunteer):
    done = offered_visit(staff)
    distribution.accept_visit(volunteer, done, timezone.now() + timedelta(hours=1))
    distribution.record_installation(volunteer, Visit.objects.get(), fitted=["led"], notes="Chien")
    pending = diagnosed()
    drive = campaign(staff, title="Printemps")
    distribution.run_allocation(staff, drive)
    (offered,) = distribution.lock_campaign(staff, drive)
    apps.get_app_config("energie").forget_personal_data(volunteer)
    volunteer.delete()
    done.refresh_from_db()
    offered.refresh_from_db()
    assert (done.status, done.notes, done.volunteer) == (VisitStatus.INSTALLED, "", None)
    assert offered.status == VisitStatus.DECLINED
    pending.refresh_from_db()
    assert pending.status == HouseholdStatus.WAITING


@pytest.mark.django_db
def test_an_offered_visit_waits_on_the_volunteers_home_until_answered(client, staff, volunteer):
    visit = offered_visit(staff)
    client.force_login(volunteer)

    home = client.get("/compte/").text
    assert f'href="/energie/visites/{visit.pk}/"' in home
    assert "Répondez à la visite proposée" in home

    client.post(f"/energie/visites/{visit.pk}/", {"decline": "1"})
    assert "Répondez à la visite proposée" not in client.get("/compte/").text
