"""The volunteer dashboard's "Mes candidatures et invitations" panel shows what is going on."""

import pytest
from django.urls import reverse

from reserve.challenges.models import ApplicationStatus
from reserve.challenges.tests.factories import RoleSlotFactory
from reserve.challenges.tests.pages import text
from reserve.teams import applications, invitations

from .people import reservist

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("reservists:dashboard")


def panel(client) -> str:
    page = text(client.get(DASHBOARD))
    return page.split("Mes candidatures et invitations", 1)[1]


def test_an_application_shows_in_the_panel_with_its_status(client):
    ines = reservist("Inès")
    slot = RoleSlotFactory(challenge__title="Sobriété des mairies")
    applications.apply(ines, slot)
    client.force_login(ines)

    shown = panel(client)

    assert "Aucune pour l'instant" not in shown
    assert "Sobriété des mairies" in shown
    assert "Candidature en attente de décision" in shown


def test_an_invitation_shows_its_deadline_and_a_link(client, staff, slot):
    ines = reservist("Inès")
    invitation = invitations.invite(staff, slot, ines)
    client.force_login(ines)

    shown = panel(client)
    page = client.get(DASHBOARD).text

    assert "Invitation en attente de votre réponse" in shown
    assert "réponse attendue avant le" in shown
    assert invitation.get_absolute_url() in page


def test_a_member_of_a_team_sees_it_once_with_the_team_space(client, staff, slot):
    ines = reservist("Inès")
    invitation = invitations.invite(staff, slot, ines)
    client.force_login(ines)
    client.post(reverse("teams:reply", args=[invitations.token_for(invitation)]),
                {"answer": "accept"})  # fmt: skip

    shown = panel(client)

    assert shown.count("Vous faites partie de l'équipe") == 1
    assert reverse("teams:space", args=[slot.challenge_id]) in client.get(DASHBOARD).text


def test_with_nothing_going_on_the_panel_says_so(client):
    client.force_login(reservist("Inès"))

    assert "Aucune pour l'instant" in panel(client)


def test_declined_applications_leave_the_panel(client, staff):
    ines = reservist("Inès")
    application = applications.apply(ines, RoleSlotFactory(challenge__title="Vélo"))
    application = applications.decline_one(staff, application)
    client.force_login(ines)

    assert application.status == ApplicationStatus.DECLINED
    assert "Vélo" not in panel(client)
