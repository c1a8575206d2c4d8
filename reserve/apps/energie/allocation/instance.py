"""The allocation instance: JSON in, validated and normalised, or every error at once.

Errors are `{"field": "households[3].precarity_weight", "message_key": "...", "params": {...}}`:
the Django layer translates the key, the API names the field.
"""

import math

ERROR = "energie.allocation.error."
TOP_FIELDS = {"format_version", "households", "kits", "volunteers", "budget_eur", "fairness"}
HOUSEHOLD_FIELDS = {"id", "area", "precarity_weight", "savings_eur"}
KIT_FIELDS = {"id", "cost_eur", "stock", "area"}
VOLUNTEER_FIELDS = {"id", "areas", "visits"}
FAIRNESS_FIELDS = {"max_share_per_area"}
FORMAT_VERSION = 1
# Beyond these a campaign is not plausible, and the solvers' integer costs could overflow.
MAX_EUR = 1e9
MAX_SAVING_EUR = 1e5
MAX_WEIGHT = 100.0
MAX_COUNT = 10**6


class InstanceError(ValueError):
    """The instance is invalid; `errors` lists every bad field."""

    def __init__(self, errors: list[dict]):
        self.errors = errors
        super().__init__("; ".join(f"{e['field']}: {e['message_key']}" for e in errors))


def parse_instance(data) -> dict:
    """Validate an instance (see docs/energie-allocation-format.md) and return it normalised:
    defaults filled in, numbers as float or int. Raise InstanceError listing every bad field."""
    errors: list[dict] = []
    check = _Checker(errors)
    if not isinstance(data, dict):
        raise InstanceError([_error("", "type_object")])
    check.known_fields(data, TOP_FIELDS, "")
    if data.get("format_version", FORMAT_VERSION) != FORMAT_VERSION:
        errors.append(_error("format_version", "format_version", {"expected": FORMAT_VERSION}))
    kits = check.items(data, "kits", KIT_FIELDS, _kit)
    kit_ids = {kit["id"] for kit in kits}
    households = check.items(
        data, "households", HOUSEHOLD_FIELDS, lambda c, h, f: _household(c, h, f, kit_ids)
    )
    volunteers = check.items(data, "volunteers", VOLUNTEER_FIELDS, _volunteer)
    budget = check.number(data, "budget_eur", "", 0.0, MAX_EUR)
    fairness = _fairness(check, data.get("fairness"))
    if errors:
        raise InstanceError(errors)
    return {
        "format_version": FORMAT_VERSION,
        "households": households,
        "kits": kits,
        "volunteers": volunteers,
        "budget_eur": budget,
        "fairness": fairness,
    }


def _household(check: "_Checker", item: dict, field: str, kit_ids: set) -> dict:
    savings = item.get("savings_eur")
    normalised = {}
    if not isinstance(savings, dict):
        check.errors.append(_error(f"{field}.savings_eur", "type_object"))
    else:
        for kit_id in savings:
            where = f"{field}.savings_eur.{kit_id}"
            if kit_id not in kit_ids:
                check.errors.append(_error(where, "unknown_kit", {"kit": kit_id}))
            value = check.number(savings, kit_id, where, 0.0, MAX_SAVING_EUR, named=False)
            normalised[kit_id] = value
    return {
        "id": check.string(item, "id", field),
        "area": check.string(item, "area", field),
        "precarity_weight": check.number(item, "precarity_weight", field, 1.0, MAX_WEIGHT),
        "savings_eur": normalised,
    }


def _kit(check: "_Checker", item: dict, field: str) -> dict:
    area = item.get("area")
    return {
        "id": check.string(item, "id", field),
        "cost_eur": check.number(item, "cost_eur", field, 0.0, MAX_EUR),
        "stock": check.integer(item, "stock", field),
        "area": None if area is None else check.string(item, "area", field),
    }


def _volunteer(check: "_Checker", item: dict, field: str) -> dict:
    areas = item.get("areas")
    if not isinstance(areas, list):
        check.errors.append(_error(f"{field}.areas", "type_list"))
        areas = []
    return {
        "id": check.string(item, "id", field),
        "areas": sorted(
            {check.string(areas, i, f"{field}.areas", named=False) for i in range(len(areas))}
        ),
        "visits": check.integer(item, "visits", field),
    }


def _fairness(check: "_Checker", fairness) -> dict:
    if fairness is None:
        return {"max_share_per_area": None}
    if not isinstance(fairness, dict):
        check.errors.append(_error("fairness", "type_object"))
        return {"max_share_per_area": None}
    check.known_fields(fairness, FAIRNESS_FIELDS, "fairness")
    share = fairness.get("max_share_per_area")
    if share is not None:
        share = check.number(fairness, "max_share_per_area", "fairness", -math.inf, math.inf)
        if share is not None and not 0 < share <= 1:
            check.errors.append(_error("fairness.max_share_per_area", "share_range"))
    return {"max_share_per_area": share}


class _Checker:
    def __init__(self, errors: list[dict]):
        self.errors = errors

    def known_fields(self, item: dict, allowed: set, field: str) -> None:
        for key in sorted(set(item) - allowed, key=str):
            self.errors.append(_error(_join(field, key), "unknown_field"))

    def items(self, data: dict, where: str, allowed: set, parse) -> list[dict]:
        """A list of objects with unique ids, each checked by `parse`."""
        items = data.get(where)
        if not isinstance(items, list):
            self.errors.append(_error(where, "required" if items is None else "type_list"))
            return []
        parsed, seen = [], set()
        for i, item in enumerate(items):
            here = f"{where}[{i}]"
            if not isinstance(item, dict):
                self.errors.append(_error(here, "type_object"))
                continue
            self.known_fields(item, allowed, here)
            entry = parse(self, item, here)
            if entry["id"] in seen:
                self.errors.append(_error(f"{here}.id", "duplicate_id", {"id": entry["id"]}))
            seen.add(entry["id"])
            parsed.append(entry)
        return parsed

    def string(self, item, key, field: str, named: bool = True) -> str:
        where = _join(field, key) if named else f"{field}[{key}]"
        value = item[key] if isinstance(item, list) else item.get(key)
        if value is None and isinstance(item, dict):
            self.errors.append(_error(where, "required"))
            return ""
        if not isinstance(value, str) or not value.strip():
            self.errors.append(_error(where, "type_string"))
            return ""
        return value

    def number(self, item: dict, key: str, field: str, low: float, high: float, named=True):
        where = _join(field, key) if named else field
        value = item.get(key)
        if value is None:
            self.errors.append(_error(where, "required"))
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            self.errors.append(_error(where, "type_number"))
            return None
        if value < low:
            self.errors.append(_error(where, "min_value", {"min": low}))
        elif value > high:
            self.errors.append(_error(where, "max_value", {"max": high}))
        return float(value)

    def integer(self, item: dict, key: str, field: str) -> int:
        where = _join(field, key)
        value = item.get(key)
        if value is None:
            self.errors.append(_error(where, "required"))
            return 0
        if isinstance(value, bool) or not isinstance(value, int):
            self.errors.append(_error(where, "type_integer"))
            return 0
        if value < 0:
            self.errors.append(_error(where, "min_value", {"min": 0}))
        elif value > MAX_COUNT:
            self.errors.append(_error(where, "max_value", {"max": MAX_COUNT}))
        return value


def _join(field: str, key: str) -> str:
    return f"{field}.{key}" if field else key


def _error(field: str, key: str, params: dict | None = None) -> dict:
    return {"field": field, "message_key": ERROR + key, "params": params or {}}
