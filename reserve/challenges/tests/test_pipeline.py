from datetime import timedelta

import pytest
from django.utils import timezone

from reserve.accounts import demo as accounts_demo
from reserve.challenges import demo
from reserve.challenges.models import Challenge, Status
from reserve.core.models import AuditEntry
from reserve.organisations import demo as organisations_demo

from .factories import ChallengeFactory
from .pages import text

pytestmark = pytest.mark.django_db


def test_the_board_counts_challenges_by_status_and_flags_overdue_ones(client, staff):
    now = timezone.now()
    ChallengeFactory(title="En retard", status=Status.SUBMITTED,
                     qualification_due=now - timedelta(days=2),
                     status_changed_at=now - timedelta(days=9))  # fmt: skip
    ChallengeFactory(status=Status.SUBMITTED, qualification_due=now + timedelta(days=5))
    ChallengeFactory(status=Status.IN_SPRINT)
    client.force_login(staff)

    response = client.get("/defis/pipeline/")

    counts = {c["status"]: c["count"] for c in response.context["columns"]}
    assert counts[Status.SUBMITTED] == 2
    assert counts[Status.IN_SPRINT] == 1
    assert counts[Status.DRAFT] == 0
    assert "1 qualification en retard" in text(response)
    assert "9 jours dans ce statut" in text(response)


def test_the_speed_chart_shows_median_days_to_decision_and_to_team(client, staff):
    now = timezone.now()
    for days_to_decision, days_to_team in [(2, 3), (4, 5), (6, None)]:
        ChallengeFactory(
            status=Status.IN_SPRINT,
            submitted_at=now - timedelta(days=10),
            decided_at=now - timedelta(days=10 - days_to_decision),
            team_formed_at=(now - timedelta(days=10 - days_to_decision - days_to_team))
            if days_to_team
            else None,
        )
    client.force_login(staff)

    row = client.get("/defis/pipeline/").context["speed"][-1]

    assert row["decision_days"] == 4
    assert row["decisions"] == 3
    assert row["team_days"] == 4
    assert row["teams"] == 2


def test_only_staff_see_the_pipeline(client, user):
    client.force_login(user)

    assert client.get("/defis/pipeline/").status_code == 403


def test_the_board_query_count_does_not_grow_with_the_rows(
    client, staff, django_assert_max_num_queries
):
    demo.generate(60, {}, timezone.now())
    ChallengeFactory.create_batch(5, status=Status.SUBMITTED)
    client.force_login(staff)

    with django_assert_max_num_queries(25):
        response = client.get("/defis/pipeline/")

    assert response.status_code == 200
    assert Challenge.objects.count() > 60


def test_demo_data_covers_every_status_and_is_idempotent():
    accounts_demo.seed({})
    organisations_demo.seed({})
    demo.seed({"challenges": 5})
    lines = demo.seed({"challenges": 5})

    statuses = set(Challenge.objects.values_list("status", flat=True))
    assert statuses == set(Status.values)
    lightsoff = Challenge.objects.get(slug="commerces-eclaires-la-nuit")
    assert lightsoff.status == Status.DELIVERED
    assert Challenge.objects.filter(slug__startswith="defi-genere-").count() == 5
    assert lines == ["20 demo challenges, 0 generated (25 in all)."]


def test_demo_challenges_follow_their_lifecycle_and_its_dates():
    accounts_demo.seed({})
    organisations_demo.seed({})
    demo.seed({})

    for challenge in Challenge.objects.all():
        steps = list(challenge.events.order_by("created_at").values_list("to_status", flat=True))
        assert steps[-1] in ("", challenge.status), challenge.slug
        if challenge.delivered_at:
            assert challenge.sprint_start <= challenge.delivered_at.date(), challenge.slug
            assert challenge.team_formed_at < challenge.delivered_at, challenge.slug
        if challenge.team_formed_at:
            assert challenge.decided_at < challenge.team_formed_at, challenge.slug
        if challenge.decided_at:
            assert challenge.submitted_at < challenge.decided_at, challenge.slug
    delivered = Challenge.objects.get(slug="commerces-eclaires-la-nuit")
    assert delivered.delivered_at.date() == delivered.sprint_end
    fired = AuditEntry.objects.filter(action="challenge.deliver")
    assert fired.filter(target_id=str(delivered.pk)).exists()
