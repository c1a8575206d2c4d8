"""Demo data: challenges in team forming with part of a team and invitations awaiting a reply."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from reserve.challenges.models import Application, ApplicationStatus, Challenge, Status
from reserve.reservists.models import Profile

from .models import Invitation


def seed(options) -> list[str]:
    members = invited = 0
    deadline = timezone.now() + timedelta(hours=settings.TEAM_INVITATION_HOURS)
    forming = Challenge.objects.filter(status=Status.TEAM_FORMING).order_by("pk")
    for challenge in forming.prefetch_related("slots"):
        slots = list(challenge.slots.all())
        if sum(slot.count for slot in slots) < 2:
            continue
        people = _people_for(slots[0].skill)
        if len(people) < 2:
            continue
        _, joined = Application.objects.get_or_create(
            slot=slots[0], user_id=people[0], defaults={"status": ApplicationStatus.ACCEPTED}
        )
        _, sent = Invitation.objects.get_or_create(
            slot=slots[0] if slots[0].count > 1 else slots[-1],
            user_id=people[1],
            defaults={"deadline": deadline},
        )
        members += joined
        invited += sent
    return [f"Teams: {members} team members and {invited} pending invitations added."]


def _people_for(skill: str) -> list[int]:
    pool = Profile.objects.in_pool().with_skill(skill).order_by("user_id")
    return list(pool.values_list("user_id", flat=True)[:2])
