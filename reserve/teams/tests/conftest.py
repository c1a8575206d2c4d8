from datetime import timedelta

import pytest
from django.utils import timezone

from reserve.challenges.models import Status
from reserve.challenges.tests.factories import ChallengeFactory, RoleSlotFactory


@pytest.fixture
def slot(db):
    """A back-end role in a challenge in team forming whose sprint starts in ten days."""
    start = timezone.localdate() + timedelta(days=10)
    challenge = ChallengeFactory(
        title="Sobriété des mairies",
        status=Status.TEAM_FORMING,
        sprint_start=start,
        sprint_end=start + timedelta(days=29),
    )
    return RoleSlotFactory(challenge=challenge, skill="tech.backend", hours_per_week=4)
