from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reserve.challenges.models import Status
from reserve.challenges.tests.factories import ChallengeFactory, RoleSlotFactory
from reserve.reservists.tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def challenge():
    start = timezone.localdate() + timedelta(days=10)
    challenge = ChallengeFactory(
        title="Sobriété des mairies",
        status=Status.TEAM_FORMING,
        sprint_start=start,
        sprint_end=start + timedelta(days=29),
    )
    RoleSlotFactory(challenge=challenge, skill="tech.backend", level="confident")
    return challenge


def test_staff_see_ranked_candidates_with_their_explanation(client, staff, challenge):
    ProfileFactory(
        user__first_name="Inès",
        user__last_name="Roux",
        skills={"tech.backend": 3},
        hours_per_week=10,
    )
    client.force_login(staff)
    response = client.get(reverse("teams:candidates", args=[challenge.pk]))
    assert response.status_code == 200
    assert "Inès Roux" in response.text
    assert "Niveau « Expert »" in response.text


def test_staff_are_told_why_a_slot_has_no_candidate(client, staff, challenge):
    client.force_login(staff)
    response = client.get(reverse("teams:candidates", args=[challenge.pk]))
    assert "Personne dans la réserve n&#x27;a la compétence" in response.text


def test_a_reservist_cannot_see_the_candidates(client, user, challenge):
    client.force_login(user)
    response = client.get(reverse("teams:candidates", args=[challenge.pk]))
    assert response.status_code == 403


def test_a_challenge_not_in_team_forming_has_no_candidates_page(client, staff):
    challenge = ChallengeFactory(status=Status.QUALIFIED)
    client.force_login(staff)
    response = client.get(reverse("teams:candidates", args=[challenge.pk]))
    assert response.status_code == 404


def test_staff_see_the_challenges_in_team_forming(client, staff, challenge):
    client.force_login(staff)
    response = client.get(reverse("teams:index"))
    assert "Sobriété des mairies" in response.text


def test_anyone_can_read_how_matching_works(client):
    response = client.get("/equipes/comment-ca-marche/")
    assert response.status_code == 200
    assert "Comment nous formons les équipes" in response.text


def test_staff_reach_the_candidates_from_the_challenge_workspace(client, staff, challenge):
    client.force_login(staff)
    response = client.get(challenge.get_workspace_url())
    assert reverse("teams:candidates", args=[challenge.pk]) in response.text
