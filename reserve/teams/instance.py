"""Matching instance: the JSON document the engine reads, parsed into frozen dataclasses.

The format is documented in docs/matching-instance-format.md. Parsing is strict: an unknown key,
a wrong type or a dangling reference raises InstanceError naming the field path, e.g.
``reservists[3].skills[0].level: expected one of discovering/confident/expert, got 'pro'``.
"""

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from functools import lru_cache, partial
from pathlib import Path

FORMAT_VERSION = 1
LEVELS = ("discovering", "confident", "expert")
WORK_MODES = ("remote", "on_site", "both")
URGENCIES = ("normal", "high", "critical")
DEPARTEMENT_RE = re.compile(r"^(0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97[1-6])$")
MAX_WEEKLY_HOURS = 168
# The engine enumerates the subsets of one person's roles when repairing hours: keep it small.
MAX_CONCURRENT_CHALLENGES = 10
# Bounds that keep the solvers' integer costs far from overflowing.
MAX_POINTS = 1000


class InstanceError(ValueError):
    """A malformed instance; ``path`` names the offending field."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message

    def within(self, place: str) -> None:
        """Name the field from the enclosing value, where the value that holds it is at `place`:
        `skills[1].level` within `reservists[3]` becomes `reservists[3].skills[1].level`."""
        self.path = f"{place}.{self.path}" if self.path else place
        self.args = (f"{self.path}: {self.message}",)


@dataclass(frozen=True)
class Period:
    start: date
    end: date | None  # None: open-ended


@dataclass(frozen=True)
class SkillLevel:
    skill: str
    level: str


@dataclass(frozen=True)
class Reservist:
    id: str
    skills: tuple[SkillLevel, ...]
    weekly_hours: float
    current_challenges: int
    availability: tuple[Period, ...]
    departement: str | None
    city: str | None
    work_mode: str
    themes: tuple[str, ...]
    last_engagement_end: date | None
    last_decline: date | None


@dataclass(frozen=True)
class Slot:
    id: str
    challenge_id: str
    title: str
    skill: str
    min_level: str
    count: int
    weekly_hours: float
    on_site: bool
    departement: str | None
    city: str | None


@dataclass(frozen=True)
class Challenge:
    id: str
    title: str
    themes: tuple[str, ...]
    sprint: Period
    urgency: str
    slots: tuple[Slot, ...]


@dataclass(frozen=True)
class Weights:
    skill_fit: int = 20
    level: int = 25
    interest: int = 20
    availability: int = 10
    locality: int = 10
    fairness: int = 15
    urgency: int = 10


@dataclass(frozen=True)
class Settings:
    max_concurrent_challenges: int = 2
    rest_days: int = 14
    never_engaged_bonus: int = 10
    candidates_per_slot: int = 30
    weights: Weights = field(default_factory=Weights)


@dataclass(frozen=True)
class Lock:
    reservist_id: str
    slot_id: str


@dataclass(frozen=True)
class Exclusion:
    reservist_id: str
    challenge_id: str


@dataclass(frozen=True)
class Instance:
    as_of: date
    settings: Settings
    reservists: tuple[Reservist, ...]
    challenges: tuple[Challenge, ...]
    locks: tuple[Lock, ...] = ()
    exclusions: tuple[Exclusion, ...] = ()
    skill_labels: Mapping[str, str] = field(default_factory=dict)
    theme_labels: Mapping[str, str] = field(default_factory=dict)

    def slots(self) -> dict[str, Slot]:
        return {s.id: s for c in self.challenges for s in c.slots}


def load_instance(path: str | Path) -> Instance:
    """Read and validate an instance file; raises InstanceError (path "$" for the file itself)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InstanceError("$", f"cannot read file: {exc.strerror}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InstanceError("$", f"not valid JSON: {exc}") from exc
    return parse_instance(data)


class _Keys:
    """The keys of one kind of JSON object: `required` ones and `optional` ones; any other key is
    an error, unless `optional` is None (then other keys are not checked)."""

    def __init__(self, required: tuple = (), optional: tuple | None = None):
        self.required = required
        self.allowed = None if optional is None else frozenset(required) | frozenset(optional)


_ANY_KEYS = _Keys()
_DOCUMENT_KEYS = _Keys(
    required=("as_of", "reservists", "challenges"),
    optional=("format_version", "settings", "locks", "exclusions", "labels"),
)


def parse_instance(data: object) -> Instance:
    """Validate a decoded JSON document and return the Instance it describes.

    The parsing functions below name fields relative to the value they parse (``id``,
    ``location.departement``; ``""`` for the value itself), and `_list` places an item's error
    under the item (``reservists[3].skills[1].level``): a path is only built when something is
    wrong, which matters with a hundred thousand reservists.
    """
    top = _object(data, "$", _DOCUMENT_KEYS)
    version = top.get("format_version", FORMAT_VERSION)
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise InstanceError("format_version", f"expected {FORMAT_VERSION}, got {version!r}")
    reservists = _unique(_list(top["reservists"], "reservists", _reservist), "reservists")
    challenges = _unique(_list(top["challenges"], "challenges", _challenge), "challenges")
    _check_unique_slots(challenges)
    instance = Instance(
        as_of=_date(top["as_of"], "as_of"),
        settings=_settings(top.get("settings", {}), "settings"),
        reservists=reservists,
        challenges=challenges,
        locks=_list(top.get("locks", []), "locks", _lock),
        exclusions=_list(top.get("exclusions", []), "exclusions", _exclusion),
        **_labels(top.get("labels", {}), "labels"),
    )
    _check_references(instance)
    return instance


_RESERVIST_KEYS = _Keys(
    required=("id", "skills", "weekly_hours"),
    optional=(
        "current_challenges",
        "availability",
        "location",
        "work_mode",
        "themes",
        "last_engagement_end",
        "last_decline",
    ),
)
_RESERVIST_LOCATION_KEYS = _Keys(optional=("departement", "city"))


def _reservist(raw: object) -> Reservist:
    obj = _object(raw, "", _RESERVIST_KEYS)
    get = obj.get
    location = get("location")
    if location is None:
        location = {}
    _object(location, "location", _RESERVIST_LOCATION_KEYS)
    skills = _list(obj["skills"], "skills", _skill_level)
    _no_duplicates([s.skill for s in skills], "skills", ".skill")
    return Reservist(
        id=_text(obj["id"], "id"),
        skills=skills,
        weekly_hours=_hours(obj["weekly_hours"], "weekly_hours", allow_zero=True),
        current_challenges=_int(get("current_challenges", 0), "current_challenges"),
        availability=_list(get("availability", []), "availability", _period),
        departement=_departement(location.get("departement"), "location.departement"),
        city=_optional_text(location.get("city"), "location.city"),
        work_mode=_choice(get("work_mode", "both"), "work_mode", WORK_MODES),
        themes=_texts(get("themes", []), "themes"),
        last_engagement_end=_optional_date(get("last_engagement_end"), "last_engagement_end"),
        last_decline=_optional_date(get("last_decline"), "last_decline"),
    )


_SKILL_LEVEL_KEYS = _Keys(required=("skill", "level"), optional=())


def _skill_level(raw: object) -> SkillLevel:
    obj = _object(raw, "", _SKILL_LEVEL_KEYS)
    return _shared_skill_level(_text(obj["skill"], "skill"), _choice(obj["level"], "level", LEVELS))


@lru_cache(maxsize=4096)
def _shared_skill_level(skill: str, level: str) -> SkillLevel:
    """One SkillLevel per (skill, level) rather than one per person: a few hundred objects
    instead of a few hundred thousand for the garbage collector to go through. They are frozen,
    so sharing them changes nothing else."""
    return SkillLevel(skill, level)


_CHALLENGE_KEYS = _Keys(required=("id", "sprint", "slots"), optional=("title", "themes", "urgency"))


def _challenge(raw: object) -> Challenge:
    obj = _object(raw, "", _CHALLENGE_KEYS)
    challenge_id = _text(obj["id"], "id")
    sprint = _nested(obj["sprint"], "sprint", _period)
    if sprint.end is None:
        raise InstanceError("sprint.end", "a sprint needs an end date")
    slots = _list(obj["slots"], "slots", partial(_slot, challenge_id=challenge_id))
    if not slots:
        raise InstanceError("slots", "a challenge needs at least one slot")
    return Challenge(
        id=challenge_id,
        title=_text(obj.get("title", challenge_id), "title"),
        themes=_texts(obj.get("themes", []), "themes"),
        sprint=sprint,
        urgency=_choice(obj.get("urgency", "normal"), "urgency", URGENCIES),
        slots=slots,
    )


_SLOT_KEYS = _Keys(
    required=("id", "skill", "min_level", "weekly_hours", "location"), optional=("title", "count")
)
_SLOT_LOCATION_KEYS = _Keys(required=("mode",), optional=("departement", "city"))


def _slot(raw: object, challenge_id: str) -> Slot:
    obj = _object(raw, "", _SLOT_KEYS)
    location = _object(obj["location"], "location", _SLOT_LOCATION_KEYS)
    on_site = _choice(location["mode"], "location.mode", ("remote", "on_site")) == "on_site"
    departement = _departement(location.get("departement"), "location.departement")
    if on_site and departement is None:
        raise InstanceError("location.departement", "required for an on-site role")
    count = _int(obj.get("count", 1), "count")
    if count < 1:
        raise InstanceError("count", "must be at least 1")
    slot_id = _text(obj["id"], "id")
    return Slot(
        id=slot_id,
        challenge_id=challenge_id,
        title=_text(obj.get("title", slot_id), "title"),
        skill=_text(obj["skill"], "skill"),
        min_level=_choice(obj["min_level"], "min_level", LEVELS),
        count=count,
        weekly_hours=_hours(obj["weekly_hours"], "weekly_hours", allow_zero=False),
        on_site=on_site,
        departement=departement,
        city=_optional_text(location.get("city"), "location.city"),
    )


def _settings(raw: object, path: str) -> Settings:
    names = [n for n in _field_names(Settings) if n != "weights"]
    obj = _object(raw, path, _Keys(optional=(*names, "weights")))
    values = {n: _int(obj[n], f"{path}.{n}") for n in names if n in obj}
    if values.get("candidates_per_slot", 1) < 1:
        raise InstanceError(f"{path}.candidates_per_slot", "must be at least 1")
    for name, top in (
        ("max_concurrent_challenges", MAX_CONCURRENT_CHALLENGES),
        ("never_engaged_bonus", MAX_POINTS),
        ("candidates_per_slot", MAX_POINTS),
    ):
        _at_most(values.get(name, 0), top, f"{path}.{name}")
    weights = _object(
        obj.get("weights", {}), f"{path}.weights", _Keys(optional=_field_names(Weights))
    )
    for name, value in weights.items():
        _at_most(_int(value, f"{path}.weights.{name}"), MAX_POINTS, f"{path}.weights.{name}")
    return Settings(**values, weights=Weights(**weights))


def _at_most(value: int, top: int, path: str) -> None:
    if value > top:
        raise InstanceError(path, f"must be at most {top}")


_LOCK_KEYS = _Keys(required=("reservist", "slot"), optional=())


def _lock(raw: object) -> Lock:
    obj = _object(raw, "", _LOCK_KEYS)
    return Lock(_text(obj["reservist"], "reservist"), _text(obj["slot"], "slot"))


_EXCLUSION_KEYS = _Keys(required=("reservist", "challenge"), optional=())


def _exclusion(raw: object) -> Exclusion:
    obj = _object(raw, "", _EXCLUSION_KEYS)
    return Exclusion(_text(obj["reservist"], "reservist"), _text(obj["challenge"], "challenge"))


def _labels(raw: object, path: str) -> dict:
    obj = _object(raw, path, _Keys(optional=("skills", "themes")))
    parsed = {}
    for key in ("skills", "themes"):
        table = _object(obj.get(key, {}), f"{path}.{key}", _ANY_KEYS)
        parsed[f"{key[:-1]}_labels"] = {k: _text(v, f"{path}.{key}.{k}") for k, v in table.items()}
    return parsed


def _check_unique_slots(challenges: tuple[Challenge, ...]) -> None:
    seen = set()
    for i, challenge in enumerate(challenges):
        for j, slot in enumerate(challenge.slots):
            if slot.id in seen:
                raise InstanceError(f"challenges[{i}].slots[{j}].id", f"duplicate id {slot.id!r}")
            seen.add(slot.id)


def _check_references(instance: Instance) -> None:
    reservists = {r.id for r in instance.reservists}
    slots = instance.slots()
    challenges = {c.id: c for c in instance.challenges}
    seats_taken: dict[str, int] = {}
    teams: set[tuple[str, str]] = set()
    for i, lock in enumerate(instance.locks):
        _known(lock.reservist_id, reservists, f"locks[{i}].reservist", "reservist")
        _known(lock.slot_id, slots, f"locks[{i}].slot", "slot")
        slot = slots[lock.slot_id]
        seats_taken[slot.id] = seats_taken.get(slot.id, 0) + 1
        if seats_taken[slot.id] > slot.count:
            raise InstanceError(f"locks[{i}]", f"slot {slot.id!r} has only {slot.count} seat(s)")
        team = (lock.reservist_id, slot.challenge_id)
        if team in teams:
            raise InstanceError(
                f"locks[{i}]", f"{lock.reservist_id!r} already locked in {slot.challenge_id!r}"
            )
        teams.add(team)
    for i, exclusion in enumerate(instance.exclusions):
        _known(exclusion.reservist_id, reservists, f"exclusions[{i}].reservist", "reservist")
        _known(exclusion.challenge_id, challenges, f"exclusions[{i}].challenge", "challenge")
        if (exclusion.reservist_id, exclusion.challenge_id) in teams:
            raise InstanceError(f"exclusions[{i}]", "contradicts a lock on the same challenge")


def _known(value: str, known: Mapping | set, path: str, kind: str) -> None:
    if value not in known:
        raise InstanceError(path, f"unknown {kind} {value!r}")


def _object(raw: object, path: str, keys: _Keys) -> dict:
    """`raw` if it is a JSON object with the `keys` allowed."""
    if not isinstance(raw, dict):
        raise InstanceError(path, f"expected an object, got {_kind(raw)}")
    for key in keys.required:
        if key not in raw:
            raise InstanceError(_at(path, key), "missing required field")
    if keys.allowed is not None and not keys.allowed.issuperset(raw):
        unknown = raw.keys() - keys.allowed
        raise InstanceError(_at(path, sorted(unknown)[0]), "unknown field")
    return raw


def _at(path: str, key: str) -> str:
    """Fields of the document itself ("$") and of the value being parsed ("") are named alone:
    `as_of`, not `$.as_of`; `id`, placed by the caller (`reservists[3].id`)."""
    return key if path in ("$", "") else f"{path}.{key}"


def _list(raw: object, path: str, parse) -> tuple:
    """The items of the JSON list `raw`, each through `parse(item)`, whose errors, named
    relative to the item, are placed under `path[i]`."""
    if not isinstance(raw, list):
        raise InstanceError(path, f"expected a list, got {_kind(raw)}")
    items = []
    for i, item in enumerate(raw):
        try:
            items.append(parse(item))
        except InstanceError as exc:
            exc.within(f"{path}[{i}]")
            raise
    return tuple(items)


def _nested(raw: object, path: str, parse):
    """`parse(raw)` for the value at `path`, whose errors are named relative to that value."""
    try:
        return parse(raw)
    except InstanceError as exc:
        exc.within(path)
        raise


def _unique(items: tuple, path: str) -> tuple:
    _no_duplicates([item.id for item in items], path, ".id")
    return items


def _no_duplicates(values: list[str] | tuple[str, ...], path: str, suffix: str = "") -> None:
    if len(set(values)) == len(values):
        return
    seen = set()
    for i, value in enumerate(values):
        if value in seen:
            raise InstanceError(f"{path}[{i}]{suffix}", f"duplicate value {value!r}")
        seen.add(value)


def _text(raw: object, path: str = "") -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise InstanceError(path, f"expected a non-empty string, got {_kind(raw)}")
    return raw


def _optional_text(raw: object, path: str) -> str | None:
    return None if raw is None else _text(raw, path)


def _texts(raw: object, path: str) -> tuple[str, ...]:
    values = _list(raw, path, _text)
    _no_duplicates(values, path)
    return values


def _choice(raw: object, path: str, choices: tuple[str, ...]) -> str:
    if raw not in choices:
        raise InstanceError(path, f"expected one of {'/'.join(choices)}, got {raw!r}")
    return raw


def _int(raw: object, path: str) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
        raise InstanceError(path, f"expected a non-negative integer, got {raw!r}")
    return raw


def _hours(raw: object, path: str, allow_zero: bool) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise InstanceError(path, f"expected a number of hours, got {_kind(raw)}")
    if not (0 <= raw <= MAX_WEEKLY_HOURS) or (raw == 0 and not allow_zero):
        low = "0" if allow_zero else "more than 0"
        raise InstanceError(path, f"expected {low} to {MAX_WEEKLY_HOURS} hours, got {raw!r}")
    return float(raw)


def _departement(raw: object, path: str) -> str | None:
    if raw is None:
        return None
    if not isinstance(raw, str) or not DEPARTEMENT_RE.match(raw):
        raise InstanceError(path, f"expected a département code such as '75' or '2A', got {raw!r}")
    return raw


def _date(raw: object, path: str) -> date:
    if isinstance(raw, str) and len(raw) == 10:
        try:
            return date.fromisoformat(raw)
        except ValueError:
            pass
    raise InstanceError(path, f"expected a date as YYYY-MM-DD, got {raw!r}")


def _optional_date(raw: object, path: str) -> date | None:
    return None if raw is None else _date(raw, path)


_PERIOD_KEYS = _Keys(required=("start",), optional=("end",))


def _period(raw: object) -> Period:
    obj = _object(raw, "", _PERIOD_KEYS)
    start = _date(obj["start"], "start")
    end = _optional_date(obj.get("end"), "end")
    if end is not None and end < start:
        raise InstanceError("end", "ends before it starts")
    return Period(start, end)


def _field_names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _kind(raw: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}
    return "null" if raw is None else names.get(type(raw), f"{raw!r}")
