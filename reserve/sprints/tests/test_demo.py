import pytest
from django.core.management import call_command

from reserve.challenges.models import Challenge, Status
from reserve.sprints import board, demo
from reserve.sprints.models import CheckIn, Handover, Measurement, SprintPlan

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(settings):
    settings.DEMO_DATA = True
    call_command("seed_demo", verbosity=0)


def test_the_demo_covers_every_state_of_a_sprint(seeded):
    slugs = {plan.challenge.slug for plan in SprintPlan.objects.select_related("challenge")}
    assert slugs == set(demo.PLANS)

    blocked = Challenge.objects.get(slug=demo.BLOCKER)
    assert blocked.status == Status.IN_SPRINT
    assert any(c.has_open_blocker for c in CheckIn.objects.filter(challenge=blocked))
    rows = {row.challenge.slug: row for row in board.board()}
    assert rows[demo.AT_RISK].level == "at_risk"
    awaiting = Challenge.objects.get(slug=demo.AWAITING)
    assert not awaiting.deliverables.filter(delivered_at__isnull=True).exists()
    assert not awaiting.delivery_decisions.exists()
    follow_up = Challenge.objects.get(slug=demo.FOLLOW_UP)
    assert follow_up.status == Status.IMPACT_FOLLOW_UP
    assert Measurement.objects.filter(indicator__challenge=follow_up).count() == 3
    closed = Challenge.objects.get(slug=demo.CLOSED)
    assert closed.status == Status.CLOSED
    assert Handover.objects.filter(challenge=closed).exists()


def test_the_demo_adds_nothing_the_second_time(seeded):
    plans, checkins = SprintPlan.objects.count(), CheckIn.objects.count()

    assert demo.seed({})[0].startswith("Sprints: 0 demo sprints added")

    assert (SprintPlan.objects.count(), CheckIn.objects.count()) == (plans, checkins)
