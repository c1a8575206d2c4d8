from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from reserve.core import attention
from reserve.sprints import board
from reserve.sprints.models import CheckIn

from .factories import deliverable, make_sprint


def test_the_riskiest_sprint_comes_first_with_its_reasons(db, settings):
    settings.SPRINT_BLOCKER_DAYS = 3
    calm = make_sprint("Calme")
    CheckIn.objects.create(challenge=calm.challenge, author=calm.member, week=timezone.localdate(),
                           progress="Tout va bien.")  # fmt: skip
    stuck = make_sprint("Bloqué")
    blocked = CheckIn.objects.create(
        challenge=stuck.challenge,
        author=stuck.member,
        week=timezone.localdate(),
        progress="Rien ne bouge.",
        blockers="Pas d'accès aux données.",
        confidence="at_risk",
    )
    CheckIn.objects.filter(pk=blocked.pk).update(created_at=timezone.now() - timedelta(days=5))
    deliverable(stuck.challenge, due_date=timezone.localdate() - timedelta(days=1))

    rows = board.board()

    assert [row.challenge.title for row in rows] == ["Bloqué", "Calme"]
    assert rows[0].reasons == [
        "l'équipe se dit à risque",
        "blocage ouvert depuis 5 jours",
        "1 livrable en retard",
    ]
    assert rows[0].level == "at_risk"
    assert rows[1].reasons == []


def test_a_sprint_without_any_check_in_for_long_is_late(db, settings):
    settings.SPRINT_CHECKIN_LATE_DAYS = 8
    make_sprint("Silencieux", started_days_ago=12)

    (row,) = board.board()

    assert row.reasons == ["aucun point hebdomadaire depuis le lancement"]


def page_queries(client, staff) -> int:
    client.force_login(staff)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sprints/tableau/")
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("count", [2, 20])
def test_the_board_costs_the_same_queries_whatever_the_number_of_sprints(db, client, count):
    sprints = [make_sprint(f"Sprint {n}") for n in range(count)]
    for sprint in sprints:
        CheckIn.objects.create(challenge=sprint.challenge, author=sprint.member,
                               week=timezone.localdate(), progress="x", blockers="y")  # fmt: skip
        deliverable(sprint.challenge, due_date=timezone.localdate() - timedelta(days=1))

    attention.count_for(sprints[0].staff)  # the header's count: once per person, then cached
    queries = page_queries(client, sprints[0].staff)

    assert queries == BOARD_QUERIES, f"{count} sprints: {queries} queries"
    assert len(board.board()) == count


# The session, the user, their roles (a membership?), the header's unread count, and the board:
# one query for every sprint with its figures.
BOARD_QUERIES = 5
