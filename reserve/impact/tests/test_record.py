from datetime import date

import pytest
from django.urls import reverse

from reserve.accounts.tests.factories import UserFactory
from reserve.impact.models import Visibility

from .factories import deliverable, delivered_challenge, hours, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def volunteer():
    challenge = delivered_challenge(title="Eau du robinet")
    user = member(challenge)
    hours(challenge, user, date(2026, 1, 5), "5")
    deliverable(challenge, name="Carte des alertes")
    return user


def test_a_reservist_sees_their_engagements(client, volunteer):
    client.force_login(volunteer)
    page = client.get(reverse("impact:mine")).content.decode()
    assert "Eau du robinet" in page
    assert "Carte des alertes" in page
    assert "5,00" in page


def test_a_reservist_downloads_their_certificate(client, volunteer):
    client.force_login(volunteer)
    response = client.get(reverse("impact:certificate"))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_without_engagement_there_is_no_certificate(client):
    client.force_login(UserFactory())
    response = client.get(reverse("impact:certificate"), follow=True)
    assert "Aucun engagement à attester" in response.content.decode()


def test_the_public_profile_is_opt_in(client, volunteer):
    client.force_login(volunteer)
    client.post(reverse("impact:set_visibility"), {"public_profile": "on"})
    visibility = Visibility.objects.get(user=volunteer)
    client.logout()
    page = client.get(visibility.get_absolute_url()).content.decode()
    assert volunteer.first_name in page
    assert volunteer.last_name not in page
    assert "Eau du robinet" in page
    visibility.public_profile = False
    visibility.save()
    assert client.get(visibility.get_absolute_url()).status_code == 404
