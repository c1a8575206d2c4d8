import pytest
from django.apps import apps

from reserve.challenges import services
from reserve.challenges.models import Application, ApplicationStatus, Status
from reserve.core.models import Notification

from .factories import RoleSlotFactory
from .pages import text

pytestmark = pytest.mark.django_db


def test_a_reservist_volunteers_for_a_role(client, reservist, staff):
    slot = RoleSlotFactory()
    client.force_login(reservist)

    response = client.post(f"/defis/roles/{slot.pk}/candidater/", {"message": "Dispo le soir"},
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
    client.post(f"/defis/roles/{slot.pk}/candidater/")

    response = client.post(f"/defis/roles/{slot.pk}/candidater/", follow=True)

    assert Application.objects.count() == 1
    assert "déjà volontaire" in text(response)


def test_a_person_outside_the_reserve_is_told_to_join_first(client, user):
    slot = RoleSlotFactory()
    client.force_login(user)

    response = client.post(f"/defis/roles/{slot.pk}/candidater/", follow=True)

    assert not Application.objects.exists()
    assert "Rejoignez d'abord la réserve" in text(response)


def test_a_challenge_in_sprint_no_longer_recruits(client, reservist):
    slot = RoleSlotFactory(challenge__status=Status.IN_SPRINT)
    client.force_login(reservist)

    response = client.post(f"/defis/roles/{slot.pk}/candidater/", follow=True)

    assert not Application.objects.exists()
    assert "ne recrute plus" in text(response)


def test_anonymous_visitors_are_sent_to_log_in(client):
    slot = RoleSlotFactory()

    response = client.post(f"/defis/roles/{slot.pk}/candidater/")

    assert response.status_code == 302
    assert "/compte/login/" in response["Location"]


def test_a_reservist_withdraws_then_volunteers_again(client, reservist):
    slot = RoleSlotFactory()
    client.force_login(reservist)
    client.post(f"/defis/roles/{slot.pk}/candidater/")
    application = Application.objects.get()

    client.post(f"/defis/candidatures/{application.pk}/retirer/")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    client.post(f"/defis/roles/{slot.pk}/candidater/")

    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING


def test_a_persons_applications_are_in_their_data_export(reservist):
    slot = RoleSlotFactory(challenge__title="Commerces éclairés")
    services.apply_to_slot(reservist, slot, "Je suis libre le soir.")

    data = apps.get_app_config("challenges").personal_data(reservist)

    assert data["applications"][0]["challenge"] == "Commerces éclairés"
    assert data["applications"][0]["message"] == "Je suis libre le soir."


def test_the_home_page_counts_qualified_and_delivered_challenges(client):
    RoleSlotFactory(challenge__status=Status.DELIVERED)
    RoleSlotFactory(challenge__status=Status.QUALIFIED)

    counters = {c.key: c.value for c in client.get("/").context["counters"]}

    assert counters["challenges"] == 2
    assert counters["challenges_delivered"] == 1
