from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reserve.core import attention
from reserve.reservists.models import Profile

from .factories import AvailabilityPeriodFactory, ProfileFactory

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("reservists:dashboard")


def test_the_dashboard_says_what_is_missing(client):
    profile = ProfileFactory(bio="", themes="", departement="")
    client.force_login(profile.user)

    page = client.get(DASHBOARD).content.decode()

    assert "au moins une compétence" in page
    assert "votre département" in page
    assert "une courte présentation" not in page  # offered later, never due
    assert f"Profil complet à {profile.completeness()} %" in page


def test_someone_without_a_profile_is_invited_to_join(client, user):
    client.force_login(user)

    assert client.get(DASHBOARD).url == reverse("reservists:join")
    assert "Devenir réserviste" in client.get(reverse("accounts:dashboard")).content.decode()


def test_the_account_dashboard_shows_the_reservist_block(client):
    profile = ProfileFactory(skills={"design.ux": 2})
    client.force_login(profile.user)

    page = client.get(reverse("accounts:dashboard")).content.decode()

    assert "Profil complet à 100 %" in page


def test_i_can_say_i_am_unavailable_until_a_date_and_come_back(client):
    profile = ProfileFactory()
    client.force_login(profile.user)
    until = timezone.localdate() + timedelta(days=20)

    client.post(reverse("reservists:unavailable"), {"until": until.isoformat()})
    profile.refresh_from_db()
    assert profile.unavailable_until == until
    assert "Indisponible jusqu" in client.get(DASHBOARD).content.decode()

    client.post(reverse("reservists:unavailable"), {"clear": "1"})
    profile.refresh_from_db()
    assert profile.unavailable_until is None


def test_a_past_unavailability_date_is_refused(client):
    profile = ProfileFactory()
    client.force_login(profile.user)

    response = client.post(
        reverse("reservists:unavailable"),
        {"until": (timezone.localdate() - timedelta(days=1)).isoformat()},
        follow=True,
    )

    assert "Choisissez une date à venir." in response.content.decode()
    assert Profile.objects.get().unavailable_until is None


@pytest.mark.parametrize("periods", [1, 12])
def test_the_dashboard_queries_do_not_grow_with_periods(
    client, periods, django_assert_max_num_queries
):
    profile = ProfileFactory(skills={"design.ux": 2, "tech.data": 3, "legal.law": 1})
    today = timezone.localdate()
    for n in range(periods):
        AvailabilityPeriodFactory(
            profile=profile, start=today + timedelta(days=n), end=today + timedelta(days=n + 3)
        )
    client.force_login(profile.user)

    attention.count_for(profile.user)  # the header's count: once per person, then cached

    with django_assert_max_num_queries(10):  # 2 for the applications and invitations panel
        response = client.get(DASHBOARD)

    assert response.status_code == 200
