"""The reserve as numpy arrays, indexed by skill and level: built once per instance, then queried
by the scoring, the solver and the explanations."""

from dataclasses import dataclass, fields
from datetime import date
from operator import attrgetter

import numpy as np

from reserve.teams.instance import LEVELS, Challenge, Instance, Reservist, Slot

LEVEL_RANK = {name: rank for rank, name in enumerate(LEVELS, start=1)}
URGENCY_RANK = {"normal": 0, "high": 1, "critical": 2}
REMOTE, ON_SITE, BOTH = 0, 1, 2
WORK_MODE = {"remote": REMOTE, "on_site": ON_SITE, "both": BOTH}
NEVER = -(10**7)
EMPTY = np.zeros(0, dtype=np.int64)


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


def build_index(instance: Instance) -> PoolIndex:
    """Precompute the arrays and the skill/level index of an instance."""
    people = tuple(sorted(instance.reservists, key=attrgetter("id")))
    position = {r.id: i for i, r in enumerate(people)}
    skills = _vocabulary({s.skill for r in people for s in r.skills})
    themes = _vocabulary({t for r in people for t in r.themes})
    places: dict[tuple, int] = {}
    slots = _slot_contexts(instance, position, skills, themes, places)
    held = [len(r.skills) for r in people]
    levels = np.zeros((len(skills), len(people)), dtype=np.int8)
    levels[
        np.fromiter((skills[s.skill] for r in people for s in r.skills), np.intp, sum(held)),
        np.repeat(np.arange(len(people)), held),
    ] = np.fromiter((LEVEL_RANK[s.level] for r in people for s in r.skills), np.int8, sum(held))
    liked = [len(r.themes) for r in people]
    interests = np.zeros((len(themes), len(people)), dtype=bool)
    interests[
        np.fromiter((themes[t] for r in people for t in r.themes), np.intp, sum(liked)),
        np.repeat(np.arange(len(people)), liked),
    ] = True
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


def _vocabulary(keys: set[str]) -> dict[str, int]:
    return {key: i for i, key in enumerate(sorted(keys))}


def _code(places: dict, departement: str | None, city: str | None = "") -> int:
    if departement is None or city is None:
        return -1
    return places.setdefault((departement, city.strip().casefold()), len(places))


def _days(dates: list[date | None]) -> np.ndarray:
    return np.array([NEVER if d is None else d.toordinal() for d in dates], dtype=np.int64)


def _availability(people: tuple[Reservist, ...]) -> tuple[np.ndarray, np.ndarray]:
    counts = np.array([len(r.availability) for r in people], dtype=np.intp)
    width = int(counts.max(initial=0)) or 1
    start = np.full((len(people), width), date.max.toordinal() + 1, dtype=np.int64)
    end = np.full((len(people), width), NEVER, dtype=np.int64)
    rows = np.repeat(np.arange(len(people)), counts)
    columns = np.arange(rows.size) - np.repeat(np.cumsum(counts) - counts, counts)
    periods = [p for r in people for p in r.availability]
    start[rows, columns] = _days([p.start for p in periods])
    end[rows, columns] = _days([p.end or date.max for p in periods])
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
    where = [(r.departement, r.city) for r in people]
    codes = {w: (_code(places, w[0]), _code(places, *w)) for w in set(where)}
    return People(
        person=np.arange(len(people)),
        minutes=minutes,
        room=room,
        av_start=av_start,
        av_end=av_end,
        last_end=last_end,
        last_decline=_days([r.last_decline for r in people]),
        dept=np.array([codes[w][0] for w in where], dtype=np.int64),
        city=np.array([codes[w][1] for w in where], dtype=np.int64),
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
        wanted = {s.skill for s in challenge.slots}
        liked = np.array([themes[t] for t in challenge.themes if t in themes], int)
        start, end = challenge.sprint.start.toordinal(), challenge.sprint.end.toordinal()
        for slot in challenge.slots:
            here = locks.get(slot.id, [])
            other_skills = tuple(sorted(wanted - {slot.skill}))
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
                    start=start,
                    end=end,
                    themes=liked,
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


def level_of(ix: PoolIndex, skill: str, p: int) -> int:
    number = ix.skill_number.get(skill)
    return 0 if number is None else int(ix.levels[number, p])


def _ids(values: list[int]) -> np.ndarray:
    return np.array(sorted(set(values)), dtype=np.int64) if values else EMPTY
