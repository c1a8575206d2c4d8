"""Candidates for the global proposal: for each slot with free seats, its best eligible people.

The rules and scores are those of `scoring`, computed another way, because the global proposal
asks them for every slot over every person with the skill (tens of millions of pairs):

- people are gathered once per skill and level (a `_Group`), in contiguous columns, without those
  no slot could take (no challenge room left, resting after a decline);
- what does not depend on the slot is already in points (level, locality for remote roles, the
  never-engaged bonus, and the hours margin for each role length);
- what does is read from small tables: skills and themes are bit sets, so "how many of the team's
  other skills does this person have" is one AND and one popcount, and the skill-fit, interest and
  fairness points are looked up by that count or that number of days;
- on-site roles only look at the group's people of their département.

Points stay integers computed with the same arithmetic as `scoring.point_rows`, so both give the
same scores to the tenth and the same candidates (tests check it on random instances).
"""

from dataclasses import dataclass, field, fields, replace

import numpy as np

from .index import EMPTY, ON_SITE, REMOTE, PoolIndex, SlotContext
from .results import COMPONENTS
from .scoring import (
    FAIRNESS_HORIZON_DAYS,
    LEVEL_VALUE,
    NEUTRAL_INTEREST,
    REMOTE_FOR_ON_SITE_LOVER,
    SAME_DEPARTEMENT,
    absent,
)

# Fairness "days since the last engagement" for people engaged elsewhere: never any points.
ENGAGED_ELSEWHERE = 2**30


@dataclass(frozen=True)
class Edges:
    """Candidate (person, slot) pairs kept for the global proposal, with their values."""

    person: np.ndarray
    slot: np.ndarray
    challenge: np.ndarray
    value: np.ndarray
    rank: np.ndarray
    minutes: np.ndarray
    points: np.ndarray
    pruned: bool

    @property
    def size(self) -> int:
        return int(self.person.size)

    def subset(self, keep: np.ndarray) -> "Edges":
        arrays = {f.name: getattr(self, f.name)[keep] for f in fields(self) if f.name != "pruned"}
        return replace(self, **arrays)

    def cost(self, seats: int) -> np.ndarray:
        """Value first; the rank term only breaks ties: at most `seats` pairs are chosen, so the
        rank terms never add up to `big`."""
        width = int(self.rank.max(initial=0)) + 1
        big = min(self.size, seats) * width + 1
        return self.value * big + (width - self.rank)


def candidate_edges(ix: PoolIndex) -> Edges:
    """For each slot with free seats, its best eligible people (settings.candidates_per_slot)."""
    k = ix.instance.settings.candidates_per_slot
    open_slots = sorted((c for c in ix.slots if c.seats > 0), key=lambda c: (c.skill, c.min_level))
    scorer = _Scorer(ix)
    parts, pruned, key, group = [], False, None, None
    for ctx in open_slots:
        if key != (ctx.skill, ctx.min_level):
            key = (ctx.skill, ctx.min_level)
            group = scorer.group(ix.by_skill.get(key, EMPTY), ctx.skill)
        ranked, rows, eligible = scorer.best(group, ctx, k + ctx.seats - 1)
        pruned |= ranked.size < eligible
        parts.append((ctx, ranked, rows))
    parts.sort(key=lambda part: part[0].number)
    sizes = np.array([p.size for _, p, _ in parts], dtype=np.int64)
    points = np.concatenate([r.T for _, _, r in parts]) if parts else np.zeros((0, 6), np.int64)

    def each(values) -> np.ndarray:
        return np.repeat(np.array(values, dtype=np.int64), sizes)

    return Edges(
        person=_concat([p for _, p, _ in parts]),
        slot=each([c.number for c, _, _ in parts]),
        challenge=each([c.challenge_number for c, _, _ in parts]),
        value=points.sum(axis=1) + each([c.priority for c, _, _ in parts]),
        rank=np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes),
        minutes=each([c.minutes for c, _, _ in parts]),
        points=points,
        pruned=pruned,
    )


@dataclass
class _Group:
    """People with one skill at one level or above, in id order, but for those no slot could take
    (no challenge room left, resting after a decline), with their slot-independent points."""

    person: np.ndarray
    minutes: np.ndarray
    av_start: np.ndarray
    av_end: np.ndarray
    last_end: np.ndarray
    fair_end: np.ndarray
    dept: np.ndarray
    city: np.ndarray
    mode: np.ndarray
    skills: np.ndarray
    themes: np.ndarray
    level: np.ndarray
    locality: np.ndarray
    bonus: np.ndarray
    margin: dict[int, np.ndarray] = field(default_factory=dict)
    fixed: dict[int, np.ndarray] = field(default_factory=dict)
    places: dict[int, np.ndarray] | None = None

    def on_site(self, dept: int) -> np.ndarray:
        """Positions of the people who live in `dept` and do not want remote work only."""
        if self.places is None:
            allowed = np.flatnonzero(self.mode != REMOTE)
            order = allowed[np.argsort(self.dept[allowed], kind="stable")]
            cuts = np.flatnonzero(np.diff(self.dept[order])) + 1
            self.places = {int(self.dept[p[0]]): p for p in np.split(order, cuts) if p.size}
        return self.places.get(dept, EMPTY)


class _Scorer:
    """The rules and points of `scoring`, over one skill group at a time."""

    def __init__(self, ix: PoolIndex):
        settings = ix.instance.settings
        self.ix = ix
        self.n = len(ix.people)
        self.rest = settings.rest_days
        self.as_of = ix.instance.as_of.toordinal()
        self.scale = np.array([getattr(settings.weights, n) * 10 for n in COMPONENTS], float)
        days = np.arange(FAIRNESS_HORIZON_DAYS + 1)
        rested = np.minimum(days / FAIRNESS_HORIZON_DAYS, 1.0)
        self.fairness = np.rint(rested * self.scale[5]).astype(np.int32)
        self.neutral = int(np.rint(NEUTRAL_INTEREST * self.scale[2]))
        self.bonus = settings.never_engaged_bonus * 10
        self.skill_words = _words(ix.levels.shape[0])
        self.theme_words = _words(ix.themes.shape[0])
        self.tables: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}

    def group(self, members: np.ndarray, skill: int) -> _Group:
        ix, pool = self.ix, self.ix.pool
        # The rules that do not depend on the slot: challenge room, rest after a decline.
        keep = (pool.room[members] >= 1) & (pool.last_decline[members] <= self.as_of - self.rest)
        members = members[keep]
        v = pool.take(members)
        single = v.av_start.shape[1] == 1
        level = ix.levels[skill].take(members) if skill >= 0 else np.zeros(members.size, int)
        locality = np.where(v.mode == ON_SITE, REMOTE_FOR_ON_SITE_LOVER, 1.0)
        return _Group(
            person=v.person.astype(np.int32),
            minutes=v.minutes.astype(np.int32),
            av_start=(v.av_start[:, 0] if single else v.av_start).astype(np.int32),
            av_end=(v.av_end[:, 0] if single else v.av_end).astype(np.int32),
            last_end=v.last_end.astype(np.int32),
            fair_end=np.where(v.engaged > 0, ENGAGED_ELSEWHERE, v.last_end).astype(np.int32),
            dept=v.dept,
            city=v.city,
            mode=v.mode,
            skills=_bits(ix.levels[:, members] > 0, self.skill_words),
            themes=_bits(ix.themes[:, members], self.theme_words),
            level=np.rint(LEVEL_VALUE.take(level) * self.scale[1]).astype(np.int32),
            locality=np.rint(locality * self.scale[4]).astype(np.int32),
            bonus=(v.never * self.bonus).astype(np.int32),
        )

    def best(self, g: _Group, ctx: SlotContext, limit: int):
        """The best `limit` eligible people of the group for this slot, by score then id, with
        their points (one row per criterion), and how many were eligible."""
        idx = self._eligible(g, ctx)
        if not idx.size:
            return EMPTY, np.zeros((len(COMPONENTS), 0), np.int64), 0
        margin, fixed = self._fixed(g, ctx.minutes)
        fit, interest = self._tables(ctx)
        others, themes = _mask(ctx.others, self.skill_words), _mask(ctx.themes, self.theme_words)
        days = g.fair_end.take(idx)
        np.subtract(ctx.start, days, out=days)
        np.maximum(days, 0, out=days)
        np.minimum(days, FAIRNESS_HORIZON_DAYS, out=days)
        total = fixed.take(idx)
        total += self.fairness.take(days)
        total += fit.take(_count(g.skills, idx, others))
        total += interest.take(_count(g.themes, idx, themes))
        if ctx.dept >= 0:
            near = (g.city.take(idx) == ctx.city) & (ctx.city >= 0)
            locality = np.rint(np.where(near, 1.0, SAME_DEPARTEMENT) * self.scale[4])
            locality = locality.astype(np.int32)
            total += locality - g.locality.take(idx)
        person = g.person.take(idx)
        # Best score first, then smallest id (indexes follow ids).
        key = person - total.astype(np.int64) * self.n
        top = np.argpartition(key, limit - 1)[:limit] if idx.size > limit else np.arange(idx.size)
        top = top[np.argsort(key[top], kind="stable")]
        chosen = idx[top]
        rows = np.empty((len(COMPONENTS), top.size), dtype=np.int64)
        rows[0] = fit.take(_count(g.skills, chosen, others))
        rows[1] = g.level.take(chosen)
        rows[2] = interest.take(_count(g.themes, chosen, themes))
        rows[3] = margin.take(chosen)
        rows[4] = locality.take(top) if ctx.dept >= 0 else g.locality.take(chosen)
        rows[5] = self.fairness.take(days.take(top)) + g.bonus.take(chosen)
        return person.take(top).astype(np.int64), rows, idx.size

    def _eligible(self, g: _Group, ctx: SlotContext) -> np.ndarray:
        """Positions in the group of the people the slot's rules let through."""
        if ctx.dept >= 0:
            place = g.on_site(ctx.dept)
            idx = place[self._rules(g, ctx, place)]
        else:
            idx = np.flatnonzero(self._rules(g, ctx, slice(None)))
        for ids in (ctx.here, ctx.team, ctx.excluded):
            if ids.size:
                idx = idx[absent(g.person.take(idx), ids)]
        return idx

    def _rules(self, g: _Group, ctx: SlotContext, at) -> np.ndarray:
        keep = g.minutes[at] >= ctx.minutes
        keep &= g.last_end[at] <= ctx.start - self.rest
        if g.av_start.ndim == 1:
            keep &= g.av_start[at] <= ctx.start
            keep &= g.av_end[at] >= ctx.end
        else:
            keep &= ((g.av_start[at] <= ctx.start) & (g.av_end[at] >= ctx.end)).any(1)
        return keep

    def _tables(self, ctx: SlotContext) -> tuple[np.ndarray, np.ndarray]:
        """Skill-fit points by number of the team's other skills held, interest points by number
        of the challenge's themes liked (as `scoring` computes them)."""
        shape = (len(ctx.other_skills), len(ctx.challenge.themes))
        if shape not in self.tables:
            others, themes = shape
            fit = np.rint((1.0 + np.arange(others + 1)) / (1 + others) * self.scale[0])
            if themes:
                interest = np.rint(np.arange(themes + 1) / themes * self.scale[2])
            else:
                interest = np.full(1, self.neutral)
            self.tables[shape] = (fit.astype(np.int32), interest.astype(np.int32))
        return self.tables[shape]

    def _fixed(self, g: _Group, minutes: int) -> tuple[np.ndarray, np.ndarray]:
        """Hours-margin points for a role of `minutes`, and every slot-independent point."""
        if minutes not in g.margin:
            share = np.maximum(g.minutes - minutes, 0) / np.maximum(g.minutes, 1)
            g.margin[minutes] = np.rint(share * self.scale[3]).astype(np.int32)
            g.fixed[minutes] = g.level + g.locality + g.bonus + g.margin[minutes]
        return g.margin[minutes], g.fixed[minutes]


def _words(size: int) -> int:
    return max(1, -(-size // 64))


def _bits(held: np.ndarray, words: int) -> np.ndarray:
    """Each column of a boolean (items x people) matrix as a bit set (item i is bit i % 64 of
    word i // 64): (people,) uint64 when the items fit in one word, (people, words) otherwise."""
    packed = np.zeros((words * 8, held.shape[1]), dtype=np.uint8)
    packed[: -(-held.shape[0] // 8)] = np.packbits(held, axis=0, bitorder="little")
    sets = np.ascontiguousarray(packed.T).view("<u8")
    return sets[:, 0].copy() if words == 1 else sets


def _mask(items: np.ndarray, words: int):
    """The bit set of `items`, laid out as `_bits` lays out each person's."""
    bits = [0] * words
    for item in items.tolist():
        bits[item // 64] |= 1 << (item % 64)
    mask = np.array(bits, dtype=np.uint64)
    return mask[0] if words == 1 else mask


def _count(sets: np.ndarray, idx: np.ndarray, mask) -> np.ndarray:
    """How many of the items in `mask` each person at `idx` has."""
    if sets.ndim == 1:
        return np.bitwise_count(sets.take(idx) & mask)
    return np.bitwise_count(sets[idx] & mask).sum(axis=1, dtype=np.intp)


def _concat(arrays: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(arrays).astype(np.int64) if arrays else EMPTY
