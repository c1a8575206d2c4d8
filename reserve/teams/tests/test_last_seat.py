"""The last seat of a role goes to exactly one person, whatever arrives at the same moment: an
application accepted by the sponsor, an invitation accepted by its addressee, a staff decision.

Each contender runs in its own thread with its own database connection (run it on PostgreSQL
with DATABASE_URL=postgres://…/test_NAME as well as on the default SQLite).
"""

import threading
import time

import pytest
from django.db import OperationalError, connection

from reserve.challenges.models import Application, ApplicationStatus
from reserve.core.lifecycle import TransitionRefused
from reserve.organisations.tests.factories import MembershipFactory
from reserve.teams import applications, invitations, replies
from reserve.teams.models import Invitation, InvitationStatus

from .people import reservist

pytestmark = pytest.mark.django_db(transaction=True)


def race(*contenders):
    """Start every contender at once, each in a thread with its own connection; what each
    returned or raised, in order."""
    start = threading.Barrier(len(contenders))
    outcomes = [None] * len(contenders)

    def run(number, contender):
        try:
            start.wait()
            outcomes[number] = attempt(contender)
        except Exception as error:  # what a contender raised is what the test looks at
            outcomes[number] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(contenders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def attempt(contender):
    """Run the contender; on the SQLite test database, again when the table was locked.

    The tests' SQLite database lives in memory with a shared cache, whose table locks fail at
    once instead of waiting; the real file database waits for the writer before it (busy
    timeout, immediate transactions), which is what trying again stands for here.
    """
    while True:
        try:
            return contender()
        except OperationalError as error:
            if connection.vendor != "sqlite" or "locked" not in str(error):
                raise
            connection.close()
            time.sleep(0.01)


@pytest.fixture
def last_seat(slot):
    slot.count = 1
    slot.save(update_fields=["count"])
    sponsor = MembershipFactory().user
    slot.challenge.organisation = sponsor.memberships.get().organisation
    slot.challenge.save(update_fields=["organisation"])
    return slot, sponsor


def members(slot):
    return list(Application.objects.accepted().filter(slot=slot).values_list("user_id", flat=True))


@pytest.mark.parametrize("rounds", range(3))
def test_one_person_takes_the_last_seat_whatever_arrives_at_once(last_seat, staff, rounds):
    slot, sponsor = last_seat
    by_sponsor = applications.apply(reservist("Inès"), slot)
    by_staff = applications.apply(reservist("Paul"), slot)
    invitation = invitations.invite(staff, slot, reservist("Léa"))

    outcomes = race(
        lambda: applications.accept_one(sponsor, by_sponsor),
        lambda: replies.accept(invitation.user, invitation),
        lambda: applications.decide(staff, Application.objects.filter(pk=by_staff.pk), True),
    )

    assert len(members(slot)) == 1
    errors = [o for o in outcomes if isinstance(o, Exception)]
    assert all(isinstance(e, TransitionRefused) for e in errors), errors
    winner = members(slot)[0]
    invitation.refresh_from_db()
    if winner == invitation.user_id:
        assert invitation.status == InvitationStatus.ACCEPTED
    else:
        assert invitation.status == InvitationStatus.FILLED
    assert not Application.objects.pending().filter(slot=slot).exists()


def test_two_invitations_accepted_at_once_fill_one_seat(last_seat, staff):
    slot, _sponsor = last_seat
    slot.overbooking = 1
    slot.save(update_fields=["overbooking"])
    first = invitations.invite(staff, slot, reservist("Inès"))
    second = invitations.invite(staff, slot, reservist("Paul"))

    outcomes = race(
        lambda: replies.accept(first.user, first),
        lambda: replies.accept(second.user, second),
    )

    assert len(members(slot)) == 1
    assert outcomes.count(True) == 1
    loser = next(o for o in outcomes if o is not True)
    # Too late either way: told the seat was filled (closed now, or closed by the winner).
    assert loser is False or "pourvue" in str(loser)
    statuses = set(Invitation.objects.filter(slot=slot).values_list("status", flat=True))
    assert statuses == {InvitationStatus.ACCEPTED, InvitationStatus.FILLED}


def test_two_deciders_accepting_different_applications_at_once_fill_one_seat(last_seat, staff):
    slot, sponsor = last_seat
    ines = applications.apply(reservist("Inès"), slot)
    paul = applications.apply(reservist("Paul"), slot)

    race(
        lambda: applications.accept_one(sponsor, ines),
        lambda: applications.accept_one(staff, paul),
    )

    assert len(members(slot)) == 1
    statuses = sorted(Application.objects.filter(slot=slot).values_list("status", flat=True))
    assert statuses == [ApplicationStatus.ACCEPTED, ApplicationStatus.EXPIRED]
