"""What the team journeys set up: a challenge in team forming, candidates, their reply links."""

import re
from datetime import timedelta

from django.utils import timezone

from reserve.challenges.models import Status
from reserve.challenges.tests.factories import ChallengeFactory, RoleSlotFactory
from reserve.core.models import OutboxMessage
from reserve.reservists.tests.factories import ProfileFactory

TITLE = "Sobriété des mairies"


def forming_challenge(seats=1, **fields):
    """A challenge in team forming, sprint in ten days, with one back-end role of `seats`."""
    start = timezone.localdate() + timedelta(days=10)
    challenge = ChallengeFactory(
        title=TITLE,
        status=Status.TEAM_FORMING,
        sprint_start=start,
        sprint_end=start + timedelta(days=29),
        **fields,
    )
    slot = RoleSlotFactory(challenge=challenge, skill="tech.backend", count=seats, hours_per_week=4)
    return challenge, slot


def reservist(first_name, level=3):
    return ProfileFactory(
        user__first_name=first_name,
        user__last_name="Martin",
        skills={"tech.backend": level},
        hours_per_week=6,
    ).user


def reply_path(user) -> str:
    """The reply link of the last invitation e-mailed to the user."""
    body = OutboxMessage.objects.filter(recipients__icontains=user.email).latest("pk").body
    return re.search(r"https?://[^/\s]+(/equipes/invitation/\S+)", body).group(1)
