"""The two modes: ranked candidates for one challenge, and the global proposal."""

import numpy as np

from reserve.teams.instance import Instance

from .candidates import Edges, candidate_edges
from .explain import explained_matches, gap_reason, lock_warnings, scored_matches, shortfall
from .index import EMPTY, PoolIndex, SlotContext, build_index
from .results import Proposal, Ranking, SlotRanking, Unfilled
from .scoring import best_ranked, eligible_people, funnel
from .solver import solve_assignment


def rank_candidates(source: Instance | PoolIndex, challenge_id: str, *, limit: int = 20) -> Ranking:
    """Rank, for each slot of one challenge, the eligible people by score (then id).

    Pass a PoolIndex built once to answer many rankings fast. Raises KeyError for an unknown
    challenge.
    """
    ix = source if isinstance(source, PoolIndex) else build_index(source)
    contexts = [c for c in ix.slots if c.challenge.id == challenge_id]
    if not contexts:
        raise KeyError(f"unknown challenge {challenge_id!r}")
    return Ranking(challenge_id, tuple(_rank_slot(ix, ctx, limit) for ctx in contexts))


def propose(source: Instance | PoolIndex) -> Proposal:
    """Propose teams for every challenge at once, keeping locks and honouring exclusions."""
    ix = source if isinstance(source, PoolIndex) else build_index(source)
    edges = candidate_edges(ix)
    chosen, proven, stats = solve_assignment(ix, edges)
    return finish_proposal(ix, edges, chosen, _status(proven, edges.pruned), stats)


def _status(proven: bool, pruned: bool) -> str:
    if not proven:
        return "feasible"
    return "optimal_among_candidates" if pruned else "optimal"


def finish_proposal(ix: PoolIndex, edges: Edges, chosen, status: str, stats: dict) -> Proposal:
    """Complete empty seats beyond the candidates, explain every pair and every empty seat."""
    picked: dict[int, list[int]] = {ctx.number: [] for ctx in ix.slots}
    whom: dict[int, list[int]] = {ctx.number: [] for ctx in ix.slots}
    mine = np.flatnonzero(chosen)
    columns = (mine, edges.slot[mine], edges.person[mine])
    for e, s, p in zip(*(column.tolist() for column in columns), strict=True):
        picked[s].append(e)
        whom[s].append(p)
    extra, unfilled = _complete(ix, whom)
    matches = []
    for ctx in ix.slots:
        mine = np.array(picked[ctx.number], dtype=np.int64)
        persons, points = edges.person[mine], edges.points[mine].T
        added = np.array(extra[ctx.number], dtype=np.int64)
        matches += scored_matches(ix, ctx, ctx.here, locked=True)
        matches += explained_matches(ix, ctx, persons, points, ix.pool.minutes[persons])
        matches += scored_matches(ix, ctx, added, locked=False)
    total = sum(m.score + m.priority for m in matches)
    stats = {**stats, "candidate_pairs": edges.size, "pruned": edges.pruned}
    return Proposal(
        status, round(total, 1), tuple(matches), tuple(unfilled), lock_warnings(ix), stats
    )


def _rank_slot(ix: PoolIndex, ctx: SlotContext, limit: int) -> SlotRanking:
    view = ix.pool.take(ix.by_skill.get((ctx.skill, ctx.min_level), EMPTY))
    eligible = eligible_people(ix, ctx, view)
    ranked, rows = best_ranked(ix, ctx, eligible, limit)
    shortfall = _shortfall(ix, ctx, eligible.size) if eligible.size < ctx.seats else None
    return SlotRanking(
        slot_id=ctx.slot.id,
        count=ctx.slot.count,
        eligible=eligible.size,
        locked=tuple(scored_matches(ix, ctx, ctx.here, locked=True)),
        candidates=tuple(explained_matches(ix, ctx, ranked, rows, ix.pool.minutes[ranked])),
        shortfall=shortfall,
    )


def _shortfall(ix: PoolIndex, ctx: SlotContext, eligible: int):
    return shortfall(ix, ctx, funnel(ix, ctx), eligible)


def _complete(ix: PoolIndex, picks: dict[int, list[int]]) -> tuple[dict, list[Unfilled]]:
    """Fill seats the candidates left empty, from all eligible people; explain what stays empty."""
    minutes_used = np.zeros(len(ix.people), dtype=np.int64)
    challenges_used = np.zeros(len(ix.people), dtype=np.int64)
    team: dict[int, set[int]] = {}
    for ctx in ix.slots:
        for p in picks[ctx.number]:
            minutes_used[p] += ctx.minutes
            challenges_used[p] += 1
            team.setdefault(ctx.challenge_number, set()).add(p)
    extra: dict[int, list[int]] = {ctx.number: [] for ctx in ix.slots}
    unfilled = []
    for ctx in sorted(ix.slots, key=lambda c: (-c.priority, c.number)):
        missing = ctx.seats - len(picks[ctx.number])
        if missing <= 0:
            continue
        eligible = eligible_people(
            ix, ctx, ix.pool.take(ix.by_skill.get((ctx.skill, ctx.min_level), EMPTY))
        )
        ranked, _ = best_ranked(ix, ctx, eligible, eligible.size)
        members = np.fromiter(team.get(ctx.challenge_number, ()), dtype=np.int64)
        fits = (challenges_used[ranked] < ix.pool.room[ranked]) & ~np.isin(ranked, members)
        fits &= minutes_used[ranked] + ctx.minutes <= ix.pool.minutes[ranked]
        for p in ranked[fits][:missing].tolist():
            extra[ctx.number].append(p)
            minutes_used[p] += ctx.minutes
            challenges_used[p] += 1
            team.setdefault(ctx.challenge_number, set()).add(p)
        missing -= len(extra[ctx.number])
        if missing > 0:
            here = ctx.seats - missing
            drops = funnel(ix, ctx)
            reason = gap_reason(ix, ctx, drops, drops.get("here", 0) + here, eligible.size - here)
            unfilled.append((ctx.number, Unfilled(ctx.challenge.id, ctx.slot.id, missing, reason)))
    return extra, [gap for _, gap in sorted(unfilled, key=lambda pair: pair[0])]
