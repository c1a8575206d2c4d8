"""The allocation's two phases: the best plan within every area's fair share, then what is left
for anyone; the greedy baseline under the same rules."""

import math

import numpy as np

from .problem import Problem
from .solver import Plan, Resources, greedy, solve


def optimise(problem: Problem, max_share: float | None) -> dict:
    """The chosen plan and what the explanations need: the greedy plan, the fair-share cap, the
    plan of the first phase and the solver's figures."""
    everything = Resources(problem.kit_stock, problem.volunteer_visits, problem.budget)
    pairs = np.arange(problem.pair_value.size)
    plan, stats = solve(problem, pairs, everything)
    baseline = greedy(problem, pairs, everything)
    cap = None if max_share is None else math.ceil(max_share * plan.pairs.size - 1e-9)
    result = {"cap": cap, "campaign_kits": int(plan.pairs.size), "within_share": None}
    if cap is not None and _largest_area(problem, plan) > cap:
        capped = Resources(**{**everything.__dict__, "caps": np.full(len(problem.areas), cap)})
        within, within_stats = solve(problem, pairs, capped, stats["prices"])
        stats = {
            **stats,
            "proven_optimal": False,
            "within_share_proven_optimal": within_stats["proven_optimal"],
        }
        plan = within + _leftovers(problem, within, everything, solve)
        baseline_within = greedy(problem, pairs, capped)
        baseline = baseline_within + _leftovers(problem, baseline_within, everything, greedy)
        result["within_share"] = within
    if baseline.value(problem) > plan.value(problem):
        plan, stats = baseline, {**stats, "proven_optimal": False, "kept_greedy": True}
    return {**result, "plan": plan, "greedy": baseline, "stats": stats}


def _leftovers(problem: Problem, plan: Plan, res: Resources, method) -> Plan:
    """Kits, visits and budget the first phase left: no household of an area under its share
    could use them, so they go to the next households wherever they are."""
    waiting = ~np.isin(problem.pair_household, problem.pair_household[plan.pairs])
    found = method(problem, np.flatnonzero(waiting), res.after(problem, plan))
    return found[0] if isinstance(found, tuple) else found


def _largest_area(problem: Problem, plan: Plan) -> int:
    counts = np.bincount(problem.pair_area[plan.pairs], minlength=len(problem.areas))
    return int(counts.max()) if counts.size else 0
