import json
import random
import subprocess
import sys
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reserve.teams import engine
from reserve.teams.engine import (
    build_index,
    candidate_edges,
    main,
    proposal_to_json,
    propose,
    rank_candidates,
)
from reserve.teams.engine.index import EMPTY
from reserve.teams.engine.scoring import best_ranked, eligible_people
from reserve.teams.greedy import greedy
from reserve.teams.instance import LEVELS, parse_instance

ROOT = Path(__file__).resolve().parents[3]
AS_OF = "2025-03-01"
SPRINT = {"start": "2025-03-17", "end": "2025-04-13"}
ALWAYS = [{"start": "2025-01-01", "end": None}]


def person(rid, skills=(("ux", "expert"),), hours=10, **extra) -> dict:
    return {
        "id": rid,
        "skills": [{"skill": s, "level": level} for s, level in skills],
        "weekly_hours": hours,
        "availability": ALWAYS,
        **extra,
    }


def role(slot_id, skill="ux", level="confident", hours=6, **extra) -> dict:
    return {
        "id": slot_id,
        "skill": skill,
        "min_level": level,
        "weekly_hours": hours,
        "location": {"mode": "remote"},
        **extra,
    }


def challenge(challenge_id, *slots, **extra) -> dict:
    return {"id": challenge_id, "sprint": SPRINT, "slots": list(slots), **extra}


def build(reservists, challenges, **extra):
    return parse_instance(
        {"as_of": AS_OF, "reservists": reservists, "challenges": challenges, **extra}
    )


def assigned(proposal) -> set[tuple[str, str]]:
    return {(m.reservist_id, m.slot_id) for m in proposal.assignments}


def breakdown(match) -> dict:
    return {c.name: c for c in match.breakdown}


# --- hard rules ----------------------------------------------------------------------------------


def test_the_only_qualified_person_is_proposed():
    instance = build(
        [person("r-1"), person("r-2", skills=[("dev", "expert")])],
        [challenge("c-1", role("c-1/ux"))],
    )

    assert assigned(propose(instance)) == {("r-1", "c-1/ux")}


def test_level_below_the_minimum_is_not_proposed():
    instance = build(
        [person("r-1", skills=[("ux", "discovering")])], [challenge("c-1", role("c-1/ux"))]
    )

    assert assigned(propose(instance)) == set()


def test_role_longer_than_the_hours_left_is_not_proposed():
    instance = build([person("r-1", hours=4)], [challenge("c-1", role("c-1/ux", hours=6))])

    assert assigned(propose(instance)) == set()


def test_availability_must_cover_the_whole_sprint():
    late = [{"start": "2025-03-20", "end": None}]
    split = [{"start": "2025-01-01", "end": "2025-03-31"}, {"start": "2025-04-01", "end": None}]
    instance = build(
        [person("r-late", availability=late), person("r-split", availability=split)],
        [challenge("c-1", role("c-1/ux", count=2))],
    )

    assert assigned(propose(instance)) == set()


def test_on_site_role_goes_to_someone_living_in_the_departement():
    on_site = {"mode": "on_site", "departement": "69"}
    instance = build(
        [
            person("r-paris", location={"departement": "75"}),
            person("r-lyon", skills=[("ux", "confident")], location={"departement": "69"}),
        ],
        [challenge("c-1", role("c-1/ux", location=on_site))],
    )

    assert assigned(propose(instance)) == {("r-lyon", "c-1/ux")}


def test_remote_only_person_is_not_proposed_on_site():
    on_site = {"mode": "on_site", "departement": "69"}
    instance = build(
        [person("r-1", location={"departement": "69"}, work_mode="remote")],
        [challenge("c-1", role("c-1/ux", location=on_site))],
    )

    assert assigned(propose(instance)) == set()


def test_rest_period_after_an_engagement_counts_to_the_sprint_start():
    instance = build(
        [
            person("r-tired", last_engagement_end="2025-03-10"),
            person("r-rested", last_engagement_end="2025-03-01"),
        ],
        [challenge("c-1", role("c-1/ux", count=2))],
    )

    assert assigned(propose(instance)) == {("r-rested", "c-1/ux")}


def test_rest_period_after_a_decline_counts_to_the_proposal_date():
    instance = build(
        [person("r-1", last_decline="2025-02-20"), person("r-2", last_decline="2025-02-01")],
        [challenge("c-1", role("c-1/ux", count=2))],
    )

    assert assigned(propose(instance)) == {("r-2", "c-1/ux")}


def test_current_challenges_count_towards_the_maximum():
    instance = build(
        [person("r-1", current_challenges=2), person("r-2", current_challenges=1)],
        [challenge("c-1", role("c-1/ux", count=2))],
        settings={"max_concurrent_challenges": 2},
    )

    assert assigned(propose(instance)) == {("r-2", "c-1/ux")}


def test_nobody_gets_two_roles_in_the_same_challenge():
    instance = build(
        [person("r-1", skills=[("ux", "expert"), ("dev", "expert")], hours=20)],
        [challenge("c-1", role("c-1/ux"), role("c-1/dev", skill="dev"))],
    )

    assert len(propose(instance).assignments) == 1


def test_weekly_hours_are_shared_across_challenges():
    instance = build(
        [person("r-star", hours=10), person("r-other", skills=[("ux", "confident")], hours=10)],
        [challenge("c-1", role("c-1/ux")), challenge("c-2", role("c-2/ux"))],
    )

    proposal = propose(instance)

    assert {r for r, _ in assigned(proposal)} == {"r-star", "r-other"}
    assert proposal.status == "optimal"


def test_seat_count_is_respected():
    instance = build(
        [person(f"r-{i}") for i in range(3)], [challenge("c-1", role("c-1/ux", count=2))]
    )

    assert len(propose(instance).assignments) == 2


def test_excluded_person_is_not_proposed_for_that_challenge():
    instance = build(
        [person("r-1"), person("r-2", skills=[("ux", "confident")])],
        [challenge("c-1", role("c-1/ux")), challenge("c-2", role("c-2/ux"))],
        exclusions=[{"reservist": "r-1", "challenge": "c-1"}],
    )

    assert assigned(propose(instance)) == {("r-2", "c-1/ux"), ("r-1", "c-2/ux")}


# --- locks ---------------------------------------------------------------------------------------


def test_lock_is_kept_even_when_someone_else_scores_higher():
    instance = build(
        [person("r-best"), person("r-chosen", skills=[("ux", "confident")])],
        [challenge("c-1", role("c-1/ux"))],
        locks=[{"reservist": "r-chosen", "slot": "c-1/ux"}],
    )

    proposal = propose(instance)

    assert [(m.reservist_id, m.locked) for m in proposal.assignments] == [("r-chosen", True)]
    assert proposal.warnings == ()


def test_locked_role_uses_the_persons_hours_elsewhere():
    instance = build(
        [person("r-1", hours=10), person("r-2", skills=[("ux", "confident")], hours=10)],
        [challenge("c-1", role("c-1/ux", hours=8)), challenge("c-2", role("c-2/ux", hours=6))],
        locks=[{"reservist": "r-1", "slot": "c-1/ux"}],
    )

    assert assigned(propose(instance)) == {("r-1", "c-1/ux"), ("r-2", "c-2/ux")}


def test_lock_breaking_a_rule_is_kept_with_a_warning():
    instance = build(
        [person("r-1", availability=[])],
        [challenge("c-1", role("c-1/ux", title="Designer UX"))],
        locks=[{"reservist": "r-1", "slot": "c-1/ux"}],
    )

    proposal = propose(instance)

    assert assigned(proposal) == {("r-1", "c-1/ux")}
    assert proposal.warnings == (
        {
            "key": "lock.rule",
            "params": {
                "reservist": "r-1",
                "slot": "Designer UX",
                "rule": "dates",
                "skill": "ux",
                "departement": None,
            },
        },
    )


def test_locks_beyond_a_persons_hours_are_kept_with_a_warning():
    instance = build(
        [person("r-1", hours=10)],
        [challenge("c-1", role("c-1/ux", hours=6)), challenge("c-2", role("c-2/ux", hours=6))],
        locks=[{"reservist": "r-1", "slot": "c-1/ux"}, {"reservist": "r-1", "slot": "c-2/ux"}],
    )

    proposal = propose(instance)

    assert len(proposal.assignments) == 2
    assert proposal.warnings == (
        {"key": "lock.hours", "params": {"reservist": "r-1", "asked": 720, "available": 600}},
    )


# --- empty seats and their reasons ---------------------------------------------------------------


def test_empty_seat_says_nobody_has_the_skill():
    instance = build(
        [person("r-1")],
        [challenge("c-1", role("c-1/secu", skill="securite"))],
        labels={"skills": {"securite": "Sécurité"}},
    )

    [gap] = propose(instance).unfilled

    assert (gap.slot_id, gap.missing) == ("c-1/secu", 1)
    assert gap.reason == {"key": "gap.no_skill", "params": {"skill": "securite"}}


def test_empty_seat_says_nobody_has_the_level():
    instance = build(
        [person("r-1", skills=[("ux", "confident")])],
        [challenge("c-1", role("c-1/ux", level="expert"))],
    )

    [gap] = propose(instance).unfilled

    assert gap.reason == {"key": "gap.no_level", "params": {"skill": "ux", "wanted": 3}}


def test_empty_seat_says_the_competent_person_is_taken_elsewhere():
    instance = build(
        [person("r-1")],
        [challenge("c-1", role("c-1/ux"), urgency="high"), challenge("c-2", role("c-2/ux"))],
        settings={"max_concurrent_challenges": 1},
    )

    [gap] = propose(instance).unfilled

    assert gap.slot_id == "c-2/ux"
    assert gap.reason["key"] == "gap.rules"
    assert gap.reason["params"] | {"departement": None} == {
        "skill": "ux",
        "total": 1,
        "beyond_available": False,
        "rules": [["elsewhere", 1]],
        "departement": None,
    }


def test_empty_seat_lists_why_each_competent_person_cannot_come():
    instance = build(
        [person("r-busy", hours=2), person("r-away", availability=[])],
        [challenge("c-1", role("c-1/ux"))],
    )

    [gap] = propose(instance).unfilled

    assert gap.reason["key"] == "gap.rules"
    assert (gap.reason["params"]["total"], gap.reason["params"]["rules"]) == (
        2,
        [["hours", 1], ["dates", 1]],
    )


def test_empty_reserve_leaves_every_seat_empty_with_a_reason():
    instance = build([], [challenge("c-1", role("c-1/ux", count=2))])

    proposal = propose(instance)

    assert proposal.assignments == ()
    assert [(g.missing, g.reason) for g in proposal.unfilled] == [
        (2, {"key": "gap.no_skill", "params": {"skill": "ux"}})
    ]


def test_no_challenge_gives_an_empty_proposal():
    proposal = propose(build([person("r-1")], []))

    assert (proposal.assignments, proposal.unfilled, proposal.total_score) == ((), (), 0)


def test_partial_team_is_proposed_when_some_slots_cannot_be_filled():
    instance = build(
        [person("r-1")],
        [challenge("c-1", role("c-1/ux"), role("c-1/secu", skill="securite"))],
    )

    proposal = propose(instance)

    assert assigned(proposal) == {("r-1", "c-1/ux")}
    assert [gap.slot_id for gap in proposal.unfilled] == ["c-1/secu"]


# --- scores and explanations ---------------------------------------------------------------------


def test_urgent_challenge_gets_the_scarce_person():
    instance = build(
        [person("r-1")],
        [
            challenge("c-calm", role("c-calm/ux")),
            challenge("c-urgent", role("c-urgent/ux"), urgency="critical"),
        ],
        settings={"max_concurrent_challenges": 1},
    )

    assert assigned(propose(instance)) == {("r-1", "c-urgent/ux")}


def test_level_above_the_minimum_is_explained():
    instance = build(
        [person("r-1")],
        [challenge("c-1", role("c-1/ux"))],
        labels={"skills": {"ux": "UX"}},
    )

    level = breakdown(propose(instance).assignments[0])["level"]

    assert (level.points, level.max_points) == (25.0, 25)
    assert (level.key, level.params) == ("level.above", {"skill": "ux", "level": 3, "wanted": 2})


def test_never_engaged_person_gets_the_fairness_bonus():
    instance = build([person("r-1")], [challenge("c-1", role("c-1/ux"))])

    fairness = breakdown(propose(instance).assignments[0])["fairness"]

    assert (fairness.points, fairness.max_points) == (25.0, 25)
    assert (fairness.key, fairness.params) == ("fairness.newcomer", {"bonus": 10})


def test_person_engaged_elsewhere_gets_no_fairness_points():
    instance = build([person("r-1", current_challenges=1)], [challenge("c-1", role("c-1/ux"))])

    fairness = breakdown(propose(instance).assignments[0])["fairness"]

    assert fairness.points == 0.0
    assert (fairness.key, fairness.params) == ("fairness.engaged", {"count": 1})


def test_hours_margin_is_explained():
    instance = build([person("r-1", hours=7.5)], [challenge("c-1", role("c-1/ux", hours=6))])

    availability = breakdown(propose(instance).assignments[0])["availability"]

    assert availability.points == 2.0
    assert availability.key == "hours.margin"
    assert availability.params == {"available": 450, "needed": 360, "margin": 90}


def test_interest_in_the_theme_is_explained():
    instance = build(
        [person("r-1", themes=["energie"])],
        [challenge("c-1", role("c-1/ux"), themes=["energie", "sante"])],
        labels={"themes": {"energie": "Énergie"}},
    )

    interest = breakdown(propose(instance).assignments[0])["interest"]

    assert interest.points == 10.0
    assert (interest.key, interest.params) == ("interest.some", {"themes": ["energie"], "total": 2})


def test_same_city_on_site_is_explained():
    on_site = {"mode": "on_site", "departement": "69", "city": "Lyon"}
    instance = build(
        [person("r-1", location={"departement": "69", "city": "lyon"})],
        [challenge("c-1", role("c-1/ux", location=on_site))],
    )

    locality = breakdown(propose(instance).assignments[0])["locality"]

    assert locality.points == 10.0
    assert locality.key == "locality.same_city"
    assert locality.params == {"city": "Lyon", "departement": "69"}


def test_team_skills_the_person_also_has_raise_skill_fit():
    both = [("ux", "expert"), ("data", "discovering")]
    instance = build(
        [person("r-1", skills=both), person("r-2"), person("r-3", skills=[("data", "expert")])],
        [
            challenge(
                "c-1", role("c-1/ux", count=2), role("c-1/data", skill="data", level="discovering")
            )
        ],
        labels={"skills": {"data": "Data", "ux": "UX"}},
    )

    ranking = rank_candidates(instance, "c-1").slots[0].candidates
    fits = {m.reservist_id: breakdown(m)["skill_fit"] for m in ranking}

    assert (fits["r-1"].points, fits["r-2"].points) == (20.0, 10.0)
    assert fits["r-1"].key == "skill.has_others"
    assert fits["r-1"].params == {"skill": "ux", "others": ["data"]}


def test_every_score_is_the_sum_of_its_breakdown():
    proposal = propose(parse_instance(random_instance_data(random.Random(7), 40, 6)))

    for match in proposal.assignments:
        assert match.score == pytest.approx(sum(c.points for c in match.breakdown))


# --- ranking -------------------------------------------------------------------------------------


def test_ranking_orders_by_score_then_by_id():
    instance = build(
        [person("r-b"), person("r-a"), person("r-c", skills=[("ux", "confident")])],
        [challenge("c-1", role("c-1/ux"))],
    )

    [slot] = rank_candidates(instance, "c-1").slots

    assert [m.reservist_id for m in slot.candidates] == ["r-a", "r-b", "r-c"]
    assert slot.candidates[0].score > slot.candidates[2].score


def test_ranking_is_limited_but_counts_every_eligible_person():
    instance = build([person(f"r-{i}") for i in range(5)], [challenge("c-1", role("c-1/ux"))])

    [slot] = rank_candidates(instance, "c-1", limit=2).slots

    assert (len(slot.candidates), slot.eligible, slot.shortfall) == (2, 5, None)


def test_ranking_explains_a_slot_nobody_can_fill():
    instance = build([person("r-1")], [challenge("c-1", role("c-1/ux", level="expert", count=2))])

    [slot] = rank_candidates(instance, "c-1").slots

    assert slot.eligible == 1
    assert slot.shortfall == {
        "key": "shortfall",
        "params": {"available": 1, "seats": 2, "reason": None},
    }


def test_ranking_explains_who_cannot_come():
    instance = build(
        [person("r-1"), person("r-2", availability=[])],
        [challenge("c-1", role("c-1/ux", count=3))],
    )

    [slot] = rank_candidates(instance, "c-1").slots

    assert slot.shortfall["params"]["available"] == 1
    assert slot.shortfall["params"]["reason"]["params"]["rules"] == [["dates", 1]]
    assert slot.shortfall["params"]["reason"]["params"]["beyond_available"] is True


def test_ranking_shows_locked_people_apart():
    instance = build(
        [person("r-1"), person("r-2")],
        [challenge("c-1", role("c-1/ux", count=2))],
        locks=[{"reservist": "r-2", "slot": "c-1/ux"}],
    )

    [slot] = rank_candidates(instance, "c-1").slots

    assert [m.reservist_id for m in slot.locked] == ["r-2"]
    assert [m.reservist_id for m in slot.candidates] == ["r-1"]


def test_ranking_of_an_unknown_challenge_raises_key_error():
    instance = build([person("r-1")], [challenge("c-1", role("c-1/ux"))])

    with pytest.raises(KeyError):
        rank_candidates(instance, "c-404")


def test_prebuilt_index_gives_the_same_answers():
    instance = parse_instance(random_instance_data(random.Random(3), 60, 8))
    index = build_index(instance)

    assert propose(index) == propose(instance)
    assert rank_candidates(index, "c-2") == rank_candidates(instance, "c-2")


# --- global proposal: determinism, pruning, larger instances -------------------------------------


def test_same_instance_gives_the_same_output():
    data = random_instance_data(random.Random(11), 80, 8)

    first = json.dumps(proposal_to_json(propose(parse_instance(data))))
    second = json.dumps(proposal_to_json(propose(parse_instance(data))))

    assert first == second


def test_seat_is_completed_beyond_the_kept_candidates():
    instance = build(
        [person("r-1"), person("r-2", skills=[("ux", "confident")])],
        [challenge("c-1", role("c-1/ux"), urgency="high"), challenge("c-2", role("c-2/ux"))],
        settings={"max_concurrent_challenges": 1, "candidates_per_slot": 1},
    )

    assert assigned(propose(instance)) == {("r-1", "c-1/ux"), ("r-2", "c-2/ux")}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_larger_instances_respect_every_rule_and_beat_greedy(seed):
    instance = parse_instance(random_instance_data(random.Random(seed), 150, 15))

    proposal, baseline = propose(instance), greedy(instance)

    assert_respects_rules(instance, proposal)
    assert_respects_rules(instance, baseline)
    assert proposal.total_score >= baseline.total_score


@pytest.mark.parametrize("seed", range(12))
def test_beyond_the_exact_limit_hours_are_repaired_and_greedy_is_never_better(seed, monkeypatch):
    monkeypatch.setattr(engine.solver, "EXACT_EDGE_LIMIT", 0)
    rng = random.Random(seed)
    instance = parse_instance(random_instance_data(rng, 40, rng.randint(6, 10), crowded=True))

    proposal = propose(instance)

    assert proposal.stats["repair_rounds"] > 0
    assert_respects_rules(instance, proposal)
    assert proposal.total_score >= greedy(instance).total_score


# --- properties on small random instances --------------------------------------------------------


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_engine_reaches_the_brute_force_optimum(seed):
    rng = random.Random(seed)
    instance = parse_instance(
        random_instance_data(rng, rng.randint(1, 10), rng.choice([1, 2, 3, 3]))
    )

    proposal = propose(instance)

    assert_respects_rules(instance, proposal)
    locked = sum(_tenths(m) for m in proposal.assignments if m.locked)
    assert round(proposal.total_score * 10) == locked + brute_force_best(instance)
    assert proposal.status == "optimal"
    assert greedy(instance).total_score <= proposal.total_score


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_engine_reaches_the_brute_force_optimum_when_weekly_hours_conflict(seed):
    rng = random.Random(seed)
    data = random_instance_data(rng, rng.randint(2, 10), rng.choice([2, 3]), crowded=True)
    instance = parse_instance(data)

    proposal = propose(instance)

    assert_respects_rules(instance, proposal)
    locked = sum(_tenths(m) for m in proposal.assignments if m.locked)
    assert round(proposal.total_score * 10) == locked + brute_force_best(instance)
    assert proposal.status == "optimal"


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_eligible_people_are_exactly_those_the_rules_allow(seed):
    rng = random.Random(seed)
    instance = parse_instance(
        random_instance_data(rng, rng.randint(1, 10), rng.choice([1, 2, 3, 3]))
    )

    assert set(pair_values(instance)) == {
        (r.id, s.id)
        for c in instance.challenges
        for s in c.slots
        for r in instance.reservists
        if pair_allowed(instance, r, s, c)
    }


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_bulk_candidates_are_the_best_ranked_by_the_reference_scores(seed):
    """The global proposal's candidates (computed in bulk) are, slot by slot, the people
    `scoring` ranks first, with the same points per criterion."""
    rng = random.Random(seed)
    data = random_instance_data(rng, rng.randint(1, 25), rng.randint(1, 4))
    data["settings"]["candidates_per_slot"] = rng.randint(1, 4)
    for slot in (s for c in data["challenges"] for s in c["slots"]):
        if slot["location"]["mode"] == "on_site" and rng.random() < 0.5:
            slot["location"].pop("city")
    sprints = [c["sprint"] for c in data["challenges"]]
    for r in data["reservists"]:
        if rng.random() < 0.3:
            r["availability"] = [*rng.choice(PERIODS), *rng.choice(PERIODS)]
        elif rng.random() < 0.3:  # exactly the sprint, or a day short at either end
            sprint = rng.choice(sprints)
            start, end = date.fromisoformat(sprint["start"]), date.fromisoformat(sprint["end"])
            start += timedelta(days=rng.choice([0, 0, 1]))
            end -= timedelta(days=rng.choice([0, 0, 1]))
            r["availability"] = [{"start": start.isoformat(), "end": end.isoformat()}]
    ix = build_index(parse_instance(data))

    assert bulk_candidates(ix) == reference_candidates(ix)


def test_bulk_candidates_handle_more_than_64_skills():
    rng = random.Random(4)
    names = [f"s{i:02d}" for i in range(90)]
    data = random_instance_data(rng, 40, 6)
    data["settings"]["candidates_per_slot"] = 3
    for r in data["reservists"]:
        r["skills"] = [
            {"skill": s, "level": rng.choice(LEVELS)} for s in rng.sample(names, rng.randint(5, 60))
        ]
        r["availability"] = ALWAYS
    for c in data["challenges"]:
        c["slots"] = [{**role(f"{c['id']}/{j}", skill=rng.choice(names))} for j in range(5)]
    ix = build_index(parse_instance(data))
    assert ix.levels.shape[0] > 64

    assert bulk_candidates(ix) == reference_candidates(ix)
    assert any(len(set(ranked)) > 1 for ranked, _ in bulk_candidates(ix)[0].values())


def bulk_candidates(ix):
    edges = candidate_edges(ix)
    slots = {}
    columns = (edges.slot, edges.person, edges.points)
    for s, p, points in zip(*(column.tolist() for column in columns), strict=True):
        slots.setdefault(s, ([], []))
        slots[s][0].append(p)
        slots[s][1].append(points)
    return slots, edges.pruned


def reference_candidates(ix):
    """Every person with the skill at the level, through `scoring`'s rules and points."""
    k, slots, pruned = ix.instance.settings.candidates_per_slot, {}, False
    for ctx in ix.slots:
        if ctx.seats <= 0:
            continue
        view = ix.pool.take(ix.by_skill.get((ctx.skill, ctx.min_level), EMPTY))
        eligible = eligible_people(ix, ctx, view)
        ranked, rows = best_ranked(ix, ctx, eligible, k + ctx.seats - 1)
        pruned |= ranked.size < eligible.size
        if ranked.size:
            slots[ctx.number] = (ranked.tolist(), rows.T.tolist())
    return slots, pruned


# --- command line --------------------------------------------------------------------------------


def test_command_line_prints_the_proposal_as_json(tmp_path, capsys):
    path = tmp_path / "instance.json"
    path.write_text(json.dumps(random_instance_data(random.Random(5), 20, 3)), encoding="utf-8")

    assert main([str(path)]) == 0

    document = json.loads(capsys.readouterr().out)
    assert document["mode"] == "propose"
    assert document["assignments"][0]["breakdown"][0]["component"] == "skill_fit"


def test_command_line_ranks_one_challenge(tmp_path, capsys):
    path = tmp_path / "instance.json"
    path.write_text(json.dumps(random_instance_data(random.Random(5), 20, 3)), encoding="utf-8")

    assert main([str(path), "--rank", "c-1", "--limit", "3"]) == 0

    document = json.loads(capsys.readouterr().out)
    assert document["challenge"] == "c-1"
    assert all(len(slot["candidates"]) <= 3 for slot in document["slots"])


def test_command_line_names_the_malformed_field_and_exits_2(tmp_path, capsys):
    data = random_instance_data(random.Random(5), 5, 1)
    data["reservists"][3]["skills"][0]["level"] = "pro"
    path = tmp_path / "instance.json"
    path.write_text(json.dumps(data), encoding="utf-8")

    assert main([str(path)]) == 2

    assert capsys.readouterr().err == (
        "invalid instance: reservists[3].skills[0].level: "
        "expected one of discovering/confident/expert, got 'pro'\n"
    )


def test_command_line_rejects_an_unknown_challenge(tmp_path, capsys):
    path = tmp_path / "instance.json"
    path.write_text(json.dumps(random_instance_data(random.Random(5), 5, 1)), encoding="utf-8")

    assert main([str(path), "--rank", "c-404"]) == 2
    assert "unknown challenge 'c-404'" in capsys.readouterr().err


def test_module_runs_with_python_dash_m(tmp_path):
    path = tmp_path / "instance.json"
    path.write_text(json.dumps(random_instance_data(random.Random(5), 10, 2)), encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "-m", "reserve.teams.engine", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0
    assert json.loads(result.stdout)["mode"] == "propose"


# --- helpers: random instances, the rules written plainly, brute force --------------------------

SKILLS = ("ux", "dev", "data")
THEMES = ("energie", "sante")
PERIODS = (
    ALWAYS,
    ALWAYS,
    ALWAYS,
    [{"start": "2025-03-20", "end": "2025-06-30"}],
    [{"start": "2025-03-01", "end": "2025-04-20"}, {"start": "2025-05-01", "end": None}],
    [],
)
SPRINTS = (SPRINT, {"start": "2025-05-05", "end": "2025-06-01"})


def random_instance_data(rng, people: int, challenges: int, crowded: bool = False) -> dict:
    """Few skills, places and dates, so that people compete for seats and every rule bites now
    and then. `crowded`: everyone free, remote and allowed three challenges, so that weekly hours
    often cannot hold every role a person is the best for."""
    data = {
        "as_of": AS_OF,
        "settings": {
            "max_concurrent_challenges": rng.choice([1, 2, 3, 3]),
            "rest_days": rng.choice([0, 14]),
            "never_engaged_bonus": rng.choice([0, 10]),
            "weights": {"interest": rng.choice([0, 20]), "urgency": rng.choice([0, 10])},
        },
        "reservists": [random_person(rng, i) for i in range(people)],
        "challenges": [random_challenge(rng, i) for i in range(challenges)],
    }
    slots = [s for c in data["challenges"] for s in c["slots"]]
    if rng.random() < 0.5:
        data["locks"] = [
            {"reservist": f"r-{rng.randrange(people)}", "slot": rng.choice(slots)["id"]}
        ]
    locked = {(k["reservist"], k["slot"].split("/")[0]) for k in data.get("locks", [])}
    exclusions = {
        (f"r-{rng.randrange(people)}", f"c-{rng.randrange(challenges)}") for _ in range(2)
    }
    data["exclusions"] = [{"reservist": r, "challenge": c} for r, c in sorted(exclusions - locked)]
    if crowded:
        crowd(rng, data)
    return data


def crowd(rng: random.Random, data: dict) -> None:
    data["settings"]["max_concurrent_challenges"] = 3
    for r in data["reservists"]:
        r.update(availability=ALWAYS, work_mode="both", current_challenges=0)
        r.update(
            last_engagement_end=None, last_decline=None, weekly_hours=rng.choice([6, 8, 10, 12])
        )
    for slot in (s for c in data["challenges"] for s in c["slots"]):
        slot["location"] = {"mode": "remote"}


def random_person(rng: random.Random, i: int) -> dict:
    return {
        "id": f"r-{i}",
        "skills": [
            {"skill": s, "level": rng.choice(LEVELS[1:])}
            for s in rng.sample(SKILLS, rng.randint(1, 3))
        ],
        "weekly_hours": rng.choice([0, 6, 8, 10, 12, 14]),
        "current_challenges": rng.choice([0, 0, 0, 1, 2]),
        "availability": rng.choice(PERIODS),
        "location": {"departement": rng.choice(["69", "75"]), "city": rng.choice([None, "Lyon"])},
        "work_mode": rng.choice(["remote", "on_site", "both", "both"]),
        "themes": rng.sample(THEMES, rng.randint(0, 2)),
        "last_engagement_end": rng.choice([None, None, "2025-03-10", "2024-10-01"]),
        "last_decline": rng.choice([None, None, "2025-02-25"]),
    }


def random_challenge(rng: random.Random, i: int) -> dict:
    return {
        "id": f"c-{i}",
        "themes": rng.sample(THEMES, rng.randint(0, 2)),
        "urgency": rng.choice(["normal", "high", "critical"]),
        "sprint": rng.choice(SPRINTS),
        "slots": [
            {
                "id": f"c-{i}/{j}",
                "skill": rng.choice(SKILLS),
                "min_level": rng.choice(LEVELS[:2]),
                "count": rng.randint(1, 2),
                "weekly_hours": rng.choice([2, 4, 6, 8]),
                "location": rng.choice(
                    [
                        {"mode": "remote"},
                        {"mode": "remote"},
                        {"mode": "on_site", "departement": "69", "city": "Lyon"},
                    ]
                ),
            }
            for j in range(rng.randint(1, 2))
        ],
    }


def pair_allowed(instance, r, slot, challenge) -> bool:
    """The hard rules, written plainly from the specification (capacity after locks)."""
    rank = {name: i for i, name in enumerate(LEVELS)}
    levels = {s.skill: rank[s.level] for s in r.skills}
    rest = instance.settings.rest_days
    locks = [k for k in instance.locks if k.reservist_id == r.id]
    slots = instance.slots()
    start, end = challenge.sprint.start, challenge.sprint.end
    return (
        levels.get(slot.skill, -1) >= rank[slot.min_level]
        and r.weekly_hours - sum(slots[k.slot_id].weekly_hours for k in locks) >= slot.weekly_hours
        and instance.settings.max_concurrent_challenges - r.current_challenges - len(locks) >= 1
        and any(p.start <= start and (p.end is None or p.end >= end) for p in r.availability)
        and (not slot.on_site or (r.departement == slot.departement and r.work_mode != "remote"))
        and (r.last_engagement_end is None or (start - r.last_engagement_end).days >= rest)
        and (r.last_decline is None or (instance.as_of - r.last_decline).days >= rest)
        and (r.id, challenge.id)
        not in {(x.reservist_id, x.challenge_id) for x in instance.exclusions}
        and all(slots[k.slot_id].challenge_id != challenge.id for k in locks)
    )


def assert_respects_rules(instance, proposal) -> None:
    slots = instance.slots()
    challenges = {c.id: c for c in instance.challenges}
    people = {r.id: r for r in instance.reservists}
    for slot_id, slot in slots.items():
        assert sum(m.slot_id == slot_id for m in proposal.assignments) <= slot.count
    teams = [(m.reservist_id, m.challenge_id) for m in proposal.assignments]
    assert len(teams) == len(set(teams))
    for rid, r in people.items():
        mine = [m for m in proposal.assignments if m.reservist_id == rid]
        hours = sum(slots[m.slot_id].weekly_hours for m in mine)
        if any(not m.locked for m in mine):
            assert hours <= r.weekly_hours
            assert r.current_challenges + len(mine) <= instance.settings.max_concurrent_challenges
    for m in proposal.assignments:
        if not m.locked:
            r, slot, c = people[m.reservist_id], slots[m.slot_id], challenges[m.challenge_id]
            assert pair_allowed(instance, r, slot, c)


def pair_values(instance) -> dict[tuple[str, str], int]:
    """Value (score and priority, in tenths) of every eligible pair, as the engine ranks them."""
    values = {}
    for challenge in instance.challenges:
        for slot in rank_candidates(instance, challenge.id, limit=10_000).slots:
            values.update({(m.reservist_id, m.slot_id): _tenths(m) for m in slot.candidates})
    return values


def brute_force_best(instance) -> int:
    """Exhaustive search over every person's possible set of new roles (dynamic programming on the
    seats still free), honouring hours, room and one role per challenge; returns tenths."""
    values, slots = pair_values(instance), instance.slots()
    seats = {
        s: slot.count - sum(k.slot_id == s for k in instance.locks) for s, slot in slots.items()
    }
    order = sorted(seats)
    best = {tuple(seats[s] for s in order): 0}
    for r in instance.reservists:
        options = _options(instance, r, [s for s in order if (r.id, s) in values], slots)
        step = {}
        for state, total in best.items():
            for option in options:
                left = list(state)
                for s in option:
                    left[order.index(s)] -= 1
                if min(left, default=0) >= 0:
                    value = total + sum(values[(r.id, s)] for s in option)
                    step[tuple(left)] = max(step.get(tuple(left), -1), value)
        best = step
    return max(best.values())


def _options(instance, r, eligible, slots) -> list[tuple[str, ...]]:
    locks = [k for k in instance.locks if k.reservist_id == r.id]
    hours = r.weekly_hours - sum(slots[k.slot_id].weekly_hours for k in locks)
    room = instance.settings.max_concurrent_challenges - r.current_challenges - len(locks)
    return [
        option
        for size in range(0, max(room, 0) + 1)
        for option in combinations(eligible, size)
        if len({slots[s].challenge_id for s in option}) == size
        and (not option or sum(slots[s].weekly_hours for s in option) <= hours)
    ]


def _tenths(match) -> int:
    return round((match.score + match.priority) * 10)


def test_brute_force_helper_finds_the_obvious_optimum():
    instance = build(
        [person("r-1", hours=10), person("r-2", skills=[("ux", "confident")], hours=10)],
        [challenge("c-1", role("c-1/ux")), challenge("c-2", role("c-2/ux"))],
    )
    values = pair_values(instance)

    expected = max(
        values[("r-1", "c-1/ux")] + values[("r-2", "c-2/ux")],
        values[("r-1", "c-2/ux")] + values[("r-2", "c-1/ux")],
    )

    assert brute_force_best(instance) == expected
