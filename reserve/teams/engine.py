"""Matching engine: forms commando teams from the reserve, and explains every proposal.

Pure Python (numpy and OR-Tools, no Django): an Instance in, a Proposal or a Ranking out.

How it works, in plain words
----------------------------
1. Hard rules. A person may take a role only if they have the skill at the minimum level, have
   enough weekly hours left, have not reached the maximum number of challenges at once, are
   available for the whole sprint, live in the role's département when it is on site (and do not
   want remote work only), are not resting after an engagement or a decline, and were not excluded
   from that challenge. Nobody takes two roles in the same challenge.
2. Score. Each possible (person, role) pair gets points on six criteria, each shown with a
   sentence: skill fit (the role's skill plus other skills the team needs), level, interest in the
   challenge's themes, weekly-hours margin, locality, fairness (people never engaged first, people
   engaged recently last). Urgent challenges add "priority" points to each seat they fill, so scarce
   people go to urgent challenges first. Points are integers (tenths), so results are exact and
   identical from one run to the next.
3. Candidates. An index by skill and level gives the people who can take a role without scanning
   the whole reserve; for the global proposal each slot keeps its best K eligible people
   (settings.candidates_per_slot).
4. Global proposal. Who goes where is first solved as a min-cost flow (OR-Tools):
   source -> person (capacity: challenges they may still join, and no more roles than their
   weekly hours could hold were these their shortest candidate roles) -> person x challenge
   gadget (capacity 1: one role per challenge) -> slot (capacity 1, cost: minus the pair's value)
   -> sink (capacity: free seats), plus a free source -> sink arc so that seats may stay empty.
   Every answer that respects the rules is such a flow, with the same value; the flow, though,
   cannot express the weekly-hours budget exactly (a knapsack). So its optimum is an upper bound,
   and when its answer respects everyone's hours, that answer is optimal. Otherwise:
   - each over-committed person keeps the most valuable set of roles that fits their hours, and
     the seats they free go, through a flow on what is left, to people with room and hours for
     them; again until nobody is over-committed;
   - up to EXACT_EDGE_LIMIT candidate pairs, CP-SAT then solves the exact model from there and
     proves optimality (best total first, then the best-ranked candidates among equal totals);
   - beyond that, the answer is "feasible" (stats give the flow's bound to compare with), and
     the greedy choice over the same candidates replaces it in the rare cases where it is better.
   Among equal totals the flow prefers each slot's best-ranked candidates (score, then id).
5. Seats still empty are completed, when possible, from eligible people beyond the K best, and
   every seat left empty is reported with the reason, in French.
"""

import argparse
import json
import sys
from dataclasses import dataclass, fields, replace
from datetime import date

import numpy as np
from ortools.graph.python import min_cost_flow
from ortools.sat.python import cp_model

from reserve.teams.instance import (
    FORMAT_VERSION,
    LEVELS,
    Challenge,
    Instance,
    InstanceError,
    Reservist,
    Slot,
    load_instance,
)

COMPONENTS = ("skill_fit", "level", "interest", "availability", "locality", "fairness")
LEVEL_RANK = {name: rank for rank, name in enumerate(LEVELS, start=1)}
LEVEL_VALUE = np.array([0.0, 0.4, 0.7, 1.0])
URGENCY_RANK = {"normal": 0, "high": 1, "critical": 2}
REMOTE, ON_SITE, BOTH = 0, 1, 2
WORK_MODE = {"remote": REMOTE, "on_site": ON_SITE, "both": BOTH}
NEVER = -(10**7)
FAIRNESS_HORIZON_DAYS = 180
NEUTRAL_INTEREST = 0.5
SAME_DEPARTEMENT = 0.7
REMOTE_FOR_ON_SITE_LOVER = 0.4
EXACT_EDGE_LIMIT = 2_000
# CP-SAT's deterministic time (not wall-clock, so answers do not depend on the machine's load).
EXACT_DETERMINISTIC_SECONDS = 5.0
TIE_BREAK_DETERMINISTIC_SECONDS = 0.5
MAX_REPAIR_ROUNDS = 6
EMPTY = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True)
class Component:
    name: str
    points: float
    max_points: float
    explanation: str


@dataclass(frozen=True)
class Match:
    reservist_id: str
    challenge_id: str
    slot_id: str
    score: float
    priority: float
    locked: bool
    breakdown: tuple[Component, ...]


@dataclass(frozen=True)
class Unfilled:
    challenge_id: str
    slot_id: str
    missing: int
    reason: str


@dataclass(frozen=True)
class Proposal:
    status: str
    total_score: float
    assignments: tuple[Match, ...]
    unfilled: tuple[Unfilled, ...]
    warnings: tuple[str, ...]
    stats: dict


@dataclass(frozen=True)
class SlotRanking:
    slot_id: str
    count: int
    eligible: int
    locked: tuple[Match, ...]
    candidates: tuple[Match, ...]
    shortfall: str | None


@dataclass(frozen=True)
class Ranking:
    challenge_id: str
    slots: tuple[SlotRanking, ...]


@dataclass(frozen=True)
class SlotContext:
    slot: Slot
    challenge: Challenge
    number: int
    challenge_number: int
    skill: int
    min_level: int
    minutes: int
    dept: int
    city: int
    start: int
    end: int
    themes: np.ndarray
    other_skills: tuple[str, ...]
    others: np.ndarray
    here: np.ndarray
    team: np.ndarray
    excluded: np.ndarray
    seats: int
    priority: int


@dataclass(frozen=True)
class People:
    """Columns about reservists: everyone (in id order), or the subset `take` keeps.

    Rules and scores run on a subset gathered once per skill and level, in contiguous arrays,
    rather than on the whole reserve for every slot.
    """

    person: np.ndarray
    minutes: np.ndarray
    room: np.ndarray
    av_start: np.ndarray
    av_end: np.ndarray
    last_end: np.ndarray
    last_decline: np.ndarray
    dept: np.ndarray
    city: np.ndarray
    mode: np.ndarray
    engaged: np.ndarray
    never: np.ndarray

    def take(self, keep: np.ndarray) -> "People":
        return People(*(getattr(self, f.name)[keep] for f in fields(self)))

    @property
    def size(self) -> int:
        return int(self.person.size)


@dataclass(frozen=True)
class PoolIndex:
    """The reserve as arrays, with an index by skill and level; build once, query many times."""

    instance: Instance
    people: tuple[Reservist, ...]
    pool: People
    raw_minutes: np.ndarray
    slots: tuple[SlotContext, ...]
    skill_number: dict[str, int]
    levels: np.ndarray
    by_skill: dict[tuple[int, int], np.ndarray]
    themes: np.ndarray
    locks: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Edges:
    """Candidate (person, slot) pairs kept for the global proposal, with their values."""

    person: np.ndarray
    slot: np.ndarray
    challenge: np.ndarray
    value: np.ndarray
    rank: np.ndarray
    minutes: np.ndarray
    points: np.ndarray
    pruned: bool

    @property
    def size(self) -> int:
        return int(self.person.size)

    def subset(self, keep: np.ndarray) -> "Edges":
        arrays = {f.name: getattr(self, f.name)[keep] for f in fields(self) if f.name != "pruned"}
        return replace(self, **arrays)

    def cost(self, seats: int) -> np.ndarray:
        """Value first; the rank term only breaks ties: at most `seats` pairs are chosen, so the
        rank terms never add up to `big`."""
        width = int(self.rank.max(initial=0)) + 1
        big = min(self.size, seats) * width + 1
        return self.value * big + (width - self.rank)


def build_index(instance: Instance) -> PoolIndex:
    """Precompute the arrays and the skill/level index of an instance."""
    people = tuple(sorted(instance.reservists, key=lambda r: r.id))
    position = {r.id: i for i, r in enumerate(people)}
    skills = _vocabulary(s.skill for r in people for s in r.skills)
    themes = _vocabulary(t for r in people for t in r.themes)
    places: dict[tuple, int] = {}
    slots = _slot_contexts(instance, position, skills, themes, places)
    levels = np.zeros((len(skills), len(people)), dtype=np.int8)
    interests = np.zeros((len(themes), len(people)), dtype=bool)
    for i, r in enumerate(people):
        for s in r.skills:
            levels[skills[s.skill], i] = LEVEL_RANK[s.level]
        interests[[themes[t] for t in r.themes], i] = True
    locks = tuple((int(p), ctx.number) for ctx in slots for p in ctx.here)
    raw_minutes = np.array([round(r.weekly_hours * 60) for r in people], dtype=np.int64)
    return PoolIndex(
        instance=instance,
        people=people,
        pool=_pool(instance, people, raw_minutes, locks, slots, places),
        raw_minutes=raw_minutes,
        slots=slots,
        skill_number=skills,
        levels=levels,
        by_skill={
            (k, m): np.flatnonzero(levels[k] >= m) for k in range(len(skills)) for m in (1, 2, 3)
        },
        themes=interests,
        locks=locks,
    )


def rank_candidates(source: Instance | PoolIndex, challenge_id: str, *, limit: int = 20) -> Ranking:
    """Rank, for each slot of one challenge, the eligible people by score (then id).

    Pass a PoolIndex built once to answer many rankings fast. Raises KeyError for an unknown
    challenge.
    """
    ix = source if isinstance(source, PoolIndex) else build_index(source)
    contexts = [c for c in ix.slots if c.challenge.id == challenge_id]
    if not contexts:
        raise KeyError(f"unknown challenge {challenge_id!r}")
    return Ranking(challenge_id, tuple(_rank_slot(ix, ctx, limit) for ctx in contexts))


def propose(source: Instance | PoolIndex) -> Proposal:
    """Propose teams for every challenge at once, keeping locks and honouring exclusions."""
    ix = source if isinstance(source, PoolIndex) else build_index(source)
    edges = candidate_edges(ix)
    chosen, proven, stats = _solve(ix, edges)
    return finish_proposal(ix, edges, chosen, _status(proven, edges.pruned), stats)


def _status(proven: bool, pruned: bool) -> str:
    if not proven:
        return "feasible"
    return "optimal_among_candidates" if pruned else "optimal"


def candidate_edges(ix: PoolIndex) -> Edges:
    """For each slot with free seats, its best eligible people (settings.candidates_per_slot)."""
    k = ix.instance.settings.candidates_per_slot
    open_slots = sorted((c for c in ix.slots if c.seats > 0), key=lambda c: (c.skill, c.min_level))
    parts, pruned, group, view = [], False, None, None
    for ctx in open_slots:
        if group != (ctx.skill, ctx.min_level):
            group = (ctx.skill, ctx.min_level)
            view = ix.pool.take(ix.by_skill.get(group, EMPTY))
        eligible = _eligible(ix, ctx, view)
        ranked, rows = _ranked(ix, ctx, eligible, k + ctx.seats - 1)
        pruned |= ranked.size < eligible.size
        parts.append((ctx, ranked, rows))
    parts.sort(key=lambda part: part[0].number)
    return Edges(
        person=_concat([p for _, p, _ in parts]),
        slot=_concat([np.full(p.size, c.number) for c, p, _ in parts]),
        challenge=_concat([np.full(p.size, c.challenge_number) for c, p, _ in parts]),
        value=_concat([r.sum(axis=0) + c.priority for c, _, r in parts]),
        rank=_concat([np.arange(p.size) for _, p, _ in parts]),
        minutes=_concat([np.full(p.size, c.minutes) for c, p, _ in parts]),
        points=np.concatenate([r.T for _, _, r in parts]) if parts else np.zeros((0, 6), int),
        pruned=pruned,
    )


def finish_proposal(ix: PoolIndex, edges: Edges, chosen, status: str, stats: dict) -> Proposal:
    """Complete empty seats beyond the candidates, explain every pair and every empty seat."""
    picked: dict[int, list[int]] = {ctx.number: [] for ctx in ix.slots}
    for e in np.flatnonzero(chosen).tolist():
        picked[int(edges.slot[e])].append(e)
    extra, unfilled = _complete(ix, {s: edges.person[e].tolist() for s, e in picked.items()})
    matches = []
    for ctx in ix.slots:
        mine = np.array(picked[ctx.number], dtype=np.int64)
        persons = edges.person[mine]
        matches += _matches(ix, ctx, ctx.here, locked=True)
        matches += _explained(ix, ctx, persons, edges.points[mine].T, ix.pool.minutes[persons])
        matches += _matches(ix, ctx, np.array(extra[ctx.number], dtype=np.int64), locked=False)
    total = sum(m.score + m.priority for m in matches)
    stats = {**stats, "candidate_pairs": edges.size, "pruned": edges.pruned}
    return Proposal(
        status, round(total, 1), tuple(matches), tuple(unfilled), _lock_warnings(ix), stats
    )


# --- solving -------------------------------------------------------------------------------------


def _solve(ix: PoolIndex, edges: Edges) -> tuple[np.ndarray, bool, dict]:
    stats = {"upper_bound": 0.0, "solver_score": 0.0, "repair_rounds": 0}
    if edges.size == 0:
        return np.zeros(0, dtype=bool), True, stats
    seats = np.array([ctx.seats for ctx in ix.slots], dtype=np.int64)
    cost = edges.cost(int(seats.sum()))
    room = _capacity(edges, ix.pool.room, ix.pool.minutes)
    chosen = _Flow(edges, cost, seats, room, len(ix.instance.challenges)).solve()
    stats["upper_bound"] = _points(edges.value[chosen].sum())
    proven = not _overcommitted(ix, edges, chosen).size
    if not proven:
        chosen, stats["repair_rounds"] = _repair(ix, edges, cost, chosen)
        if edges.size <= EXACT_EDGE_LIMIT:
            chosen, proven = _solve_exact(ix, edges, chosen)
    if not proven:
        greedy = choose_greedily(ix, edges)
        stats["greedy_kept"] = bool(edges.value[greedy].sum() > edges.value[chosen].sum())
        chosen = greedy if stats["greedy_kept"] else chosen
    stats["solver_score"] = _points(edges.value[chosen].sum())
    return chosen, proven, stats


def choose_greedily(ix: PoolIndex, edges: Edges) -> np.ndarray:
    """The greedy baseline: most valuable pair first, kept whenever every rule still allows it."""
    seats = [ctx.seats for ctx in ix.slots]
    minutes, room = ix.pool.minutes.tolist(), ix.pool.room.tolist()
    teams: set[tuple[int, int]] = set()
    chosen = np.zeros(edges.size, dtype=bool)
    columns = (edges.person, edges.slot, edges.challenge, edges.minutes)
    rows = list(zip(*(column.tolist() for column in columns), strict=True))
    for e in np.lexsort((edges.person, edges.rank, -edges.value)).tolist():
        p, s, c, m = rows[e]
        if seats[s] and room[p] and minutes[p] >= m and (p, c) not in teams:
            chosen[e] = True
            seats[s], room[p], minutes[p] = seats[s] - 1, room[p] - 1, minutes[p] - m
            teams.add((p, c))
    return chosen


class _Flow:
    """The min-cost flow relaxation (every rule but the weekly-hours budget)."""

    def __init__(self, edges: Edges, cost, seats_left, room_left, n_challenges: int):
        persons, person_node = np.unique(edges.person, return_inverse=True)
        pairs, pair_node, pair_size = np.unique(
            edges.person * n_challenges + edges.challenge, return_inverse=True, return_counts=True
        )
        slots, slot_node = np.unique(edges.slot, return_inverse=True)
        first_pair, first_slot = 2 + persons.size, 2 + persons.size + pairs.size
        shared = pair_size > 1
        seats = seats_left[slots]
        room = room_left[persons]
        supply = int(min(room.sum(), seats.sum()))
        self.solver = min_cost_flow.SimpleMinCostFlow()
        self._arcs(np.zeros(persons.size), 2 + np.arange(persons.size), room)
        gadget_person = np.searchsorted(persons, pairs[shared] // n_challenges)
        self._arcs(2 + gadget_person, first_pair + np.flatnonzero(shared), 1)
        tails = np.where(shared[pair_node], first_pair + pair_node, 2 + person_node)
        self.edge_arcs = self._arcs(tails, first_slot + slot_node, 1, -cost)
        self._arcs(first_slot + np.arange(slots.size), np.ones(slots.size), seats)
        self._arcs(np.zeros(1), np.ones(1), supply)
        self.solver.set_node_supply(0, supply)
        self.solver.set_node_supply(1, -supply)

    def _arcs(self, tails, heads, capacity, cost=0) -> np.ndarray:
        tails = np.asarray(tails, dtype=np.int32)
        first = self.solver.num_arcs()
        self.solver.add_arcs_with_capacity_and_unit_cost(
            tails,
            np.asarray(heads, dtype=np.int32),
            np.broadcast_to(np.asarray(capacity, dtype=np.int64), tails.shape).copy(),
            np.broadcast_to(np.asarray(cost, dtype=np.int64), tails.shape).copy(),
        )
        return np.arange(first, first + tails.size, dtype=np.int32)

    def solve(self) -> np.ndarray:
        status = self.solver.solve()
        if status != self.solver.OPTIMAL:
            raise RuntimeError(f"min-cost flow failed with status {status}")
        return self.solver.flows(self.edge_arcs) > 0


def _capacity(edges: Edges, room: np.ndarray, minutes: np.ndarray) -> np.ndarray:
    """How many roles each person may take in the flow: their room, and no more roles than their
    hours could hold were they their shortest candidate roles. The cap never excludes a feasible
    answer, so the flow stays a relaxation, but it spares most hours repairs."""
    order = np.lexsort((edges.minutes, edges.person))
    person, minutes_sorted = edges.person[order], edges.minutes[order]
    total = np.cumsum(minutes_sorted)
    starts = np.flatnonzero(np.r_[True, person[1:] != person[:-1]])
    before = np.repeat(total[starts] - minutes_sorted[starts], np.diff(np.r_[starts, person.size]))
    fits = total - before <= minutes[person]
    return np.minimum(room, np.bincount(person[fits], minlength=room.size))


def _overcommitted(ix: PoolIndex, edges: Edges, chosen: np.ndarray) -> np.ndarray:
    used = np.bincount(edges.person[chosen], edges.minutes[chosen], minlength=len(ix.people))
    return np.flatnonzero((used > ix.pool.minutes) & (used > 0))


def _repair(ix, edges, cost, chosen) -> tuple[np.ndarray, int]:
    """Over-committed people keep their best roles that fit; the seats they free are offered
    again, through a flow, to people with room and hours left (the rest of the answer stays)."""
    chosen = chosen.copy()
    for rounds in range(1, MAX_REPAIR_ROUNDS + 1):
        over = _overcommitted(ix, edges, chosen)
        if not over.size:
            return chosen, rounds - 1
        chosen[_drops(ix, edges, cost, chosen, over)] = False
        if rounds < MAX_REPAIR_ROUNDS:
            chosen |= _refill(ix, edges, cost, chosen)
    return chosen, MAX_REPAIR_ROUNDS


def _drops(ix, edges, cost, chosen, over) -> np.ndarray:
    """For each over-committed person, the chosen pairs outside their best subset that fits."""
    picked = np.flatnonzero(chosen & np.isin(edges.person, over))
    dropped = []
    for group in _groups(edges.person[picked]):
        mine = picked[group]
        budget = int(ix.pool.minutes[edges.person[mine[0]]])
        dropped += mine[~_best_fit(edges.minutes[mine], cost[mine], budget)].tolist()
    return np.array(dropped, dtype=np.int64)


def _refill(ix, edges, cost, chosen) -> np.ndarray:
    """Pairs the residual flow adds: free seats, people with room and hours left for that role."""
    n = len(ix.people)
    seats = np.array([ctx.seats for ctx in ix.slots]) - np.bincount(
        edges.slot[chosen], minlength=len(ix.slots)
    )
    room = ix.pool.room - np.bincount(edges.person[chosen], minlength=n)
    minutes = ix.pool.minutes - np.bincount(edges.person[chosen], edges.minutes[chosen], n)
    team = edges.person * len(ix.instance.challenges) + edges.challenge
    open_ = ~chosen & (seats[edges.slot] > 0) & (room[edges.person] > 0)
    open_ &= (minutes[edges.person] >= edges.minutes) & ~np.isin(team, team[chosen])
    added = np.zeros(edges.size, dtype=bool)
    candidates = np.flatnonzero(open_)
    if candidates.size:
        residual = edges.subset(candidates)
        room = _capacity(residual, room, minutes)
        flow = _Flow(residual, cost[candidates], seats, room, len(ix.instance.challenges))
        added[candidates[flow.solve()]] = True
    return added


def _best_fit(minutes: np.ndarray, cost: np.ndarray, budget: int) -> np.ndarray:
    """Most valuable subset of one person's roles within their hours (a handful: enumerate)."""
    n = minutes.size
    masks = (np.arange(1 << n)[:, None] >> np.arange(n)) & 1
    fits = masks @ minutes <= budget
    values = np.where(fits, masks @ cost, -1)
    return masks[int(np.argmax(values))].astype(bool)


def _solve_exact(ix: PoolIndex, edges: Edges, hint: np.ndarray) -> tuple[np.ndarray, bool]:
    """The exact model (hours included) with CP-SAT: the best total value first, then, among
    answers of that value, the best-ranked candidates (one objective mixing both is much harder
    to prove). One worker and a deterministic time limit: same instance, same answer."""
    model, x = _exact_model(ix, edges)
    value = cp_model.LinearExpr.weighted_sum(x, edges.value.tolist())
    model.maximize(value)
    found, proven = _run(model, x, hint, EXACT_DETERMINISTIC_SECONDS)
    if found is None or edges.value[found].sum() < edges.value[hint].sum():
        return hint, False
    if proven:
        model.add(value == int(edges.value[found].sum()))
        width = int(edges.rank.max()) + 1
        model.maximize(cp_model.LinearExpr.weighted_sum(x, (width - edges.rank).tolist()))
        tied, _ = _run(model, x, found, TIE_BREAK_DETERMINISTIC_SECONDS)
        found = found if tied is None else tied
    return found, proven


def _exact_model(ix: PoolIndex, edges: Edges) -> tuple[cp_model.CpModel, list]:
    model = cp_model.CpModel()
    x = [model.new_bool_var(f"x{e}") for e in range(edges.size)]
    for group in _groups(edges.slot):
        model.add(sum(x[e] for e in group) <= ix.slots[int(edges.slot[group[0]])].seats)
    for group in _groups(edges.person * len(ix.instance.challenges) + edges.challenge):
        model.add_at_most_one(x[e] for e in group)
    for group in _groups(edges.person):
        p = int(edges.person[group[0]])
        model.add(sum(int(edges.minutes[e]) * x[e] for e in group) <= int(ix.pool.minutes[p]))
        model.add(sum(x[e] for e in group) <= int(ix.pool.room[p]))
    return model, x


def _run(model, x: list, hint: np.ndarray, limit: float) -> tuple[np.ndarray | None, bool]:
    model.clear_hints()
    for var, value in zip(x, hint.tolist(), strict=True):
        model.add_hint(var, value)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 0
    solver.parameters.max_deterministic_time = limit
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, False
    return np.array([solver.boolean_value(v) for v in x], dtype=bool), status == cp_model.OPTIMAL


# --- eligibility and scores ----------------------------------------------------------------------


def _rules(ix: PoolIndex, ctx: SlotContext, lock_check: bool = False) -> list:
    """(name, test on People) in the order the funnel applies them.

    A lock check leaves out seats, team, exclusions and capacity: the lock itself uses them.
    """
    rest = ix.instance.settings.rest_days
    as_of = ix.instance.as_of.toordinal()
    rules = [
        (name, lambda v, ids=ids: _absent(v.person, ids))
        for name, ids in (("here", ctx.here), ("team", ctx.team), ("excluded", ctx.excluded))
        if ids.size and not lock_check
    ]
    if not lock_check:
        rules.append(("room", lambda v: v.room >= 1))
        rules.append(("hours", lambda v: v.minutes >= ctx.minutes))
    rules.append(("dates", lambda v: ((v.av_start <= ctx.start) & (v.av_end >= ctx.end)).any(1)))
    if ctx.dept >= 0:
        rules.append(("location", lambda v: (v.dept == ctx.dept) & (v.mode != REMOTE)))
    rules.append(
        ("rest", lambda v: (v.last_end <= ctx.start - rest) & (v.last_decline <= as_of - rest))
    )
    return rules


def _absent(persons: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """True where a person is not in `ids`; `persons` is in id order, so binary search suffices."""
    keep = np.ones(persons.size, dtype=bool)
    if persons.size:
        spot = np.minimum(np.searchsorted(persons, ids), persons.size - 1)
        keep[spot[persons[spot] == ids]] = False
    return keep


def _eligible(ix: PoolIndex, ctx: SlotContext, view: People) -> People:
    keep = np.ones(view.size, dtype=bool)
    for _, test in _rules(ix, ctx):
        keep &= test(view)
    return view.take(np.flatnonzero(keep))


def _funnel(ix: PoolIndex, ctx: SlotContext) -> dict[str, int]:
    """How many people have the skill at the level, and how many each rule then removed."""
    view = ix.pool.take(ix.by_skill.get((ctx.skill, ctx.min_level), EMPTY))
    drops = {"skilled": view.size}
    for name, test in _rules(ix, ctx):
        keep = test(view)
        drops[name] = int(view.size - np.count_nonzero(keep))
        view = view.take(keep)
    return drops


def _values(ix: PoolIndex, ctx: SlotContext, v: People) -> np.ndarray:
    """Each criterion as a number in [0, 1], one row per criterion of COMPONENTS."""
    values = np.empty((len(COMPONENTS), v.size))
    level = ix.levels[ctx.skill].take(v.person) if ctx.skill >= 0 else np.zeros(v.size, np.int8)
    fit = np.ones(v.size)
    for o in ctx.others:
        fit += ix.levels[o].take(v.person) > 0
    values[0] = fit * (level > 0) / (1 + len(ctx.other_skills))
    values[1] = LEVEL_VALUE.take(level)
    if ctx.challenge.themes:
        interest = np.zeros(v.size)
        for t in ctx.themes:
            interest += ix.themes[t].take(v.person)
        interest /= len(ctx.challenge.themes)
    else:
        interest = np.full(v.size, NEUTRAL_INTEREST)
    if ctx.dept >= 0:
        near = np.where((v.city == ctx.city) & (ctx.city >= 0), 1.0, SAME_DEPARTEMENT)
        locality = np.where(v.dept == ctx.dept, near, 0.0)
    else:
        locality = np.where(v.mode == ON_SITE, REMOTE_FOR_ON_SITE_LOVER, 1.0)
    values[2] = interest
    values[3] = np.maximum(v.minutes - ctx.minutes, 0) / np.maximum(v.minutes, 1)
    values[4] = locality
    # Never engaged: last_end is NEVER, far in the past, so `rested` is 1.
    rested = np.minimum(np.maximum(ctx.start - v.last_end, 0) / FAIRNESS_HORIZON_DAYS, 1.0)
    values[5] = np.where(v.engaged > 0, 0.0, rested)
    return values


def _point_rows(ix: PoolIndex, ctx: SlotContext, v: People) -> np.ndarray:
    """Integer points in tenths, one row per criterion; the never-engaged bonus goes to fairness."""
    settings = ix.instance.settings
    scale = np.array([getattr(settings.weights, n) * 10 for n in COMPONENTS], dtype=float)
    rows = np.rint(_values(ix, ctx, v) * scale[:, None]).astype(np.int64)
    rows[-1] += v.never * settings.never_engaged_bonus * 10
    return rows


def _ranked(ix, ctx, v: People, limit: int) -> tuple[np.ndarray, np.ndarray]:
    """The best `limit` people by score, ties broken by id (indexes follow ids); their points."""
    rows = _point_rows(ix, ctx, v)
    key = rows.sum(axis=0) * len(ix.people) + (len(ix.people) - 1 - v.person)
    top = np.argpartition(-key, limit - 1)[:limit] if v.size > limit else np.arange(v.size)
    top = top[np.argsort(-key[top], kind="stable")]
    return v.person[top], rows[:, top]


def _rank_slot(ix: PoolIndex, ctx: SlotContext, limit: int) -> SlotRanking:
    view = ix.pool.take(ix.by_skill.get((ctx.skill, ctx.min_level), EMPTY))
    eligible = _eligible(ix, ctx, view)
    ranked, rows = _ranked(ix, ctx, eligible, limit)
    shortfall = _shortfall(ix, ctx, eligible.size) if eligible.size < ctx.seats else None
    return SlotRanking(
        slot_id=ctx.slot.id,
        count=ctx.slot.count,
        eligible=eligible.size,
        locked=tuple(_matches(ix, ctx, ctx.here, locked=True)),
        candidates=tuple(_explained(ix, ctx, ranked, rows, ix.pool.minutes[ranked])),
        shortfall=shortfall,
    )


def _shortfall(ix: PoolIndex, ctx: SlotContext, eligible: int) -> str:
    drops = _funnel(ix, ctx)
    reason = _gap_reason(ix, ctx, drops, drops.get("here", 0), 0, available=eligible)
    if not eligible:
        return reason
    counted = f"{_count(eligible, 'personne disponible')} pour {_count(ctx.seats, 'place')}."
    return f"{counted} {reason}" if reason else counted


def _complete(ix: PoolIndex, picks: dict[int, list[int]]) -> tuple[dict, list[Unfilled]]:
    """Fill seats the candidates left empty, from all eligible people; explain what stays empty."""
    minutes_used = np.zeros(len(ix.people), dtype=np.int64)
    challenges_used = np.zeros(len(ix.people), dtype=np.int64)
    team: dict[int, set[int]] = {}
    for ctx in ix.slots:
        for p in picks[ctx.number]:
            minutes_used[p] += ctx.minutes
            challenges_used[p] += 1
            team.setdefault(ctx.challenge_number, set()).add(p)
    extra: dict[int, list[int]] = {ctx.number: [] for ctx in ix.slots}
    unfilled = []
    for ctx in sorted(ix.slots, key=lambda c: (-c.priority, c.number)):
        missing = ctx.seats - len(picks[ctx.number])
        if missing <= 0:
            continue
        eligible = _eligible(
            ix, ctx, ix.pool.take(ix.by_skill.get((ctx.skill, ctx.min_level), EMPTY))
        )
        ranked, _ = _ranked(ix, ctx, eligible, eligible.size)
        members = np.fromiter(team.get(ctx.challenge_number, ()), dtype=np.int64)
        fits = (challenges_used[ranked] < ix.pool.room[ranked]) & ~np.isin(ranked, members)
        fits &= minutes_used[ranked] + ctx.minutes <= ix.pool.minutes[ranked]
        for p in ranked[fits][:missing].tolist():
            extra[ctx.number].append(p)
            minutes_used[p] += ctx.minutes
            challenges_used[p] += 1
            team.setdefault(ctx.challenge_number, set()).add(p)
        missing -= len(extra[ctx.number])
        if missing > 0:
            here = ctx.seats - missing
            drops = _funnel(ix, ctx)
            reason = _gap_reason(ix, ctx, drops, drops.get("here", 0) + here, eligible.size - here)
            unfilled.append((ctx.number, Unfilled(ctx.challenge.id, ctx.slot.id, missing, reason)))
    return extra, [gap for _, gap in sorted(unfilled, key=lambda pair: pair[0])]


def _matches(ix: PoolIndex, ctx: SlotContext, persons: np.ndarray, locked: bool) -> list[Match]:
    """Scored and explained pairs; locked ones are scored on hours before any lock was counted."""
    if not persons.size:
        return []
    view = ix.pool.take(persons)
    if locked:
        view = replace(view, minutes=ix.raw_minutes[persons])
    return _explained(ix, ctx, persons, _point_rows(ix, ctx, view), view.minutes, locked)


def _explained(ix, ctx, persons, rows, minutes, locked: bool = False) -> list[Match]:
    matches = [
        Match(
            reservist_id=ix.people[p].id,
            challenge_id=ctx.challenge.id,
            slot_id=ctx.slot.id,
            score=_points(rows[:, i].sum()),
            priority=_points(ctx.priority),
            locked=locked,
            breakdown=_explain(ix, ctx, p, rows[:, i], int(minutes[i])),
        )
        for i, p in enumerate(persons.tolist())
    ]
    return sorted(matches, key=lambda m: (-m.score, m.reservist_id))


def _points(tenths) -> float:
    return round(int(tenths) / 10, 1)


# --- explanations (French: read by staff and volunteers) -----------------------------------------

LEVEL_FR = {1: "découverte", 2: "confirmé", 3: "expert"}
RULE_FR = {
    "here": ("est déjà sur ce rôle", "sont déjà sur ce rôle"),
    "elsewhere": (
        "est déjà proposée sur un autre défi ou un autre rôle",
        "sont déjà proposées sur d'autres défis ou d'autres rôles",
    ),
    "team": (
        "fait déjà partie de l'équipe sur un autre rôle",
        "font déjà partie de l'équipe sur un autre rôle",
    ),
    "excluded": ("a été écartée de ce défi", "ont été écartées de ce défi"),
    "room": (
        "a déjà atteint le nombre maximal de défis en cours",
        "ont déjà atteint le nombre maximal de défis en cours",
    ),
    "hours": (
        "n'a pas assez d'heures disponibles par semaine",
        "n'ont pas assez d'heures disponibles par semaine",
    ),
    "dates": (
        "n'est pas disponible aux dates du sprint",
        "ne sont pas disponibles aux dates du sprint",
    ),
    "location": (
        "n'habite pas le département {dept} ou ne souhaite travailler qu'à distance",
        "n'habitent pas le département {dept} ou ne souhaitent travailler qu'à distance",
    ),
    "rest": (
        "est en période de repos après un défi ou un refus récent",
        "sont en période de repos après un défi ou un refus récent",
    ),
}


def _explain(ix, ctx, p: int, points: np.ndarray, minutes: int) -> tuple[Component, ...]:
    weights = ix.instance.settings.weights
    person = ix.people[p]
    sentences = (
        _explain_skill(ix, ctx, p),
        _explain_level(ix, ctx, p),
        _explain_interest(ix, ctx, person),
        _explain_hours(ctx, minutes),
        _explain_locality(ix, ctx, p),
        _explain_fairness(ix, ctx, p),
    )
    bonus = ix.instance.settings.never_engaged_bonus
    return tuple(
        Component(
            name,
            _points(points[i]),
            getattr(weights, name) + (bonus if name == "fairness" else 0),
            sentences[i],
        )
        for i, name in enumerate(COMPONENTS)
    )


def _label(ix, kind: str, key: str) -> str:
    labels = ix.instance.skill_labels if kind == "skill" else ix.instance.theme_labels
    return f"« {labels.get(key, key)} »"


def _explain_skill(ix, ctx, p: int) -> str:
    skill = _label(ix, "skill", ctx.slot.skill)
    if ctx.skill < 0 or ix.levels[ctx.skill, p] == 0:
        return f"N'a pas déclaré la compétence {skill} demandée pour ce rôle."
    if not ctx.other_skills:
        return f"Possède la compétence {skill} demandée pour ce rôle."
    also = [_label(ix, "skill", s) for s in ctx.other_skills if _level(ix, s, p)]
    if not also:
        return (
            f"Possède la compétence {skill} demandée pour ce rôle, "
            "mais aucune autre des compétences recherchées par l'équipe."
        )
    useful = "utile" if len(also) == 1 else "utiles"
    return (
        f"Possède la compétence {skill} demandée pour ce rôle, et aussi {_join(also)}, "
        f"{useful} à l'équipe."
    )


def _explain_level(ix, ctx, p: int) -> str:
    skill = _label(ix, "skill", ctx.slot.skill)
    level = int(ix.levels[ctx.skill, p]) if ctx.skill >= 0 else 0
    wanted = LEVEL_FR[ctx.min_level]
    if level == 0:
        return f"Aucun niveau déclaré en {skill} (niveau demandé : {wanted})."
    if level == ctx.min_level:
        return f"Niveau {LEVEL_FR[level]} en {skill}, le niveau demandé."
    side = "au-dessus" if level > ctx.min_level else "en dessous"
    return f"Niveau {LEVEL_FR[level]} en {skill}, {side} du niveau demandé ({wanted})."


def _explain_interest(ix, ctx, person: Reservist) -> str:
    wanted = ctx.challenge.themes
    if not wanted:
        return "Le défi n'a pas de thème précisé : ce critère est neutre."
    liked = [_label(ix, "theme", t) for t in wanted if t in person.themes]
    if len(wanted) == 1:
        if liked:
            return f"S'intéresse au thème du défi, {liked[0]}."
        theme = _label(ix, "theme", wanted[0])
        return f"Le thème du défi, {theme}, ne fait pas partie de ses intérêts."
    if not liked:
        every = _join([_label(ix, "theme", t) for t in wanted])
        return f"Aucun des thèmes du défi ({every}) ne fait partie de ses intérêts."
    if len(liked) == len(wanted):
        return f"S'intéresse à tous les thèmes du défi : {_join(liked)}."
    return f"S'intéresse à {len(liked)} des {len(wanted)} thèmes du défi : {_join(liked)}."


def _explain_hours(ctx, minutes: int) -> str:
    start = f"Disponible {_hours(minutes)} par semaine pour un rôle de {_hours(ctx.minutes)}"
    if minutes < ctx.minutes:
        return f"{start} : pas assez d'heures."
    if minutes == ctx.minutes:
        return f"{start} : aucune marge."
    return f"{start} : il reste {_hours(minutes - ctx.minutes)} de marge."


def _explain_locality(ix, ctx, p: int) -> str:
    slot = ctx.slot
    if not slot.on_site:
        if ix.pool.mode[p] == ON_SITE:
            return "Rôle à distance, alors que la personne préfère travailler sur place."
        return "Rôle à distance : le lieu où l'on habite ne compte pas."
    where = f"à {slot.city} ({slot.departement})" if slot.city else f"dans le {slot.departement}"
    if ix.pool.dept[p] != ctx.dept:
        return f"Rôle sur place {where}, hors de son département."
    if ctx.city >= 0 and ix.pool.city[p] == ctx.city:
        return f"Rôle sur place {where} : habite la même ville."
    return f"Rôle sur place {where} : habite le même département."


def _explain_fairness(ix, ctx, p: int) -> str:
    engaged = int(ix.pool.engaged[p])
    if engaged:
        plural = "s" if engaged > 1 else ""
        return f"Déjà engagé·e sur {engaged} défi{plural} en cours : priorité à d'autres."
    if ix.pool.never[p]:
        bonus = ix.instance.settings.never_engaged_bonus
        extra = f" (bonus de {bonus} points)" if bonus else ""
        return f"N'a encore jamais participé à un défi : priorité aux nouveaux venus{extra}."
    days = ctx.start - int(ix.pool.last_end[p])
    if days >= FAIRNESS_HORIZON_DAYS:
        return "Dernier défi terminé plus de 6 mois avant ce sprint."
    return f"Dernier défi terminé {days} jours avant ce sprint (priorité pleine après 6 mois)."


def _gap_reason(ix, ctx, drops: dict[str, int], here: int, elsewhere: int, available=0) -> str:
    """Why seats stay empty, about the people who have the skill at the level but are not
    `available` (ranking mode speaks of the available ones separately)."""
    skill = _label(ix, "skill", ctx.slot.skill)
    if ctx.skill < 0:
        return f"Personne dans la réserve n'a la compétence {skill}."
    if not drops["skilled"]:
        return (
            f"Personne dans la réserve n'a la compétence {skill} "
            f"au niveau demandé ({LEVEL_FR[ctx.min_level]})."
        )
    counts = {**drops, "here": here, "elsewhere": elsewhere}
    order = ("here", "elsewhere", "team", "excluded", "room", "hours", "dates", "location", "rest")
    parts = [(counts[k], RULE_FR[k]) for k in order if counts.get(k)]
    if not parts:
        return ""
    dept, total = ctx.slot.departement, drops["skilled"] - available
    other, others = (" autre", " autres") if available else ("", "")
    who = f"la compétence {skill} au niveau demandé"
    if len(parts) == 1:
        _, (one, many) = parts[0]
        if total == 1:
            return f"La seule{other} personne qui a {who} {one.format(dept=dept)}."
        return f"Les {total}{others} personnes qui ont {who} {many.format(dept=dept)}."
    phrases = [f"{n} {(one if n == 1 else many).format(dept=dept)}" for n, (one, many) in parts]
    return f"Sur les {total}{others} personnes qui ont {who}, {_join(phrases)}."


def _lock_warnings(ix: PoolIndex) -> tuple[str, ...]:
    warnings = []
    for p, s in ix.locks:
        ctx, person = ix.slots[s], ix.people[p]
        broken = [] if _level(ix, ctx.slot.skill, p) >= ctx.min_level else ["skill"]
        alone = ix.pool.take(np.array([p]))
        broken += [n for n, test in _rules(ix, ctx, lock_check=True) if not test(alone)[0]]
        for name in broken:
            why = (
                f"n'a pas la compétence {_label(ix, 'skill', ctx.slot.skill)} au niveau demandé"
                if name == "skill"
                else RULE_FR[name][0].format(dept=ctx.slot.departement)
            )
            warnings.append(f"Choix verrouillé : {person.id} sur « {ctx.slot.title} » {why}.")
    for p in sorted({p for p, _ in ix.locks}):
        whose, available = f"Les choix verrouillés de {ix.people[p].id}", ix.raw_minutes[p]
        if ix.pool.minutes[p] < 0:
            asked = _hours(available - ix.pool.minutes[p])
            warnings.append(f"{whose} demandent {asked} par semaine, pour {_hours(available)}.")
        if ix.pool.room[p] < 0:
            warnings.append(f"{whose} dépassent le nombre maximal de défis en cours.")
    return tuple(warnings)


def _count(n: int, noun: str) -> str:
    """'1 personne disponible', '2 personnes disponibles': French plural of each word."""
    words = noun.split() if n == 1 else [f"{word}s" for word in noun.split()]
    return f"{n} {' '.join(words)}"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} et {items[-1]}"


def _hours(minutes: int) -> str:
    hours, rest = divmod(int(minutes), 60)
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


# --- index building helpers ----------------------------------------------------------------------


def _vocabulary(keys) -> dict[str, int]:
    return {key: i for i, key in enumerate(sorted(set(keys)))}


def _code(places: dict, departement: str | None, city: str | None = "") -> int:
    if departement is None or city is None:
        return -1
    return places.setdefault((departement, city.strip().casefold()), len(places))


def _days(dates: list[date | None]) -> np.ndarray:
    return np.array([NEVER if d is None else d.toordinal() for d in dates], dtype=np.int64)


def _availability(people: tuple[Reservist, ...]) -> tuple[np.ndarray, np.ndarray]:
    width = max((len(r.availability) for r in people), default=0) or 1
    start = np.full((len(people), width), date.max.toordinal() + 1, dtype=np.int64)
    end = np.full((len(people), width), NEVER, dtype=np.int64)
    for i, r in enumerate(people):
        for j, period in enumerate(r.availability):
            start[i, j] = period.start.toordinal()
            end[i, j] = (period.end or date.max).toordinal()
    return start, end


def _pool(instance, people, raw_minutes, locks, slots, places) -> People:
    """Everyone's columns; weekly hours and challenge room are what the locks leave."""
    current = np.array([r.current_challenges for r in people], dtype=np.int64)
    room = np.maximum(instance.settings.max_concurrent_challenges - current, 0)
    minutes = raw_minutes.copy()
    for p, s in locks:
        minutes[p] -= slots[s].minutes
        room[p] -= 1
    last_end = _days([r.last_engagement_end for r in people])
    av_start, av_end = _availability(people)
    return People(
        person=np.arange(len(people)),
        minutes=minutes,
        room=room,
        av_start=av_start,
        av_end=av_end,
        last_end=last_end,
        last_decline=_days([r.last_decline for r in people]),
        dept=np.array([_code(places, r.departement) for r in people], dtype=np.int64),
        city=np.array([_code(places, r.departement, r.city) for r in people], dtype=np.int64),
        mode=np.array([WORK_MODE[r.work_mode] for r in people], dtype=np.int8),
        engaged=current,
        never=(last_end == NEVER) & (current == 0),
    )


def _slot_contexts(instance, position, skills, themes, places) -> tuple[SlotContext, ...]:
    weights = instance.settings.weights
    locks: dict[str, list[int]] = {}
    for lock in instance.locks:
        locks.setdefault(lock.slot_id, []).append(position[lock.reservist_id])
    excluded: dict[str, list[int]] = {}
    for exclusion in instance.exclusions:
        excluded.setdefault(exclusion.challenge_id, []).append(position[exclusion.reservist_id])
    contexts = []
    for c_number, challenge in enumerate(instance.challenges):
        members = [p for s in challenge.slots for p in locks.get(s.id, [])]
        for slot in challenge.slots:
            here = locks.get(slot.id, [])
            other_skills = tuple(sorted({s.skill for s in challenge.slots} - {slot.skill}))
            contexts.append(
                SlotContext(
                    slot=slot,
                    challenge=challenge,
                    number=len(contexts),
                    challenge_number=c_number,
                    skill=skills.get(slot.skill, -1),
                    min_level=LEVEL_RANK[slot.min_level],
                    minutes=round(slot.weekly_hours * 60),
                    dept=_code(places, slot.departement) if slot.on_site else -1,
                    city=_code(places, slot.departement, slot.city) if slot.on_site else -1,
                    start=challenge.sprint.start.toordinal(),
                    end=challenge.sprint.end.toordinal(),
                    themes=np.array([themes[t] for t in challenge.themes if t in themes], int),
                    other_skills=other_skills,
                    others=_ids([skills[s] for s in other_skills if s in skills]),
                    here=_ids(here),
                    team=_ids([p for p in members if p not in here]),
                    excluded=_ids(excluded.get(challenge.id, [])),
                    seats=slot.count - len(here),
                    priority=weights.urgency * URGENCY_RANK[challenge.urgency] * 10,
                )
            )
    return tuple(contexts)


def _level(ix: PoolIndex, skill: str, p: int) -> int:
    number = ix.skill_number.get(skill)
    return 0 if number is None else int(ix.levels[number, p])


def _ids(values: list[int]) -> np.ndarray:
    return np.array(sorted(set(values)), dtype=np.int64)


def _concat(arrays: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(arrays).astype(np.int64) if arrays else EMPTY


def _groups(keys: np.ndarray) -> list[np.ndarray]:
    order = np.argsort(keys, kind="stable")
    cuts = np.flatnonzero(np.diff(keys[order])) + 1
    return np.split(order, cuts)


# --- command line --------------------------------------------------------------------------------


def proposal_to_json(proposal: Proposal) -> dict:
    """The JSON document printed by the command line for a global proposal."""
    return {
        "format_version": FORMAT_VERSION,
        "mode": "propose",
        "status": proposal.status,
        "total_score": proposal.total_score,
        "assignments": [_match_json(m) for m in proposal.assignments],
        "unfilled": [
            {
                "challenge": u.challenge_id,
                "slot": u.slot_id,
                "missing": u.missing,
                "reason": u.reason,
            }
            for u in proposal.unfilled
        ],
        "warnings": list(proposal.warnings),
        "stats": proposal.stats,
    }


def ranking_to_json(ranking: Ranking) -> dict:
    """The JSON document printed by the command line for one challenge's ranking."""
    return {
        "format_version": FORMAT_VERSION,
        "mode": "rank",
        "challenge": ranking.challenge_id,
        "slots": [
            {
                "slot": s.slot_id,
                "count": s.count,
                "eligible": s.eligible,
                "locked": [_match_json(m) for m in s.locked],
                "candidates": [_match_json(m) for m in s.candidates],
                "shortfall": s.shortfall,
            }
            for s in ranking.slots
        ],
    }


def _match_json(match: Match) -> dict:
    return {
        "reservist": match.reservist_id,
        "challenge": match.challenge_id,
        "slot": match.slot_id,
        "locked": match.locked,
        "score": match.score,
        "priority": match.priority,
        "breakdown": [
            {
                "component": c.name,
                "points": c.points,
                "max_points": c.max_points,
                "explanation": c.explanation,
            }
            for c in match.breakdown
        ],
    }


def main(argv: list[str] | None = None) -> int:
    """Command line: print the global proposal (or one challenge's ranking) as JSON."""
    parser = argparse.ArgumentParser(
        prog="python -m reserve.teams.engine",
        description="Propose commando teams from a matching instance (JSON).",
    )
    parser.add_argument("instance", help="path to the instance file")
    parser.add_argument("--rank", metavar="CHALLENGE_ID", help="rank candidates for one challenge")
    parser.add_argument("--limit", type=int, default=20, help="candidates per slot with --rank")
    args = parser.parse_args(argv)
    try:
        instance = load_instance(args.instance)
        if args.rank:
            document = ranking_to_json(rank_candidates(instance, args.rank, limit=args.limit))
        else:
            document = proposal_to_json(propose(instance))
    except InstanceError as exc:
        print(f"invalid instance: {exc}", file=sys.stderr)
        return 2
    except KeyError as exc:
        print(f"--rank: {exc.args[0]}", file=sys.stderr)
        return 2
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
