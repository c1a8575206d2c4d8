"""Who gets which kit: a min-cost flow (OR-Tools) with the budget priced in (Lagrangian), the
exact CP-SAT model on small instances, and the greedy baseline."""

from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow
from ortools.sat.python import cp_model

from .problem import Problem

EXACT_PAIR_LIMIT = 3_000
# CP-SAT's deterministic time (not wall-clock): the answer does not depend on the machine's load.
EXACT_DETERMINISTIC_SECONDS = 5.0
# The price of a euro of budget is searched as an integer multiple of 1/PRICE_SCALE, so every
# arc cost is an exact integer and the Lagrangian bound is exact.
PRICE_SCALE = 1024
MAX_PRICE_ROUNDS = 24
# The search stops when the bracket's ends are within this ratio of each other.
PRICE_TOLERANCE = 1.05


@dataclass(frozen=True)
class Resources:
    """What a phase may still hand out: kits per type, visits per volunteer, budget (cents) and,
    under the fairness rule, kits per area (None: no cap)."""

    stock: np.ndarray
    visits: np.ndarray
    budget: int
    caps: np.ndarray | None = None

    def after(self, problem: Problem, plan: "Plan") -> "Resources":
        return Resources(
            stock=self.stock - np.bincount(problem.pair_kit[plan.pairs], minlength=self.stock.size),
            visits=self.visits - np.bincount(plan.volunteers, minlength=self.visits.size),
            budget=self.budget - int(problem.pair_cost[plan.pairs].sum()),
        )


@dataclass(frozen=True)
class Plan:
    """Chosen pairs (indices into the problem's pairs) and the volunteer of each."""

    pairs: np.ndarray
    volunteers: np.ndarray

    @staticmethod
    def empty() -> "Plan":
        return Plan(np.zeros(0, np.int64), np.zeros(0, np.int64))

    def value(self, problem: Problem) -> int:
        return int(problem.pair_value[self.pairs].sum())

    def __add__(self, other: "Plan") -> "Plan":
        return Plan(
            np.concatenate([self.pairs, other.pairs]),
            np.concatenate([self.volunteers, other.volunteers]),
        )


def solve(
    problem: Problem, candidates: np.ndarray, res: Resources, prices: tuple[int, int] | None = None
) -> tuple[Plan, dict]:
    """The best plan found over these candidate pairs, and how it was found: `proven_optimal`,
    `upper_bound` (weighted cents; the plan's value when proven) and `prices`, the bracket of the
    budget's price, which a similar later solve may start from."""
    candidates = _usable(problem, candidates, res)
    if not candidates.size:
        stats = {"method": "flow", "proven_optimal": True, "upper_bound": 0, "prices": prices}
        return Plan.empty(), stats
    search = _PriceSearch(problem, candidates, res)
    plan, proven, bound = search.run(prices)
    method = "flow"
    if not proven and candidates.size <= EXACT_PAIR_LIMIT:
        plan, proven = _exact(problem, candidates, res, plan)
        method = "exact"
    bound = plan.value(problem) if proven else bound
    stats = {"method": method, "proven_optimal": proven, "upper_bound": bound}
    return plan, {**stats, "prices": search.bracket}


def _usable(problem: Problem, candidates: np.ndarray, res: Resources) -> np.ndarray:
    """The candidate pairs that the resources left still allow, taken one at a time."""
    usable = res.stock[problem.pair_kit[candidates]] > 0
    usable &= problem.pair_cost[candidates] <= res.budget
    usable &= problem.covered_areas(res.visits)[problem.pair_area[candidates]]
    if res.caps is not None:
        usable &= res.caps[problem.pair_area[candidates]] > 0
    return candidates[usable]


def greedy(problem: Problem, candidates: np.ndarray, res: Resources) -> Plan:
    """The baseline: best weighted value per € first, each pair kept while the rules allow it."""
    return _fill(problem, candidates, res, Plan.empty())


class _PriceSearch:
    """Kits go where they add the most value less `price` × their cost. A plan found at price 0
    that fits the budget is optimal; otherwise the price is searched by geometric bisection, and
    the best plan within budget, completed greedily, is compared with the Lagrangian bound."""

    def __init__(self, problem: Problem, cand: np.ndarray, res: Resources):
        self.problem, self.cand, self.res = problem, cand, res
        self.flow = _Flow(problem, cand, res)
        self.cost = problem.pair_cost[cand]
        self.bound = None
        self.over_budget: Plan | None = None
        self.within: Plan | None = None
        self.bracket: tuple[int, int] | None = None

    def run(self, prices: tuple[int, int] | None) -> tuple[Plan, bool, int]:
        if self._fits(0):
            return self.within, True, self.within.value(self.problem)
        ratio = self.problem.pair_value[self.cand] * PRICE_SCALE / np.maximum(self.cost, 1)
        ceiling = int(np.ceil(ratio.max())) + 1
        low, high = self._bracket(*(prices or self._estimate(ratio)), ceiling)
        for _ in range(MAX_PRICE_ROUNDS):
            if high <= max(low, 1) * PRICE_TOLERANCE or high - low <= 1:
                break
            price = int(np.sqrt(max(low, 1) * high))
            low, high = (low, price) if self._fits(price) else (price, high)
        self.bracket = (low, high)
        options = [self._complete(_within_budget(self.problem, self.over_budget, self.res.budget))]
        if self.within is not None:
            options.append(self._complete(self.within))
        best = max(options, key=lambda p: p.value(self.problem))
        return best, best.value(self.problem) >= self.bound, self.bound

    def _estimate(self, ratio: np.ndarray) -> tuple[int, int]:
        """The price at which households, each taking its kit of best value per €, would spend
        the budget (stock and visits ignored): a first guess for the search."""
        order = np.lexsort((-ratio, self.problem.pair_household[self.cand]))
        first = order[np.r_[True, np.diff(self.problem.pair_household[self.cand][order]) != 0]]
        first = first[np.argsort(-ratio[first], kind="stable")]
        reached = np.searchsorted(np.cumsum(self.cost[first]), self.res.budget, side="right")
        guess = max(1, int(ratio[first[min(reached, first.size - 1)]]))
        return guess, guess

    def _bracket(self, low: int, high: int, ceiling: int) -> tuple[int, int]:
        """Widen a first guess, by growing steps, until the price that fits the budget lies
        within the bracket (price 0 is known not to fit; at the ceiling, nothing costly pays)."""
        step, lowered = PRICE_TOLERANCE, False
        while low > 0 and self._fits(low):
            low, high, step, lowered = int(low / step), low, step * step, True
        while not lowered and high < ceiling and (high == low or not self._fits(high)):
            low, high, step = high, min(ceiling, int(high * step) + 1), step * step
        return low, high

    def _fits(self, price: int) -> bool:
        found = self.flow.solve(price)
        bound = self.flow.bound(price, self.res.budget)
        self.bound = bound if self.bound is None else min(self.bound, bound)
        if int(self.cost[self.flow.chosen].sum()) <= self.res.budget:
            if self.within is None or found.value(self.problem) > self.within.value(self.problem):
                self.within = found
            return True
        self.over_budget = found
        return False

    def _complete(self, plan: Plan) -> Plan:
        return _fill(self.problem, self.cand, self.res, plan)


def _within_budget(problem: Problem, plan: Plan, budget: int) -> Plan:
    """Drop the pairs of least value per € until the plan fits the budget."""
    cost, value = problem.pair_cost[plan.pairs], problem.pair_value[plan.pairs]
    order = np.lexsort((plan.pairs, -value / np.maximum(cost, 1)))
    keep = np.zeros(plan.pairs.size, dtype=bool)
    keep[order[np.cumsum(cost[order]) <= budget]] = True
    return Plan(plan.pairs[keep], plan.volunteers[keep])


class _Flow:
    """source → kit type (stock) → household (one kit) → area (its cap) → volunteer covering the
    area → sink (visits), plus source → sink for the kits nobody takes. A pair's arc costs
    −PRICE_SCALE × weighted value + price × cost."""

    def __init__(self, problem: Problem, cand: np.ndarray, res: Resources):
        self.problem, self.cand = problem, cand
        kits, kit_node = np.unique(problem.pair_kit[cand], return_inverse=True)
        households, household_node = np.unique(problem.pair_household[cand], return_inverse=True)
        areas = np.unique(problem.household_area[households])
        covers = np.flatnonzero(
            np.isin(problem.cover_area, areas) & (res.visits[problem.cover_volunteer] > 0)
        )
        volunteers, volunteer_node = np.unique(problem.cover_volunteer[covers], return_inverse=True)
        self.supply = int(min(res.stock[kits].sum(), res.visits[volunteers].sum(), households.size))
        first_household = 2 + kits.size
        first_area = first_household + households.size
        first_volunteer = first_area + 2 * areas.size
        caps = self.supply if res.caps is None else np.minimum(res.caps[areas], self.supply)
        self.arcs = {
            "stock": (np.zeros(kits.size), 2 + np.arange(kits.size), res.stock[kits]),
            "one_kit": (
                first_household + np.arange(households.size),
                first_area + np.searchsorted(areas, problem.household_area[households]),
                1,
            ),
            "area_cap": (
                first_area + np.arange(areas.size),
                first_area + areas.size + np.arange(areas.size),
                caps,
            ),
            "cover": (
                first_area + areas.size + np.searchsorted(areas, problem.cover_area[covers]),
                first_volunteer + volunteer_node,
                self.supply,
            ),
            "visits": (
                first_volunteer + np.arange(volunteers.size),
                np.ones(volunteers.size),
                res.visits[volunteers],
            ),
            "unused": (np.zeros(1), np.ones(1), self.supply),
        }
        self.pair_tails, self.pair_heads = 2 + kit_node, first_household + household_node
        self.cover_areas, self.cover_volunteers = (
            problem.cover_area[covers],
            volunteers[volunteer_node],
        )
        self.chosen = np.zeros(cand.size, dtype=bool)
        self.optimal_cost = 0

    def solve(self, price: int) -> Plan:
        solver = min_cost_flow.SimpleMinCostFlow()
        gain = PRICE_SCALE * self.problem.pair_value[self.cand]
        # A pair whose price exceeds its gain never carries flow (source → sink is free), so its
        # cost is capped there: the integers stay far from overflowing.
        priced = np.minimum(price * self.problem.pair_cost[self.cand].astype(float), gain + 1)
        cost = priced.astype(np.int64) - gain
        pair_arcs = _add_arcs(solver, self.pair_tails, self.pair_heads, 1, cost)
        arcs = {name: _add_arcs(solver, *arcs, 0) for name, arcs in self.arcs.items()}
        solver.set_node_supply(0, self.supply)
        solver.set_node_supply(1, -self.supply)
        status = solver.solve()
        if status != solver.OPTIMAL:
            raise RuntimeError(f"min-cost flow failed with status {status}")
        self.chosen = solver.flows(pair_arcs) > 0
        self.optimal_cost = solver.optimal_cost()
        visits = solver.flows(arcs["cover"])
        pairs = self.cand[self.chosen]
        return Plan(
            pairs, _volunteers(self.problem, pairs, self.cover_areas, self.cover_volunteers, visits)
        )

    def bound(self, price: int, budget: int) -> int:
        """Lagrangian bound of the last solve: no plan within budget has a higher value."""
        return (price * budget - self.optimal_cost) // PRICE_SCALE


def _add_arcs(solver, tails, heads, capacity, cost) -> np.ndarray:
    tails = np.asarray(tails, dtype=np.int32)
    first = solver.num_arcs()
    solver.add_arcs_with_capacity_and_unit_cost(
        tails,
        np.asarray(heads, dtype=np.int32),
        np.broadcast_to(np.asarray(capacity, dtype=np.int64), tails.shape).copy(),
        np.broadcast_to(np.asarray(cost, dtype=np.int64), tails.shape).copy(),
    )
    return np.arange(first, first + tails.size, dtype=np.int32)


def _volunteers(problem: Problem, pairs, cover_areas, cover_volunteers, visits) -> np.ndarray:
    """Each chosen household's volunteer, given how many visits each volunteer makes in each
    area: in an area, the households by pair order meet the volunteers by id order."""
    by_area = np.lexsort((pairs, problem.pair_area[pairs]))
    used = np.flatnonzero(visits > 0)
    order = used[np.lexsort((cover_volunteers[used], cover_areas[used]))]
    volunteers = np.empty(pairs.size, dtype=np.int64)
    volunteers[by_area] = np.repeat(cover_volunteers[order], visits[order])
    return volunteers


def _fill(problem: Problem, cand: np.ndarray, res: Resources, plan: Plan) -> Plan:
    """Add pairs to a plan, best weighted value per € first, while every rule allows it; each
    goes to a volunteer of its area with visits left, the one covering fewest areas first."""
    stock = (
        res.stock - np.bincount(problem.pair_kit[plan.pairs], minlength=res.stock.size)
    ).tolist()
    spare = (res.visits - np.bincount(plan.volunteers, minlength=res.visits.size)).tolist()
    budget = res.budget - int(problem.pair_cost[plan.pairs].sum())
    n_areas = len(problem.areas)
    in_area = np.bincount(problem.pair_area[plan.pairs], minlength=n_areas).tolist()
    caps = [len(problem.household_ids)] * n_areas if res.caps is None else res.caps.tolist()
    taken = set(problem.pair_household[plan.pairs].tolist())
    covering = _covering(problem)
    cursor = [0] * n_areas
    cost, value = problem.pair_cost[cand], problem.pair_value[cand]
    order = cand[np.lexsort((cand, -value, -value / np.maximum(cost, 1e-9)))]
    columns = (problem.pair_household, problem.pair_kit, problem.pair_cost, problem.pair_area)
    added, volunteers = [], []
    for e, h, k, c, a in zip(
        order.tolist(), *(col[order].tolist() for col in columns), strict=True
    ):
        if h in taken or stock[k] <= 0 or c > budget or in_area[a] >= caps[a]:
            continue
        mine = covering[a]
        while cursor[a] < len(mine) and spare[mine[cursor[a]]] <= 0:
            cursor[a] += 1
        if cursor[a] == len(mine):
            continue
        v = mine[cursor[a]]
        added.append(e)
        volunteers.append(v)
        taken.add(h)
        stock[k], spare[v], budget, in_area[a] = (
            stock[k] - 1,
            spare[v] - 1,
            budget - c,
            in_area[a] + 1,
        )
    return plan + Plan(np.array(added, dtype=np.int64), np.array(volunteers, dtype=np.int64))


def _covering(problem: Problem) -> list[list[int]]:
    """Volunteers of each area, those covering fewest areas first (they have no other use)."""
    breadth = np.bincount(problem.cover_volunteer, minlength=len(problem.volunteer_ids))
    order = np.lexsort(
        (problem.cover_volunteer, breadth[problem.cover_volunteer], problem.cover_area)
    )
    covering: list[list[int]] = [[] for _ in problem.areas]
    for a, v in zip(
        problem.cover_area[order].tolist(), problem.cover_volunteer[order].tolist(), strict=True
    ):
        covering[a].append(v)
    return covering


def _exact(problem: Problem, cand: np.ndarray, res: Resources, hint: Plan) -> tuple[Plan, bool]:
    """The whole model with CP-SAT (the plan found so far as a hint); one worker and a
    deterministic time limit, so the same instance always gives the same answer."""
    model = cp_model.CpModel()
    x = [model.new_bool_var(f"x{e}") for e in range(cand.size)]
    households, kits, areas = (
        problem.pair_household[cand],
        problem.pair_kit[cand],
        problem.pair_area[cand],
    )
    for group in _groups(households):
        model.add_at_most_one(x[e] for e in group)
    for group in _groups(kits):
        model.add(sum(x[e] for e in group) <= int(res.stock[kits[group[0]]]))
    model.add(cp_model.LinearExpr.weighted_sum(x, problem.pair_cost[cand].tolist()) <= res.budget)
    covers = np.flatnonzero(
        np.isin(problem.cover_area, areas) & (res.visits[problem.cover_volunteer] > 0)
    )
    z = [model.new_int_var(0, int(res.visits[problem.cover_volunteer[c]]), f"z{c}") for c in covers]
    cover_areas, cover_volunteers = problem.cover_area[covers], problem.cover_volunteer[covers]
    for group in _groups(areas):
        area = int(areas[group[0]])
        served = sum(x[e] for e in group)
        model.add(served == sum(z[i] for i in np.flatnonzero(cover_areas == area)))
        if res.caps is not None:
            model.add(served <= int(res.caps[area]))
    for group in _groups(cover_volunteers):
        model.add(sum(z[i] for i in group) <= int(res.visits[cover_volunteers[group[0]]]))
    model.maximize(cp_model.LinearExpr.weighted_sum(x, problem.pair_value[cand].tolist()))
    chosen = np.isin(cand, hint.pairs)
    for var, on in zip(x, chosen.tolist(), strict=True):
        model.add_hint(var, on)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 0
    solver.parameters.max_deterministic_time = EXACT_DETERMINISTIC_SECONDS
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return hint, False
    chosen = np.array([solver.boolean_value(v) for v in x], dtype=bool)
    found = Plan(
        cand[chosen],
        _volunteers(
            problem,
            cand[chosen],
            cover_areas,
            cover_volunteers,
            np.array([solver.value(v) for v in z], dtype=np.int64),
        ),
    )
    if found.value(problem) < hint.value(problem):
        return hint, False
    return found, status == cp_model.OPTIMAL


def _groups(keys: np.ndarray) -> list[np.ndarray]:
    order = np.argsort(keys, kind="stable")
    cuts = np.flatnonzero(np.diff(keys[order])) + 1
    return np.split(order, cuts)
