"""The reservist's and the sponsor's "what needs you now" items from the teams app."""

import pytest
from django.urls import reverse

from reserve.challenges.models import Application
from reserve.organisations.tests.factories import MembershipFactory
from reserve.teams import replies
from reserve.teams.models import Invitation

from .people import reservist

pytestmark = pytest.mark.django_db


def invite(client, staff, slot, person):
    client.force_login(staff)
    client.post(
        reverse("teams:invite", args=[slot.challenge.pk]), {"user": person.pk, "slot": slot.pk}
    )
    client.logout()
    return Invitation.objects.get(user=person)


def test_a_reservist_lands_on_the_invitation_to_answer_with_its_deadline(client, staff, slot):
    ines = reservist("Inès")
    invitation = invite(client, staff, slot, ines)
    client.force_login(ines)

    page = client.get(reverse("accounts:dashboard")).text

    assert f"Répondez à l&#x27;invitation : {slot.challenge.title}" in page
    assert f'href="{invitation.get_absolute_url()}"' in page
    assert "Votre réponse est attendue avant le" in page


def test_an_answered_invitation_leaves_the_home_and_the_header_count(client, staff, slot):
    ines = reservist("Inès")
    invitation = invite(client, staff, slot, ines)
    client.force_login(ines)
    waiting = '1<span class="visually-hidden"> action en attente</span>'
    assert waiting in client.get(reverse("accounts:dashboard")).text

    replies.decline(ines, invitation, "Pas disponible ce mois-ci")
    page = client.get(reverse("accounts:dashboard")).text

    assert "Répondez à l&#x27;invitation" not in page
    assert "action en attente" not in page
    assert "Rien ne vous attend pour l'instant" in page


def test_the_sponsor_sees_applications_awaiting_a_decision(client, slot):
    sponsor = MembershipFactory(organisation=slot.challenge.organisation).user
    Application.objects.create(slot=slot, user=reservist("Inès"), message="Je suis là")
    client.force_login(sponsor)

    page = client.get(reverse("accounts:dashboard")).text

    assert f"Décidez des candidatures : {slot.challenge.title}" in page
    assert reverse("teams:challenge_applications", args=[slot.challenge.pk]) in page
