"""Every score, empty seat and lock warning explained as message keys with parameters; the
Django layer (reserve/teams/wording.py) words them in the reader's language."""

from dataclasses import replace

import numpy as np

from reserve.teams.instance import Reservist

from .index import ON_SITE, PoolIndex, SlotContext, level_of
from .results import COMPONENTS, Component, Match, as_points
from .scoring import FAIRNESS_HORIZON_DAYS, hard_rules, point_rows


def scored_matches(
    ix: PoolIndex, ctx: SlotContext, persons: np.ndarray, locked: bool
) -> list[Match]:
    """Scored and explained pairs; locked ones are scored on hours before any lock was counted."""
    if not persons.size:
        return []
    view = ix.pool.take(persons)
    if locked:
        view = replace(view, minutes=ix.raw_minutes[persons])
    return explained_matches(ix, ctx, persons, point_rows(ix, ctx, view), view.minutes, locked)


def explained_matches(ix, ctx, persons, rows, minutes, locked: bool = False) -> list[Match]:
    if not persons.size:
        return []
    settings = ix.instance.settings
    bonus = settings.never_engaged_bonus
    maxima = [getattr(settings.weights, n) + (bonus if n == "fairness" else 0) for n in COMPONENTS]
    priority = as_points(ctx.priority)
    matches = [
        Match(
            reservist_id=ix.people[p].id,
            challenge_id=ctx.challenge.id,
            slot_id=ctx.slot.id,
            score=as_points(sum(points)),
            priority=priority,
            locked=locked,
            breakdown=_explain(ix, ctx, p, points, maxima, hours),
        )
        for p, points, hours in zip(
            persons.tolist(), rows.T.tolist(), np.asarray(minutes).tolist(), strict=True
        )
    ]
    return sorted(matches, key=lambda m: (-m.score, m.reservist_id))


# Why a person with the skill cannot take a seat, in the order empty seats list them.
RULES = ("here", "elsewhere", "team", "excluded", "room", "hours", "dates", "location", "rest")


def _explain(ix, ctx, p: int, points: list[int], maxima: list[int], minutes: int):
    reasons = (
        _explain_skill(ix, ctx, p),
        _explain_level(ix, ctx, p),
        _explain_interest(ctx, ix.people[p]),
        _explain_hours(ctx, minutes),
        _explain_locality(ix, ctx, p),
        _explain_fairness(ix, ctx, p),
    )
    return tuple(
        Component(name, as_points(tenths), most, key, params)
        for name, tenths, most, (key, params) in zip(
            COMPONENTS, points, maxima, reasons, strict=True
        )
    )


# Each criterion is explained by a message key and its parameters (skill and theme codes, levels
# 1-3, minutes, counts); the Django layer words them in the reader's language (teams/wording.py).


def _explain_skill(ix, ctx, p: int) -> tuple[str, dict]:
    skill = ctx.slot.skill
    if ctx.skill < 0 or ix.levels[ctx.skill, p] == 0:
        return "skill.missing", {"skill": skill}
    if not ctx.other_skills:
        return "skill.has", {"skill": skill}
    also = [s for s in ctx.other_skills if level_of(ix, s, p)]
    if not also:
        return "skill.has_no_other", {"skill": skill}
    return "skill.has_others", {"skill": skill, "others": also}


def _explain_level(ix, ctx, p: int) -> tuple[str, dict]:
    skill = ctx.slot.skill
    level = int(ix.levels[ctx.skill, p]) if ctx.skill >= 0 else 0
    params = {"skill": skill, "level": level, "wanted": int(ctx.min_level)}
    if level == 0:
        return "level.none", params
    if level == ctx.min_level:
        return "level.equal", params
    return ("level.above" if level > ctx.min_level else "level.below"), params


def _explain_interest(ctx, person: Reservist) -> tuple[str, dict]:
    wanted = list(ctx.challenge.themes)
    if not wanted:
        return "interest.neutral", {}
    liked = [t for t in wanted if t in person.themes]
    if len(wanted) == 1:
        return ("interest.one" if liked else "interest.not_one"), {"theme": wanted[0]}
    if not liked:
        return "interest.none", {"themes": wanted}
    if len(liked) == len(wanted):
        return "interest.all", {"themes": liked}
    return "interest.some", {"themes": liked, "total": len(wanted)}


def _explain_hours(ctx, minutes: int) -> tuple[str, dict]:
    params = {"available": int(minutes), "needed": int(ctx.minutes)}
    if minutes < ctx.minutes:
        return "hours.short", params
    if minutes == ctx.minutes:
        return "hours.exact", params
    return "hours.margin", params | {"margin": int(minutes - ctx.minutes)}


def _explain_locality(ix, ctx, p: int) -> tuple[str, dict]:
    slot = ctx.slot
    if not slot.on_site:
        if ix.pool.mode[p] == ON_SITE:
            return "locality.remote_prefers_site", {}
        return "locality.remote", {}
    where = {"city": slot.city or "", "departement": slot.departement}
    if ix.pool.dept[p] != ctx.dept:
        return "locality.elsewhere", where
    if ctx.city >= 0 and ix.pool.city[p] == ctx.city:
        return "locality.same_city", where
    return "locality.same_departement", where


def _explain_fairness(ix, ctx, p: int) -> tuple[str, dict]:
    engaged = int(ix.pool.engaged[p])
    if engaged:
        return "fairness.engaged", {"count": engaged}
    if ix.pool.never[p]:
        return "fairness.newcomer", {"bonus": ix.instance.settings.never_engaged_bonus}
    days = ctx.start - int(ix.pool.last_end[p])
    if days >= FAIRNESS_HORIZON_DAYS:
        return "fairness.long_ago", {"months": FAIRNESS_HORIZON_DAYS // 30}
    return "fairness.recent", {"days": int(days), "months": FAIRNESS_HORIZON_DAYS // 30}


def gap_reason(ix, ctx, drops: dict[str, int], here: int, elsewhere: int, available=0):
    """Why seats stay empty, about the people who have the skill at the level but are not
    `available` (ranking mode speaks of the available ones separately): a message (key and
    parameters), or None when nothing explains it."""
    skill = ctx.slot.skill
    if ctx.skill < 0:
        return message("gap.no_skill", skill=skill)
    if not drops["skilled"]:
        return message("gap.no_level", skill=skill, wanted=int(ctx.min_level))
    counts = {**drops, "here": here, "elsewhere": elsewhere}
    rules = [[rule, int(counts[rule])] for rule in RULES if counts.get(rule)]
    if not rules:
        return None
    return message(
        "gap.rules",
        skill=skill,
        total=int(drops["skilled"] - available),
        beyond_available=bool(available),
        rules=rules,
        departement=ctx.slot.departement,
    )


def shortfall(ix, ctx, drops: dict[str, int], eligible: int):
    """Why a ranked slot has fewer available people than seats (a message, or None)."""
    reason = gap_reason(ix, ctx, drops, drops.get("here", 0), 0, available=eligible)
    if not eligible:
        return reason
    return message("shortfall", available=int(eligible), seats=int(ctx.seats), reason=reason)


def lock_warnings(ix: PoolIndex) -> tuple[dict, ...]:
    warnings = []
    for p, s in ix.locks:
        ctx, person = ix.slots[s], ix.people[p]
        broken = [] if level_of(ix, ctx.slot.skill, p) >= ctx.min_level else ["skill"]
        alone = ix.pool.take(np.array([p]))
        broken += [n for n, test in hard_rules(ix, ctx, lock_check=True) if not test(alone)[0]]
        for name in broken:
            warnings.append(
                message(
                    "lock.rule",
                    reservist=person.id,
                    slot=ctx.slot.title,
                    rule=name,
                    skill=ctx.slot.skill,
                    departement=ctx.slot.departement,
                )
            )
    for p in sorted({p for p, _ in ix.locks}):
        who, available = ix.people[p].id, int(ix.raw_minutes[p])
        if ix.pool.minutes[p] < 0:
            asked = available - int(ix.pool.minutes[p])
            warnings.append(message("lock.hours", reservist=who, asked=asked, available=available))
        if ix.pool.room[p] < 0:
            warnings.append(message("lock.room", reservist=who))
    return tuple(warnings)


def message(key: str, **params) -> dict:
    """An explanation as plain data: a key the Django layer words, and its parameters."""
    return {"key": key, "params": params}
