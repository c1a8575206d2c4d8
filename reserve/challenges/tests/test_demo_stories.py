"""The demo tells a real story: distinct challenges, scored grids, months that differ."""

import pytest

from reserve.accounts import demo as accounts_demo
from reserve.challenges import demo, queries
from reserve.challenges.models import Challenge, QualificationScore, Status
from reserve.organisations import demo as organisations_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    accounts_demo.seed({})
    organisations_demo.seed({})
    demo.seed({})
    return Challenge.objects.exclude(slug__startswith="defi-genere-")


def test_each_demo_challenge_has_its_own_text_and_a_sponsor(seeded):
    rows = list(seeded.values("problem", "evidence", "deliverable", "organisation"))

    for field in ("problem", "evidence", "deliverable"):
        assert len({row[field] for row in rows}) == len(rows), field
    assert all(row["organisation"] for row in rows)
    assert len({row["organisation"] for row in rows}) >= 5
    assert len(set(seeded.values_list("affected_people", flat=True))) >= 10


def test_the_qualified_ones_have_a_grid_scored_during_qualification(seeded):
    qualified = seeded.exclude(decided_at=None)
    grids = {c.slug: list(c.scores.values_list("score", flat=True)) for c in qualified}

    assert all(len(scores) == 21 for scores in grids.values()), grids
    assert len({tuple(scores) for scores in grids.values()}) == len(grids)
    lightsoff = seeded.get(slug=demo.LIGHTSOFF_SLUG)
    scored = lightsoff.events.get(text__startswith="Grille de qualification")
    assert lightsoff.submitted_at < scored.created_at < lightsoff.decided_at
    assert not QualificationScore.objects.filter(challenge__status=Status.SUBMITTED).exists()


def test_the_programme_figures_differ_from_month_to_month(seeded):
    months = queries.speed(months=6)
    decision_days = [m["decision_days"] for m in months if m["decision_days"] is not None]

    assert len(months) >= 4
    assert len(set(decision_days)) >= 4, months
