"""The allocation's two rounds under the fairness rule: the best plan within every area's fair
share, then what is left for anyone; the greedy baseline under the same rules."""

import math

import numpy as np

from .problem import Problem
from .solver import Plan, Resources, greedy, solve


def optimise(problem: Problem, max_share: float | None) -> dict:
    """The chosen plan and what the explanations need: the greedy plan, the fair-share cap, the
    plan of the first round (None when the rule does not bind) and the solver's figures."""
    everything = Resources(problem.kit_stock, problem.volunteer_visits, problem.budget)
    pairs = np.arange(problem.pair_value.size)
    plan, stats = solve(problem, pairs, everything)
    cap = None if max_share is None else math.ceil(max_share * plan.pairs.size - 1e-9)
    outcome = {"cap": cap, "campaign_kits": int(plan.pairs.size), "within_share": None}
    if cap is None or _largest_area(problem, plan) <= cap:
        baseline, baseline_within = greedy(problem, pairs, everything), None
    else:
        capped = Resources(**{**everything.__dict__, "caps": np.full(len(problem.areas), cap)})
        within, within_stats = solve(problem, pairs, capped, stats["prices"])
        waiting, rest = _leftovers(problem, within, everything)
        plan = within + solve(problem, waiting, rest)[0]
        stats = {
            **stats,
            "proven_optimal": False,
            "within_share_proven_optimal": within_stats["proven_optimal"],
        }
        outcome["within_share"] = within
        baseline_within = greedy(problem, pairs, capped)
        baseline = baseline_within + greedy(
            problem, *_leftovers(problem, baseline_within, everything)
        )
    if baseline.value(problem) > plan.value(problem):
        plan, stats = baseline, {**stats, "proven_optimal": False, "kept_greedy": True}
        if baseline_within is not None:
            stats["within_share_proven_optimal"] = False
        outcome["within_share"] = baseline_within
    return {**outcome, "plan": plan, "greedy": baseline, "stats": stats}


def _leftovers(problem: Problem, plan: Plan, res: Resources) -> tuple[np.ndarray, Resources]:
    """The pairs of the households still waiting and the resources the first round left. No
    household of an area under its share could use those, so they go to anyone."""
    waiting = ~np.isin(problem.pair_household, problem.pair_household[plan.pairs])
    return np.flatnonzero(waiting), res.after(problem, plan)


def _largest_area(problem: Problem, plan: Plan) -> int:
    counts = np.bincount(problem.pair_area[plan.pairs], minlength=len(problem.areas))
    return int(counts.max()) if counts.size else 0
