from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reserve.challenges import services as challenge_services
from reserve.challenges.models import Application, ApplicationStatus, Status
from reserve.challenges.tests.factories import ChallengeFactory, RoleSlotFactory
from reserve.reservists.tests.factories import ProfileFactory
from reserve.teams.tasks import start_sprints

pytestmark = pytest.mark.django_db


@pytest.fixture
def challenge(staff):
    challenge = ChallengeFactory(
        title="Sobriété des mairies",
        status=Status.QUALIFIED,
        sprint_start=date(2026, 3, 16),
        sprint_end=date(2026, 4, 14),
    )
    RoleSlotFactory(challenge=challenge, skill="tech.backend", count=1)
    return challenge_services.transition(staff, challenge, "form_team")


def member(challenge, first_name="Inès"):
    user = ProfileFactory(user__first_name=first_name, user__last_name="Martin").user
    Application.objects.create(
        slot=challenge.slots.get(), user=user, status=ApplicationStatus.ACCEPTED
    )
    return user


def test_members_see_each_other_with_roles_and_contact_details(client, challenge):
    ines = member(challenge)
    client.force_login(ines)
    page = client.get(reverse("teams:space", args=[challenge.pk])).text
    assert "Inès Martin" in page
    assert ines.email in page
    assert "16 mars 2026" in page
    assert "14 avril 2026" in page


def test_someone_outside_the_team_cannot_see_the_team_space(client, challenge, user):
    member(challenge)
    client.force_login(user)
    assert client.get(reverse("teams:space", args=[challenge.pk])).status_code == 404
    assert client.get(reverse("teams:calendar", args=[challenge.pk])).status_code == 404


def test_staff_see_the_team_space(client, challenge, staff):
    member(challenge)
    client.force_login(staff)
    assert "Inès Martin" in client.get(reverse("teams:space", args=[challenge.pk])).text


def test_the_calendar_holds_the_kickoff_and_the_demo_day(client, challenge):
    client.force_login(member(challenge))
    response = client.get(reverse("teams:calendar", args=[challenge.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert "DTSTART;VALUE=DATE:20260316" in text
    assert "DTSTART;VALUE=DATE:20260414" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_a_complete_team_starts_its_sprint_on_the_kickoff_date(challenge, run_tasks):
    member(challenge)
    challenge.sprint_start = timezone.localdate()
    challenge.save()
    start_sprints.enqueue()
    run_tasks()
    challenge.refresh_from_db()
    assert challenge.status == Status.IN_SPRINT


def test_an_incomplete_team_does_not_start_its_sprint(challenge, run_tasks):
    challenge.sprint_start = timezone.localdate() - timedelta(days=1)
    challenge.save()
    start_sprints.enqueue()
    run_tasks()
    challenge.refresh_from_db()
    assert challenge.status == Status.TEAM_FORMING


def test_a_complete_team_waits_for_the_kickoff_date(challenge, run_tasks):
    member(challenge)
    challenge.sprint_start = timezone.localdate() + timedelta(days=3)
    challenge.save()
    start_sprints.enqueue()
    run_tasks()
    challenge.refresh_from_db()
    assert challenge.status == Status.TEAM_FORMING
