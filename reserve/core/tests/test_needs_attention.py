"""Staff's and employers' "what needs you now", contributed by each app through its AppConfig."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reserve.accounts.tests.factories import UserFactory
from reserve.apps.lightsoff.models import Moderation, Report
from reserve.apps.lightsoff.tests.factories import ShopFactory
from reserve.challenges.models import Status
from reserve.challenges.tests.factories import ChallengeFactory, RoleSlotFactory
from reserve.core import attention
from reserve.organisations.models import Part, Verification
from reserve.organisations.tests.factories import MembershipFactory, OrganisationFactory
from reserve.reservists.models import Engagement, Secondment
from reserve.reservists.tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db


def home_of(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("accounts:dashboard")).text


def test_staff_see_late_qualifications_first(client, staff):
    late = ChallengeFactory(
        status=Status.SUBMITTED, qualification_due=timezone.now() - timedelta(days=2)
    )

    page = home_of(client, staff)

    assert f"Qualification en retard : {late.title}" in page
    assert reverse("challenges:qualification", args=[late.pk]) in page


def test_staff_see_teams_short_of_people(client, staff):
    slot = RoleSlotFactory(challenge=ChallengeFactory(status=Status.TEAM_FORMING), count=2)

    page = home_of(client, staff)

    assert f"Équipe à compléter : {slot.challenge.title}" in page
    assert reverse("teams:candidates", args=[slot.challenge.pk]) in page


def test_staff_see_organisations_to_verify_and_reports_to_moderate(client, staff):
    OrganisationFactory(verification=Verification.PENDING)
    Report.objects.create(
        shop=ShopFactory(), element="vitrine", seen_at=timezone.now(), moderation=Moderation.PENDING
    )

    page = home_of(client, staff)

    assert "1 organisation attend votre vérification." in page
    assert "1 signalement attend votre relecture." in page
    assert reverse("lightsoff:moderation") in page


def test_an_employer_sees_the_employees_to_confirm(client):
    employer = OrganisationFactory(parts=Part.EMPLOYER.value)
    member = MembershipFactory(organisation=employer).user
    ProfileFactory(engagement=Engagement.SECONDED, employer=employer, secondment=Secondment.PENDING)

    page = home_of(client, member)

    assert "1 personne attend votre confirmation." in page
    assert reverse("reservists:secondments", args=[employer.pk]) in page


def test_a_person_with_nothing_waiting_is_told_what_to_do_next(client):
    page = home_of(client, UserFactory())

    assert "Rien ne vous attend pour l'instant" in page
    assert 'href="/defis/"' in page


def test_the_header_count_is_counted_once_then_cached_until_something_changes(
    staff, django_assert_num_queries
):
    ChallengeFactory(status=Status.SUBMITTED, qualification_due=timezone.now() - timedelta(days=1))
    assert attention.count_for(staff) == 1

    with django_assert_num_queries(0):
        assert attention.count_for(staff) == 1

    ChallengeFactory(status=Status.SUBMITTED, qualification_due=timezone.now() - timedelta(days=1))
    assert attention.count_for(staff) == 2
