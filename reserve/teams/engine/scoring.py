"""Hard rules and scores: who may take a role, and how well they fit it (points in tenths, per
criterion). The reference for rankings, explanations and empty seats; `candidates` computes the
same scores in bulk for the global proposal."""

import numpy as np

from .index import EMPTY, ON_SITE, REMOTE, People, PoolIndex, SlotContext
from .results import COMPONENTS

LEVEL_VALUE = np.array([0.0, 0.4, 0.7, 1.0])
FAIRNESS_HORIZON_DAYS = 180
NEUTRAL_INTEREST = 0.5
SAME_DEPARTEMENT = 0.7
REMOTE_FOR_ON_SITE_LOVER = 0.4


def hard_rules(ix: PoolIndex, ctx: SlotContext, lock_check: bool = False) -> list:
    """(name, test on People) in the order the funnel applies them.

    A lock check leaves out seats, team, exclusions and capacity: the lock itself uses them.
    """
    rest = ix.instance.settings.rest_days
    as_of = ix.instance.as_of.toordinal()
    rules = [
        (name, lambda v, ids=ids: absent(v.person, ids))
        for name, ids in (("here", ctx.here), ("team", ctx.team), ("excluded", ctx.excluded))
        if ids.size and not lock_check
    ]
    if not lock_check:
        rules.append(("room", lambda v: v.room >= 1))
        rules.append(("hours", lambda v: v.minutes >= ctx.minutes))
    rules.append(("dates", lambda v: ((v.av_start <= ctx.start) & (v.av_end >= ctx.end)).any(1)))
    if ctx.dept >= 0:
        rules.append(("location", lambda v: (v.dept == ctx.dept) & (v.mode != REMOTE)))
    rules.append(
        ("rest", lambda v: (v.last_end <= ctx.start - rest) & (v.last_decline <= as_of - rest))
    )
    return rules


def absent(persons: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """True where a person is not in `ids`; `persons` is in id order, so binary search suffices."""
    keep = np.ones(persons.size, dtype=bool)
    if persons.size:
        spot = np.minimum(np.searchsorted(persons, ids), persons.size - 1)
        keep[spot[persons[spot] == ids]] = False
    return keep


def eligible_people(ix: PoolIndex, ctx: SlotContext, view: People) -> People:
    keep = np.ones(view.size, dtype=bool)
    for _, test in hard_rules(ix, ctx):
        keep &= test(view)
    return view.take(np.flatnonzero(keep))


def funnel(ix: PoolIndex, ctx: SlotContext) -> dict[str, int]:
    """How many people have the skill at the level, and how many each rule then removed."""
    view = ix.pool.take(ix.by_skill.get((ctx.skill, ctx.min_level), EMPTY))
    drops = {"skilled": view.size}
    for name, test in hard_rules(ix, ctx):
        keep = test(view)
        drops[name] = int(view.size - np.count_nonzero(keep))
        view = view.take(keep)
    return drops


def _values(ix: PoolIndex, ctx: SlotContext, v: People) -> np.ndarray:
    """Each criterion as a number in [0, 1], one row per criterion of COMPONENTS."""
    values = np.empty((len(COMPONENTS), v.size))
    level = ix.levels[ctx.skill].take(v.person) if ctx.skill >= 0 else np.zeros(v.size, np.int8)
    fit = np.ones(v.size)
    for o in ctx.others:
        fit += ix.levels[o].take(v.person) > 0
    values[0] = fit * (level > 0) / (1 + len(ctx.other_skills))
    values[1] = LEVEL_VALUE.take(level)
    if ctx.challenge.themes:
        interest = np.zeros(v.size)
        for t in ctx.themes:
            interest += ix.themes[t].take(v.person)
        interest /= len(ctx.challenge.themes)
    else:
        interest = np.full(v.size, NEUTRAL_INTEREST)
    if ctx.dept >= 0:
        near = np.where((v.city == ctx.city) & (ctx.city >= 0), 1.0, SAME_DEPARTEMENT)
        locality = np.where(v.dept == ctx.dept, near, 0.0)
    else:
        locality = np.where(v.mode == ON_SITE, REMOTE_FOR_ON_SITE_LOVER, 1.0)
    values[2] = interest
    values[3] = np.maximum(v.minutes - ctx.minutes, 0) / np.maximum(v.minutes, 1)
    values[4] = locality
    # Never engaged: last_end is NEVER, far in the past, so `rested` is 1.
    rested = np.minimum(np.maximum(ctx.start - v.last_end, 0) / FAIRNESS_HORIZON_DAYS, 1.0)
    values[5] = np.where(v.engaged > 0, 0.0, rested)
    return values


def point_rows(ix: PoolIndex, ctx: SlotContext, v: People) -> np.ndarray:
    """Integer points in tenths, one row per criterion; the never-engaged bonus goes to fairness."""
    settings = ix.instance.settings
    scale = np.array([getattr(settings.weights, n) * 10 for n in COMPONENTS], dtype=float)
    rows = np.rint(_values(ix, ctx, v) * scale[:, None]).astype(np.int64)
    rows[-1] += v.never * settings.never_engaged_bonus * 10
    return rows


def best_ranked(ix, ctx, v: People, limit: int) -> tuple[np.ndarray, np.ndarray]:
    """The best `limit` people by score, ties broken by id (indexes follow ids); their points."""
    rows = point_rows(ix, ctx, v)
    key = rows.sum(axis=0) * len(ix.people) + (len(ix.people) - 1 - v.person)
    top = np.argpartition(-key, limit - 1)[:limit] if v.size > limit else np.arange(v.size)
    top = top[np.argsort(-key[top], kind="stable")]
    return v.person[top], rows[:, top]
