"""(d) Several people take the last seat of a role at the same moment: invitations accepted by
their addressees and applications accepted by staff, all at once, on real connections.

Uses the teams services (reserve/teams/invitations.py, replies.py, applications.py)."""

import threading

from platform_under_audit import Result

ROUNDS = 10
INVITED = 3
APPLICANTS = 3


def at_once(actions) -> list[str]:
    barrier = threading.Barrier(len(actions))
    errors = []

    def run(action):
        from django.db import connection

        try:
            barrier.wait()
            action()
        except Exception as error:  # noqa: BLE001 - reported as a server error
            errors.append(f"{type(error).__name__}: {str(error).splitlines()[0][:60]}")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def one_round(staff):
    from reserve.accounts.tests.factories import UserFactory
    from reserve.challenges.models import Application, ApplicationStatus, Status
    from reserve.challenges.tests.factories import ChallengeFactory, RoleSlotFactory
    from reserve.core.audit import SYSTEM
    from reserve.teams import applications, invitations, replies

    challenge = ChallengeFactory(status=Status.TEAM_FORMING)
    slot = RoleSlotFactory(challenge=challenge, count=1, overbooking=INVITED)
    invited = [
        invitations.invite(SYSTEM, slot, UserFactory(is_reservist=True)) for _ in range(INVITED)
    ]
    applied = [applications.apply(UserFactory(is_reservist=True), slot) for _ in range(APPLICANTS)]
    actions = [lambda i=i: replies.accept(i.user, i) for i in invited] + [
        lambda a=a: applications.decide(staff, Application.objects.filter(pk=a.pk), accept=True)
        for a in applied
    ]
    # A refusal is the answer a person gets when the seat went to someone else: not an error.
    errors = [e for e in at_once(actions) if not e.startswith("TransitionRefused")]
    taken = Application.objects.filter(slot=slot, status=ApplicationStatus.ACCEPTED).count()
    return max(0, taken - slot.count), errors


def run(server) -> Result:
    from reserve.accounts.tests.factories import UserFactory

    staff = UserFactory(is_staff=True)
    result = Result(
        "d. last seat taken by several at once", requests=ROUNDS * (INVITED + APPLICANTS)
    )
    for _ in range(ROUNDS):
        double, errors = one_round(staff)
        result.double_booked += double
        result.server_errors += len(errors)
        if errors:
            result.notes.append(f"errors: {sorted(set(errors))}")
        if double:
            result.notes.append(f"a role of 1 seat was given to {double + 1} people")
    result.notes.append(
        f"{ROUNDS} roles of 1 seat, each wanted by {INVITED} invited people and "
        f"{APPLICANTS} applicants accepted by staff at the same moment"
    )
    return result
