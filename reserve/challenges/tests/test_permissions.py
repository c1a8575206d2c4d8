"""Who may do what on a challenge: roles × actions × statuses, through the HTTP interface."""

import pytest

from reserve.accounts.tests.factories import UserFactory
from reserve.challenges.models import Status
from reserve.organisations.tests.factories import MembershipFactory, OrganisationFactory

from .factories import ChallengeFactory, ReferentFactory
from .pages import text

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "reservist", "sponsor", "other_org", "referent", "staff"]


@pytest.fixture
def people():
    sponsor_org = OrganisationFactory()
    people = {
        "anonymous": None,
        "reservist": UserFactory(is_reservist=True),
        "sponsor": MembershipFactory(organisation=sponsor_org).user,
        "other_org": MembershipFactory().user,
        "referent": UserFactory(),
        "staff": UserFactory(is_staff=True),
    }
    people["organisation"] = sponsor_org
    return people


def challenge_in(status, people):
    challenge = ChallengeFactory(organisation=people["organisation"], status=status)
    ReferentFactory(challenge=challenge, user=people["referent"])
    return challenge


def client_for(client, people, role):
    if people[role] is not None:
        client.force_login(people[role])
    return client


VIEW = {
    Status.DRAFT: {"sponsor", "referent", "staff"},
    Status.SUBMITTED: {"sponsor", "referent", "staff"},
    Status.IN_QUALIFICATION: {"sponsor", "referent", "staff"},
    Status.QUALIFIED: set(ROLES),
    Status.DECLINED: {"sponsor", "referent", "staff"},
    Status.DELIVERED: set(ROLES),
}


@pytest.mark.parametrize("status", VIEW)
@pytest.mark.parametrize("role", ROLES)
def test_who_sees_the_challenge_page(client, people, role, status):
    challenge = challenge_in(status, people)

    response = client_for(client, people, role).get(challenge.get_absolute_url())

    assert response.status_code == (200 if role in VIEW[status] else 404)


WORKSPACE = {"sponsor", "referent", "staff"}


@pytest.mark.parametrize("status", [Status.DRAFT, Status.QUALIFIED])
@pytest.mark.parametrize("role", ROLES)
def test_who_enters_the_workspace(client, people, role, status):
    challenge = challenge_in(status, people)

    response = client_for(client, people, role).get(challenge.get_workspace_url())

    if role == "anonymous":
        assert response.status_code == 302
    elif role in WORKSPACE:
        assert response.status_code == 200
    else:
        assert response.status_code == (403 if status == Status.QUALIFIED else 404)


EDIT = {
    Status.DRAFT: {"sponsor", "staff"},
    Status.NEEDS_INFORMATION: {"sponsor", "staff"},
    Status.SUBMITTED: set(),
    Status.QUALIFIED: set(),
}


@pytest.mark.parametrize("status", EDIT)
@pytest.mark.parametrize("role", ROLES)
def test_who_edits_the_challenge(client, people, role, status):
    challenge = challenge_in(status, people)

    response = client_for(client, people, role).get(f"/defis/{challenge.pk}/modifier/")

    if role == "anonymous":
        assert response.status_code == 302
    elif role in EDIT[status]:
        assert response.status_code == 200
    else:
        assert response.status_code in (403, 404)


SUBMIT = {Status.DRAFT: {"sponsor", "staff"}, Status.NEEDS_INFORMATION: {"sponsor", "staff"},
          Status.QUALIFIED: set()}  # fmt: skip


@pytest.mark.parametrize("status", SUBMIT)
@pytest.mark.parametrize("role", ROLES)
def test_who_submits_the_challenge(client, people, role, status):
    challenge = challenge_in(status, people)

    client_for(client, people, role).post(f"/defis/{challenge.pk}/submit/")

    challenge.refresh_from_db()
    assert (challenge.status == Status.SUBMITTED) == (role in SUBMIT[status])


QUALIFY = {Status.IN_QUALIFICATION: {"referent", "staff"}, Status.SUBMITTED: set(),
           Status.QUALIFIED: set()}  # fmt: skip


@pytest.mark.parametrize("status", QUALIFY)
@pytest.mark.parametrize("role", ROLES)
def test_who_scores_the_qualification_grid(client, people, role, status):
    challenge = challenge_in(status, people)

    response = client_for(client, people, role).post(
        f"/defis/{challenge.pk}/qualification/", {"blind_spot_score": "2"}
    )

    assert challenge.scores.exists() == (role in QUALIFY[status])
    if role not in QUALIFY[status] and role != "anonymous":
        assert response.status_code in (403, 404)


TRANSITION = {
    Status.SUBMITTED: ("start_qualification", {"staff"}),
    Status.QUALIFIED: ("form_team", {"staff"}),
    Status.IN_SPRINT: ("deliver", {"staff"}),
}


@pytest.mark.parametrize("status", TRANSITION)
@pytest.mark.parametrize("role", ROLES)
def test_who_moves_the_challenge_along(client, people, role, status):
    challenge = challenge_in(status, people)
    name, allowed = TRANSITION[status]

    # A note, since staff deliver without the sprint's conditions only by saying why.
    client_for(client, people, role).post(f"/defis/{challenge.pk}/{name}/", {"note": "Motif."})

    challenge.refresh_from_db()
    assert (challenge.status != status) == (role in allowed)


def test_a_refused_transition_is_explained_to_the_user(client, people):
    challenge = challenge_in(Status.SUBMITTED, people)
    client.force_login(people["sponsor"])

    response = client.post(f"/defis/{challenge.pk}/start_qualification/", follow=True)

    assert "réservé à l'équipe du programme" in text(response)


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_take_the_decision(client, people, role):
    challenge = challenge_in(Status.IN_QUALIFICATION, people)

    client_for(client, people, role).post(
        f"/defis/{challenge.pk}/decision/", {"decision": "no_go", "rationale": "Non."}
    )

    challenge.refresh_from_db()
    assert (challenge.status == Status.DECLINED) == (role == "staff")
