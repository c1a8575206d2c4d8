import importlib
import sys
import types

import pytest

from reserve.organisations.tests.factories import MembershipFactory
from reserve.reservists.tests.factories import ProfileFactory


def _greedy(instance: dict) -> dict:
    """The optimiser's contract, greedily: a stand-in while allocation.py lives on its branch."""
    stock = {k["id"]: k["stock"] for k in instance["kits"]}
    kits = {k["id"]: k for k in instance["kits"]}
    capacity = {v["id"]: v["visits"] for v in instance["volunteers"]}
    budget = instance["budget_eur"]
    options = sorted(
        (
            (h["precarity_weight"] * value, h, kit_id)
            for h in instance["households"]
            for kit_id, value in h["savings_eur"].items()
            if value > 0
        ),
        key=lambda option: -option[0],
    )
    done, assignments = set(), []
    for _score, household, kit_id in options:
        kit = kits[kit_id]
        if household["id"] in done or stock[kit_id] <= 0 or kit["cost_eur"] > budget:
            continue
        if kit["area"] not in (None, household["area"]):
            continue
        volunteer = next(
            (
                v["id"]
                for v in instance["volunteers"]
                if household["area"] in v["areas"] and capacity[v["id"]] > 0
            ),
            None,
        )
        if volunteer is None:
            continue
        stock[kit_id] -= 1
        capacity[volunteer] -= 1
        budget -= kit["cost_eur"]
        done.add(household["id"])
        value = household["savings_eur"][kit_id]
        assignments.append(
            {
                "household": household["id"],
                "kit": kit_id,
                "volunteer": volunteer,
                "value_eur": value,
                "explanation": {"key": "allocation.best_value", "params": {"value_eur": value}},
            }
        )
    unassigned = [
        {"household": h["id"], "reason": {"key": "allocation.no_capacity", "params": {}}}
        for h in instance["households"]
        if h["id"] not in done
    ]
    total = sum(a["value_eur"] for a in assignments)
    return {"assignments": assignments, "total_value_eur": total, "unassigned": unassigned}


@pytest.fixture
def allocation(monkeypatch):
    """The real optimiser when it is there; the greedy stand-in otherwise."""
    name = "reserve.apps.energie.allocation"
    try:
        importlib.import_module(name)
    except ModuleNotFoundError:
        monkeypatch.setitem(sys.modules, name, types.SimpleNamespace(allocate=_greedy))


@pytest.fixture
def alert_giver(db):
    return MembershipFactory(organisation__name="CCAS de Bordeaux").user


@pytest.fixture
def volunteer(db):
    return ProfileFactory(departement="33").user


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
