"""The result document: assignments with why, households left out with why, the fairness rule
as applied. Explanations are message keys with parameters; the Django layer words them."""

import numpy as np

from .problem import Problem
from .solver import Plan, Resources

KEY = "energie.allocation."


def result_document(problem: Problem, outcome: dict, max_share: float | None) -> dict:
    plan: Plan = outcome["plan"]
    ranks = _ranks(problem)
    beyond = _beyond_share(problem, plan, outcome["within_share"])
    assignments = [
        _assignment(problem, int(e), int(v), ranks, e in beyond)
        for e, v in sorted(
            zip(plan.pairs.tolist(), plan.volunteers.tolist(), strict=True),
            key=lambda ev: problem.pair_household[ev[0]],
        )
    ]
    return {
        "assignments": assignments,
        "total_value_eur": _eur(problem.pair_saving[plan.pairs].sum() * 100),
        "total_weighted_value": _eur(plan.value(problem)),
        "total_cost_eur": _eur(problem.pair_cost[plan.pairs].sum()),
        "greedy_weighted_value": _eur(outcome["greedy"].value(problem)),
        "unassigned": _Reasons(problem, plan, ranks).all(),
        "fairness": _fairness(problem, plan, outcome, max_share),
        "stats": _stats(problem, outcome),
    }


def _assignment(problem: Problem, e: int, v: int, ranks: dict, beyond: bool) -> dict:
    h, k = int(problem.pair_household[e]), int(problem.pair_kit[e])
    params = {
        "kit": problem.kit_ids[k],
        "volunteer": problem.volunteer_ids[v],
        "value_eur": round(float(problem.pair_saving[e]), 2),
        "weighted_value": _eur(problem.pair_value[e]),
        "precarity_weight": float(problem.household_weight[h]),
        "rank": ranks[h],
        "ranked": len(ranks),
    }
    if beyond:
        params["area"] = problem.areas[problem.household_area[h]]
    return {
        "household": problem.household_ids[h],
        "kit": params["kit"],
        "volunteer": params["volunteer"],
        "value_eur": params["value_eur"],
        "weighted_value": params["weighted_value"],
        "explanation": {
            "key": KEY + ("assigned_beyond_share" if beyond else "assigned"),
            "params": params,
        },
    }


def _ranks(problem: Problem) -> dict[int, int]:
    """Rank of each household that could get a kit, by its best weighted value (1 = first)."""
    households, first = np.unique(problem.pair_household, return_index=True)
    order = np.lexsort((households, -problem.pair_value[first]))
    return {int(h): rank for rank, h in enumerate(households[order].tolist(), start=1)}


def _beyond_share(problem: Problem, plan: Plan, within: Plan | None) -> set[int]:
    if within is None:
        return set()
    return set(plan.pairs.tolist()) - set(within.pairs.tolist())


class _Reasons:
    """Why each household left out got no kit, the first reason that holds in this order:
    nothing to gain, no kit for its area, no volunteer, kit over the whole budget; then, on the
    plan, the kit's stock went to households with more weighted value, visits in its area are
    all booked, the budget left is too small; else the plan was worth more another way."""

    def __init__(self, problem: Problem, plan: Plan, ranks: dict):
        self.problem, self.plan, self.ranks = problem, plan, ranks
        everything = Resources(problem.kit_stock, problem.volunteer_visits, problem.budget)
        self.rest = everything.after(problem, plan)
        self.open_area = problem.covered_areas(self.rest.visits).tolist()
        self.served_area = problem.covered_areas(problem.volunteer_visits).tolist()
        lowest = np.full(len(problem.kit_ids), np.iinfo(np.int64).max)
        np.minimum.at(lowest, problem.pair_kit[plan.pairs], problem.pair_value[plan.pairs])
        self.lowest = lowest.tolist()
        self.best = _first_by_household(problem, np.arange(problem.pair_value.size))
        in_stock = np.flatnonzero(self.rest.stock[problem.pair_kit] > 0)
        by_cost = in_stock[np.lexsort((in_stock, problem.pair_cost[in_stock]))]
        self.cheapest_in_stock = _first_by_household(problem, by_cost)
        self.kit_index = {k: i for i, k in enumerate(problem.kit_ids)}

    def all(self) -> list[dict]:
        served = set(self.problem.pair_household[self.plan.pairs].tolist())
        return [
            {"household": self.problem.household_ids[h], "reason": self.reason(h)}
            for h in range(len(self.problem.household_ids))
            if h not in served
        ]

    def reason(self, h: int) -> dict:
        if h in self.best:
            return self._left_out(h)
        return self._ineligible(h)

    def _ineligible(self, h: int) -> dict:
        p = self.problem
        area = int(p.household_area[h])
        kits = sorted(self.kit_index[k] for k, saving in p.savings[h].items() if saving > 0)
        if not kits:
            return _reason("no_savings")
        here = [k for k in kits if p.kit_stock[k] > 0 and p.kit_area[k] in (-1, area)]
        if not here:
            return _reason("no_kit_in_area", area=p.areas[area], kits=[p.kit_ids[k] for k in kits])
        if not self.served_area[area]:
            return _reason("no_volunteer", area=p.areas[area])
        cheapest = min(here, key=lambda k: (p.kit_cost[k], k))
        if p.kit_cost[cheapest] > p.budget:
            return _reason(
                "kit_over_budget",
                kit=p.kit_ids[cheapest],
                cost_eur=_eur(p.kit_cost[cheapest]),
                budget_eur=_eur(p.budget),
            )
        return _reason("no_savings")

    def _left_out(self, h: int) -> dict:
        p = self.problem
        area, best = int(p.household_area[h]), self.best[h]
        if h not in self.cheapest_in_stock:
            kit = int(p.pair_kit[best])
            lowest = self.lowest[kit] if self.lowest[kit] < np.iinfo(np.int64).max else 0
            return _reason(
                "stock_taken",
                kit=p.kit_ids[kit],
                weighted_value=_eur(p.pair_value[best]),
                lowest_served_weighted_value=_eur(lowest),
            )
        if not self.open_area[area]:
            return _reason("visits_full", area=p.areas[area])
        cheapest = self.cheapest_in_stock[h]
        if p.pair_cost[cheapest] > self.rest.budget:
            return _reason(
                "budget_spent",
                kit=p.kit_ids[p.pair_kit[cheapest]],
                cost_eur=_eur(p.pair_cost[cheapest]),
                budget_left_eur=_eur(self.rest.budget),
            )
        return _reason("not_selected", weighted_value=_eur(p.pair_value[best]), rank=self.ranks[h])


def _first_by_household(problem: Problem, pairs: np.ndarray) -> dict[int, int]:
    """The first of these pairs for each household that has one."""
    households, first = np.unique(problem.pair_household[pairs], return_index=True)
    return dict(zip(households.tolist(), pairs[first].tolist(), strict=True))


def _fairness(problem: Problem, plan: Plan, outcome: dict, max_share: float | None) -> dict:
    if max_share is None:
        return {"key": KEY + "fairness.none", "params": {}}
    counts = np.bincount(problem.pair_area[plan.pairs], minlength=len(problem.areas))
    cap = outcome["cap"]
    over = [problem.areas[a] for a in np.flatnonzero(counts > cap).tolist()]
    return {
        "key": KEY + ("fairness.exceeded_nobody_waiting" if over else "fairness.respected"),
        "params": {
            "max_share": max_share,
            "campaign_kits": outcome["campaign_kits"],
            "cap": cap,
            "kits_total": int(plan.pairs.size),
            "over_share_areas": over,
            "areas": [
                {"area": problem.areas[a], "kits": int(counts[a])}
                for a in np.flatnonzero(counts).tolist()
            ],
        },
    }


def _stats(problem: Problem, outcome: dict) -> dict:
    stats = outcome["stats"]
    within = outcome["within_share"]
    return {
        "method": stats["method"],
        "proven_optimal": stats["proven_optimal"],
        "upper_bound_weighted_value": _eur(stats["upper_bound"]),
        "within_share_weighted_value": None if within is None else _eur(within.value(problem)),
        "within_share_proven_optimal": stats.get("within_share_proven_optimal"),
        "kept_greedy": stats.get("kept_greedy", False),
    }


def _reason(key: str, **params) -> dict:
    return {"key": KEY + "unassigned." + key, "params": params}


def _eur(cents) -> float:
    return round(float(cents) / 100, 2)
