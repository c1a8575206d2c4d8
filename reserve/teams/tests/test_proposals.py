import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reserve.challenges.models import Status
from reserve.challenges.tests.factories import ChallengeFactory, RoleSlotFactory
from reserve.reservists.tests.factories import ProfileFactory
from reserve.teams.engine import proposal_to_json, propose
from reserve.teams.instance import parse_instance
from reserve.teams.models import Proposal

pytestmark = pytest.mark.django_db


def forming(title, skill="tech.backend"):
    start = timezone.localdate() + timedelta(days=10)
    challenge = ChallengeFactory(
        title=title,
        status=Status.TEAM_FORMING,
        sprint_start=start,
        sprint_end=start + timedelta(days=29),
    )
    return RoleSlotFactory(challenge=challenge, skill=skill, hours_per_week=4)


def person(first_name, level=3):
    return ProfileFactory(
        user__first_name=first_name,
        user__last_name="Martin",
        skills={"tech.backend": level},
        hours_per_week=5,
    ).user


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def run(client) -> Proposal:
    response = client.post(reverse("teams:run"))
    proposal = Proposal.objects.latest("pk")
    assert response.url == proposal.get_absolute_url()
    return proposal


def test_staff_run_a_proposal_across_all_challenges_in_team_forming(staff_client):
    forming("Sobriété des mairies")
    forming("Eau des communes")
    person("Inès")
    person("Paul")
    proposal = run(staff_client)
    page = staff_client.get(proposal.get_absolute_url()).text
    assert "Sobriété des mairies" in page
    assert "Eau des communes" in page
    assert "Inès Martin" in page
    assert "Paul Martin" in page


def test_the_proposal_says_which_roles_stay_empty_and_why(staff_client):
    forming("Sobriété des mairies", skill="design.ux")
    proposal = run(staff_client)
    page = staff_client.get(proposal.get_absolute_url()).text
    assert "1 place vide" in page
    assert "Personne dans la réserve n&#x27;a la compétence" in page


def test_the_downloaded_instance_replays_to_the_same_proposal(staff_client):
    forming("Sobriété des mairies")
    person("Inès")
    proposal = run(staff_client)
    response = staff_client.get(reverse("teams:instance", args=[proposal.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    replayed = proposal_to_json(propose(parse_instance(json.loads(response.content))))
    assert replayed == proposal.result


def test_a_locked_person_stays_on_the_slot_after_a_re_run(staff_client):
    slot = forming("Sobriété des mairies")
    person("Inès", level=3)
    paul = person("Paul", level=1)
    proposal = run(staff_client)
    staff_client.post(
        reverse("teams:lock", args=[proposal.pk]),
        {"reservist": f"r-{paul.pk}", "slot": f"s-{slot.pk}"},
    )
    latest = Proposal.objects.latest("pk")
    assert [(a["reservist"], a["locked"]) for a in latest.result["assignments"]] == [
        (f"r-{paul.pk}", True)
    ]
    rerun = staff_client.post(reverse("teams:rerun", args=[latest.pk]))
    assert rerun.status_code == 302
    assert Proposal.objects.latest("pk").locks == [(f"r-{paul.pk}", f"s-{slot.pk}")]


def test_an_excluded_person_is_swapped_for_the_next_candidate(staff_client):
    slot = forming("Sobriété des mairies")
    ines = person("Inès", level=3)
    paul = person("Paul", level=2)
    proposal = run(staff_client)
    assert proposal.result["assignments"][0]["reservist"] == f"r-{ines.pk}"
    staff_client.post(
        reverse("teams:exclude", args=[proposal.pk]),
        {"reservist": f"r-{ines.pk}", "slot": f"s-{slot.pk}"},
    )
    latest = Proposal.objects.latest("pk")
    assert [a["reservist"] for a in latest.result["assignments"]] == [f"r-{paul.pk}"]


def test_locking_someone_outside_the_proposal_is_refused_with_a_message(staff_client):
    slot = forming("Sobriété des mairies")
    proposal = run(staff_client)
    response = staff_client.post(
        reverse("teams:lock", args=[proposal.pk]),
        {"reservist": "r-999999", "slot": f"s-{slot.pk}"},
        follow=True,
    )
    assert "Cette personne ne fait pas partie de la proposition." in response.text
    assert Proposal.objects.count() == 1


def test_a_reservist_cannot_run_a_proposal(client, user):
    client.force_login(user)
    response = client.post(reverse("teams:run"))
    assert response.status_code == 403
    assert not Proposal.objects.exists()


def test_a_reservist_cannot_download_an_instance(client, user, staff):
    proposal = Proposal.objects.create(created_by=staff, instance={}, result={})
    client.force_login(user)
    response = client.get(reverse("teams:instance", args=[proposal.pk]))
    assert response.status_code == 403
