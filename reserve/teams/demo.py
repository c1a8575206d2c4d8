"""Demo data: challenges in team forming with part of a team, invitations awaiting a reply and
applications from the catalogue for the sponsor to validate; the first one is in automatic mode
(a decline invites the next candidate). Everything goes through the teams' own services, as the
first staff member, so the demo holds only what the platform itself could have produced."""

from contextlib import suppress

from reserve.accounts.models import User
from reserve.challenges.models import Application, Challenge, Status
from reserve.core.lifecycle import TransitionRefused
from reserve.reservists.models import Profile

from . import applications, invitations, services


def seed(options) -> list[str]:
    staff = User.objects.filter(is_staff=True, is_active=True).order_by("pk").first()
    if staff is None:
        return ["Teams: no staff member to act for the demo, nothing added."]
    members = invited = applied = 0
    forming = Challenge.objects.filter(status=Status.TEAM_FORMING).order_by("pk")
    for number, challenge in enumerate(forming.prefetch_related("slots")):
        slots = list(challenge.slots.all())
        if sum(slot.count for slot in slots) < 2:
            continue
        people = _people_for(slots[0].skill)
        if len(people) < 2:
            continue
        if number == 0 and not challenge.auto_replace:
            services.set_auto_replace(staff, challenge, True)
        members += _join(staff, slots[0], people[0])
        open_slot = slots[0] if slots[0].count > 1 else slots[-1]
        with suppress(invitations.SlotFull):
            invited += invitations.invite(staff, open_slot, people[1]) is not None
        if len(people) > 2 and not Application.objects.filter(user=people[2]).exists():
            with suppress(TransitionRefused):
                applications.apply(
                    people[2], open_slot, "Disponible deux soirs par semaine, ravi d'aider."
                )
                applied += 1
    return [
        f"Teams: {members} team members, {invited} pending invitations and {applied} "
        "applications added."
    ]


def _join(staff, slot, person) -> int:
    """The person applied and staff accepted them: 1 when done now, 0 when already there."""
    if Application.objects.filter(slot=slot, user=person).exists():
        return 0
    application = applications.apply(person, slot)
    applications.accept_one(staff, application)
    return 1


def _people_for(skill: str) -> list:
    pool = Profile.objects.in_pool().with_skill(skill).select_related("user").order_by("user_id")
    return [profile.user for profile in pool[:3]]
