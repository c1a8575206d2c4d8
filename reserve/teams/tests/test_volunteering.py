import pytest
from django.apps import apps

from reserve.accounts.tests.factories import UserFactory
from reserve.challenges.models import Application, ApplicationStatus, Status
from reserve.challenges.tests.factories import RoleSlotFactory
from reserve.challenges.tests.pages import text
from reserve.core.models import Notification, OutboxMessage
from reserve.teams import applications

pytestmark = pytest.mark.django_db


@pytest.fixture
def reservist(db):
    return UserFactory(is_reservist=True)


def test_a_reservist_volunteers_for_a_role(client, reservist, staff):
    slot = RoleSlotFactory()
    client.force_login(reservist)

    response = client.post(f"/equipes/roles/{slot.pk}/candidater/", {"message": "Dispo le soir"},
                           follow=True)  # fmt: skip

    application = Application.objects.get()
    assert application.user == reservist
    assert application.status == ApplicationStatus.PENDING
    assert "Votre candidature est enregistrée" in text(response)
    assert "Vous êtes volontaire pour ce rôle" in text(response)
    assert Notification.objects.filter(user=staff).exists()


def test_volunteering_twice_is_refused_politely(client, reservist):
    slot = RoleSlotFactory()
    client.force_login(reservist)
    client.post(f"/equipes/roles/{slot.pk}/candidater/")

    response = client.post(f"/equipes/roles/{slot.pk}/candidater/", follow=True)

    assert Application.objects.count() == 1
    assert "déjà volontaire" in text(response)


def test_a_person_outside_the_reserve_is_told_to_join_first(client, user):
    slot = RoleSlotFactory()
    client.force_login(user)

    response = client.post(f"/equipes/roles/{slot.pk}/candidater/", follow=True)

    assert not Application.objects.exists()
    assert "Rejoignez d'abord la réserve" in text(response)


def test_a_challenge_in_sprint_no_longer_recruits(client, reservist):
    slot = RoleSlotFactory(challenge__status=Status.IN_SPRINT)
    client.force_login(reservist)

    response = client.post(f"/equipes/roles/{slot.pk}/candidater/", follow=True)

    assert not Application.objects.exists()
    assert "ne recrute plus" in text(response)


def test_anonymous_visitors_are_sent_to_log_in(client):
    slot = RoleSlotFactory()

    response = client.post(f"/equipes/roles/{slot.pk}/candidater/")

    assert response.status_code == 302
    assert "/compte/login/" in response["Location"]


def test_a_reservist_withdraws_then_volunteers_again(client, reservist):
    slot = RoleSlotFactory()
    client.force_login(reservist)
    client.post(f"/equipes/roles/{slot.pk}/candidater/")
    application = Application.objects.get()

    client.post(f"/equipes/candidatures/{application.pk}/retirer/")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    client.post(f"/equipes/roles/{slot.pk}/candidater/")

    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING


def test_a_persons_applications_are_in_their_data_export(reservist):
    slot = RoleSlotFactory(challenge__title="Commerces éclairés")
    applications.apply(reservist, slot, "Je suis libre le soir.")

    data = apps.get_app_config("challenges").personal_data(reservist)

    assert data["applications"][0]["challenge"] == "Commerces éclairés"
    assert data["applications"][0]["message"] == "Je suis libre le soir."


def test_the_home_page_counts_qualified_and_delivered_challenges(client):
    RoleSlotFactory(challenge__status=Status.DELIVERED)
    RoleSlotFactory(challenge__status=Status.QUALIFIED)

    counters = {c.key: c.value for c in client.get("/").context["counters"]}

    assert counters["challenges"] == 2
    assert counters["challenges_delivered"] == 1


def test_a_filled_role_says_so_and_offers_the_other_open_roles(client, reservist):
    filled = RoleSlotFactory(skill="tech.backend", count=1)
    RoleSlotFactory(challenge=filled.challenge, skill="design.ux", count=2)
    Application.objects.create(
        slot=filled, user=UserFactory(is_reservist=True), status=ApplicationStatus.ACCEPTED
    )
    client.force_login(reservist)

    page = text(client.get(filled.challenge.get_absolute_url()))
    response = client.post(f"/equipes/roles/{filled.pk}/candidater/", follow=True)

    assert "Rôle pourvu" in page
    assert "Rôles encore ouverts sur ce défi" in page
    assert not Application.objects.filter(user=reservist).exists()
    assert "est déjà pourvu" in text(response)
    assert "Design" in text(response).split("est déjà pourvu")[1]


def test_filling_the_last_seat_closes_the_other_applications_kindly(client, reservist, staff):
    slot = RoleSlotFactory(count=1)
    waiting = applications.apply(reservist, slot)
    chosen = applications.apply(UserFactory(is_reservist=True), slot)

    applications.accept_one(staff, chosen)

    waiting.refresh_from_db()
    assert waiting.status == ApplicationStatus.EXPIRED
    told = OutboxMessage.objects.get(recipients__contains=reservist.email)
    assert "Ce rôle n'est plus ouvert" in told.body


def test_a_declined_application_says_the_outcome_kindly(reservist, staff):
    slot = RoleSlotFactory()
    application = applications.apply(reservist, slot)

    applications.decline_one(staff, application)

    told = OutboxMessage.objects.get(recipients__contains=reservist.email)
    assert "n'est pas retenue" in told.subject
    assert "n'est pas retenue cette fois-ci" in told.body
    assert "Ce n'est pas un jugement sur vous" in told.body
    notification = Notification.objects.get(user=reservist)
    assert "n'est pas retenue" in notification.text


def test_pending_applications_to_a_challenge_that_stopped_recruiting_are_closed(reservist):
    slot = RoleSlotFactory()
    application = applications.apply(reservist, slot)
    type(slot.challenge).objects.filter(pk=slot.challenge_id).update(status=Status.IN_SPRINT)

    assert applications.expire_stale() == 1

    application.refresh_from_db()
    assert application.status == ApplicationStatus.EXPIRED


def test_withdrawing_an_accepted_application_is_refused_with_the_reason(client, reservist):
    slot = RoleSlotFactory()
    application = Application.objects.create(
        slot=slot, user=reservist, status=ApplicationStatus.ACCEPTED
    )
    client.force_login(reservist)

    response = client.post(f"/equipes/candidatures/{application.pk}/retirer/", follow=True)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.ACCEPTED
    assert "Impossible de « Retirer ma candidature » : la candidature est « Acceptée »" in text(
        response
    )


def test_a_declined_volunteer_is_told_so_if_they_apply_again(client, reservist, staff):
    slot = RoleSlotFactory(count=2)
    applications.decline_one(staff, applications.apply(reservist, slot))
    client.force_login(reservist)

    response = client.post(f"/equipes/roles/{slot.pk}/candidater/", follow=True)

    assert "n'a pas été retenue" in text(response)
    assert Application.objects.get().status == ApplicationStatus.DECLINED
