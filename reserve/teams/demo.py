"""Demo data: challenges in team forming with part of a team, invitations awaiting a reply and
applications from the catalogue for the sponsor to validate; the first one is in automatic mode
(a decline invites the next candidate)."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from reserve.challenges.models import Application, ApplicationStatus, Challenge, Status
from reserve.reservists.models import Profile

from .models import Invitation


def seed(options) -> list[str]:
    members = invited = applied = 0
    deadline = timezone.now() + timedelta(hours=settings.TEAM_INVITATION_HOURS)
    forming = Challenge.objects.filter(status=Status.TEAM_FORMING).order_by("pk")
    for number, challenge in enumerate(forming.prefetch_related("slots")):
        slots = list(challenge.slots.all())
        if sum(slot.count for slot in slots) < 2:
            continue
        people = _people_for(slots[0].skill)
        if len(people) < 2:
            continue
        if number == 0 and not challenge.auto_replace:
            Challenge.objects.filter(pk=challenge.pk).update(auto_replace=True)
        _, joined = Application.objects.get_or_create(
            slot=slots[0], user_id=people[0], defaults={"status": ApplicationStatus.ACCEPTED}
        )
        open_slot = slots[0] if slots[0].count > 1 else slots[-1]
        _, sent = Invitation.objects.get_or_create(
            slot=open_slot, user_id=people[1], defaults={"deadline": deadline}
        )
        members += joined
        invited += sent
        if len(people) > 2:
            _, volunteered = Application.objects.get_or_create(
                slot=open_slot,
                user_id=people[2],
                defaults={"message": "Disponible deux soirs par semaine, ravi d'aider."},
            )
            applied += volunteered
    return [
        f"Teams: {members} team members, {invited} pending invitations and {applied} "
        "applications added."
    ]


def _people_for(skill: str) -> list[int]:
    pool = Profile.objects.in_pool().with_skill(skill).order_by("user_id")
    return list(pool.values_list("user_id", flat=True)[:3])
