import pytest
from django.core.management import call_command

from reserve.challenges.models import Application, ApplicationStatus, Status
from reserve.challenges.tests.factories import ChallengeFactory, RoleSlotFactory
from reserve.core.models import AuditEntry
from reserve.reservists.tests.factories import ProfileFactory
from reserve.teams import demo
from reserve.teams.models import Invitation, InvitationStatus

pytestmark = pytest.mark.django_db


def test_the_demo_gives_a_partial_team_and_a_pending_invitation_once(staff):
    challenge = ChallengeFactory(status=Status.TEAM_FORMING)
    RoleSlotFactory(challenge=challenge, skill="tech.backend", count=2)
    ProfileFactory(skills={"tech.backend": 2})
    ProfileFactory(skills={"tech.backend": 3})
    ProfileFactory(skills={"tech.backend": 3})
    first = "Teams: 1 team members, 1 pending invitations and 1 applications added."
    assert demo.seed({}) == [first]
    again = "Teams: 0 team members, 0 pending invitations and 0 applications added."
    assert demo.seed({}) == [again]
    assert Application.objects.filter(status=ApplicationStatus.ACCEPTED).count() == 1
    assert Application.objects.filter(status=ApplicationStatus.PENDING).count() == 1
    assert Invitation.objects.get().status == InvitationStatus.PENDING
    challenge.refresh_from_db()
    assert challenge.auto_replace is True
    assert AuditEntry.objects.filter(action="application.accept", actor=staff).count() == 1


def test_the_whole_demo_loads_with_the_teams(settings):
    settings.DEMO_DATA = True
    call_command("seed_demo", stdout=None)
    assert Invitation.objects.exists()
