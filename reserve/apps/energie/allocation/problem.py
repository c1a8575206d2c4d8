"""The instance as arrays: households, kit types, volunteers, areas and the eligible pairs.

Money is in integer cents and the weighted value is round(precarity_weight × savings × 100), so
the solvers work on exact integers and give the same answer from one run to the next.
"""

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Problem:
    household_ids: list[str]
    household_area: np.ndarray  # area index of each household
    household_weight: np.ndarray
    kit_ids: list[str]
    kit_cost: np.ndarray  # cents
    kit_stock: np.ndarray
    kit_area: np.ndarray  # area index, -1 for "anywhere"
    volunteer_ids: list[str]
    volunteer_visits: np.ndarray
    cover_area: np.ndarray  # (area, volunteer) pairs: this volunteer visits this area
    cover_volunteer: np.ndarray
    areas: list[str]
    budget: int  # cents
    # Every (household, kit) pair that the rules allow, best weighted value first.
    pair_household: np.ndarray
    pair_kit: np.ndarray
    pair_saving: np.ndarray  # € a year, unweighted
    pair_value: np.ndarray  # weighted, integer cents
    pair_cost: np.ndarray  # cents
    pair_area: np.ndarray
    savings: list[dict]  # each household's declared savings, as in the instance

    def covered_areas(self, visits: np.ndarray) -> np.ndarray:
        """Areas that a volunteer with visits left covers (a boolean per area)."""
        covered = np.zeros(len(self.areas), dtype=bool)
        covered[self.cover_area[visits[self.cover_volunteer] > 0]] = True
        return covered


def build_problem(instance: dict) -> Problem:
    """Arrays from a parsed instance; households, kits and volunteers sorted by id."""
    households = sorted(instance["households"], key=lambda h: h["id"])
    kits = sorted(instance["kits"], key=lambda k: k["id"])
    volunteers = sorted(instance["volunteers"], key=lambda v: v["id"])
    areas = sorted(
        {h["area"] for h in households}
        | {k["area"] for k in kits if k["area"] is not None}
        | {a for v in volunteers for a in v["areas"]}
    )
    area_index = {a: i for i, a in enumerate(areas)}
    kit_index = {k["id"]: i for i, k in enumerate(kits)}
    cover = np.array(
        [(area_index[a], v) for v, vol in enumerate(volunteers) for a in vol["areas"]],
        dtype=np.int64,
    ).reshape(-1, 2)
    problem = Problem(
        household_ids=[h["id"] for h in households],
        household_area=np.array([area_index[h["area"]] for h in households], dtype=np.int64),
        household_weight=np.array([h["precarity_weight"] for h in households], dtype=float),
        kit_ids=[k["id"] for k in kits],
        kit_cost=np.array([round(k["cost_eur"] * 100) for k in kits], dtype=np.int64),
        kit_stock=np.array([k["stock"] for k in kits], dtype=np.int64),
        kit_area=np.array(
            [-1 if k["area"] is None else area_index[k["area"]] for k in kits], dtype=np.int64
        ),
        volunteer_ids=[v["id"] for v in volunteers],
        volunteer_visits=np.array([v["visits"] for v in volunteers], dtype=np.int64),
        cover_area=cover[:, 0],
        cover_volunteer=cover[:, 1],
        areas=areas,
        budget=round(instance["budget_eur"] * 100),
        pair_household=np.zeros(0, np.int64),
        pair_kit=np.zeros(0, np.int64),
        pair_saving=np.zeros(0),
        pair_value=np.zeros(0, np.int64),
        pair_cost=np.zeros(0, np.int64),
        pair_area=np.zeros(0, np.int64),
        savings=[h["savings_eur"] for h in households],
    )
    return _with_pairs(problem, kit_index)


def _with_pairs(problem: Problem, kit_index: dict) -> Problem:
    rows = [
        (h, kit_index[kit], saving)
        for h, savings in enumerate(problem.savings)
        for kit, saving in savings.items()
        if saving > 0
    ]
    household, kit, saving = (
        (np.array(c) for c in zip(*rows, strict=True)) if rows else (np.zeros(0, int),) * 3
    )
    household, kit, saving = household.astype(np.int64), kit.astype(np.int64), saving.astype(float)
    area = problem.household_area[household]
    allowed = (problem.kit_stock[kit] > 0) & (problem.kit_cost[kit] <= problem.budget)
    allowed &= (problem.kit_area[kit] < 0) | (problem.kit_area[kit] == area)
    allowed &= problem.covered_areas(problem.volunteer_visits)[area]
    value = np.round(problem.household_weight[household] * saving * 100).astype(np.int64)
    allowed &= value > 0
    order = np.flatnonzero(allowed)
    order = order[np.lexsort((kit[order], household[order], -value[order]))]
    return Problem(
        **{
            **problem.__dict__,
            "pair_household": household[order],
            "pair_kit": kit[order],
            "pair_saving": saving[order],
            "pair_value": value[order],
            "pair_cost": problem.kit_cost[kit[order]],
            "pair_area": area[order],
        }
    )
