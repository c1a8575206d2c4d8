"""Greedy baseline for the matching engine, for benchmarks and comparisons.

It sees the same candidates as the engine and obeys the same rules, but decides pair by pair:
the most valuable (person, slot) pair first, kept whenever every rule still allows it, never
revisited. That is how one would fill seats by hand; it loses when giving someone to one team
leaves another team without anybody. (The engine itself falls back on this choice in the rare
large instances where its repaired answer would be worse.)
"""

from reserve.teams.engine import (
    PoolIndex,
    Proposal,
    build_index,
    candidate_edges,
    choose_greedily,
    finish_proposal,
)
from reserve.teams.instance import Instance


def greedy(source: Instance | PoolIndex) -> Proposal:
    """Fill seats best pair first; same candidates, rules and report as engine.propose."""
    ix = source if isinstance(source, PoolIndex) else build_index(source)
    edges = candidate_edges(ix)
    return finish_proposal(ix, edges, choose_greedily(ix, edges), "greedy", {})
