import logging

import pytest

from reserve.challenges.lifecycle import LIFECYCLE
from reserve.challenges.models import Status
from reserve.challenges.tests.factories import ChallengeFactory
from reserve.core.audit import SYSTEM
from reserve.core.lifecycle import TransitionRefused, fire_each
from reserve.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_it_records_who_moved_what_from_where(staff):
    challenge = ChallengeFactory(status=Status.SUBMITTED)

    moved, previous = LIFECYCLE.fire(staff, challenge, "start_qualification")

    assert (previous, moved.status) == (Status.SUBMITTED, Status.IN_QUALIFICATION)
    entry = AuditEntry.objects.get(action="challenge.start_qualification")
    assert entry.actor == staff
    assert entry.data["from_status"] == Status.SUBMITTED


def test_the_platform_fires_only_what_is_declared_for_it():
    challenge = ChallengeFactory(status=Status.SUBMITTED)

    with pytest.raises(TransitionRefused, match="réservé à l'équipe du programme"):
        LIFECYCLE.fire(SYSTEM, challenge, "start_qualification")


def test_a_periodic_job_logs_a_refusal_and_goes_on(staff, caplog):
    stuck = ChallengeFactory(status=Status.DRAFT)
    ready = ChallengeFactory(status=Status.SUBMITTED)

    with caplog.at_level(logging.WARNING):
        done, refused = fire_each(
            [stuck, ready],
            lambda c: LIFECYCLE.fire(staff, c, "start_qualification"),
            job="test",
        )

    assert (done, refused) == (1, 1)
    ready.refresh_from_db()
    assert ready.status == Status.IN_QUALIFICATION
    assert f"#{stuck.pk} refused" in caplog.text
