"""Who goes where: the min-cost flow relaxation (OR-Tools), the weekly-hours repair, the exact
CP-SAT model on small instances, and the greedy choice."""

import numpy as np
from ortools.graph.python import min_cost_flow
from ortools.sat.python import cp_model

from .candidates import Edges
from .index import PoolIndex
from .results import as_points

EXACT_EDGE_LIMIT = 2_000


# CP-SAT's deterministic time (not wall-clock, so answers do not depend on the machine's load).
EXACT_DETERMINISTIC_SECONDS = 5.0
TIE_BREAK_DETERMINISTIC_SECONDS = 0.5
MAX_REPAIR_ROUNDS = 6


def solve_assignment(ix: PoolIndex, edges: Edges) -> tuple[np.ndarray, bool, dict]:
    stats = {"upper_bound": 0.0, "solver_score": 0.0, "repair_rounds": 0}
    if edges.size == 0:
        return np.zeros(0, dtype=bool), True, stats
    seats = np.array([ctx.seats for ctx in ix.slots], dtype=np.int64)
    cost = edges.cost(int(seats.sum()))
    room = _capacity(edges, ix.pool.room, ix.pool.minutes)
    chosen = _Flow(edges, cost, seats, room, len(ix.instance.challenges)).solve()
    stats["upper_bound"] = as_points(edges.value[chosen].sum())
    proven = not _overcommitted(ix, edges, chosen).size
    if not proven:
        chosen, stats["repair_rounds"] = _repair(ix, edges, cost, chosen)
        if edges.size <= EXACT_EDGE_LIMIT:
            chosen, proven = _solve_exact(ix, edges, chosen)
    if not proven:
        greedy = choose_greedily(ix, edges)
        stats["greedy_kept"] = bool(edges.value[greedy].sum() > edges.value[chosen].sum())
        chosen = greedy if stats["greedy_kept"] else chosen
    stats["solver_score"] = as_points(edges.value[chosen].sum())
    return chosen, proven, stats


def choose_greedily(ix: PoolIndex, edges: Edges) -> np.ndarray:
    """The greedy baseline: most valuable pair first, kept whenever every rule still allows it."""
    seats = [ctx.seats for ctx in ix.slots]
    minutes, room = ix.pool.minutes.tolist(), ix.pool.room.tolist()
    teams: set[tuple[int, int]] = set()
    kept = []
    order = np.lexsort((edges.person, edges.rank, -edges.value))
    columns = (edges.person, edges.slot, edges.challenge, edges.minutes)
    rows = zip(order.tolist(), *(column[order].tolist() for column in columns), strict=True)
    for e, p, s, c, m in rows:
        if seats[s] and room[p] and minutes[p] >= m and (p, c) not in teams:
            kept.append(e)
            seats[s], room[p], minutes[p] = seats[s] - 1, room[p] - 1, minutes[p] - m
            teams.add((p, c))
    chosen = np.zeros(edges.size, dtype=bool)
    chosen[kept] = True
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


def _groups(keys: np.ndarray) -> list[np.ndarray]:
    order = np.argsort(keys, kind="stable")
    cuts = np.flatnonzero(np.diff(keys[order])) + 1
    return np.split(order, cuts)
