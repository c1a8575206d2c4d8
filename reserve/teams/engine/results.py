"""What the engine returns: proposals and rankings, every pair with its score breakdown."""

from dataclasses import dataclass, field

COMPONENTS = ("skill_fit", "level", "interest", "availability", "locality", "fairness")


@dataclass(frozen=True)
class Component:
    """One criterion of a score; why, as a message key and its parameters (e.g.
    "level.above", {"skill": "tech.backend", "level": 3, "wanted": 2})."""

    name: str
    points: float
    max_points: float
    key: str
    params: dict = field(default_factory=dict, hash=False, compare=True)


@dataclass(frozen=True)
class Match:
    reservist_id: str
    challenge_id: str
    slot_id: str
    score: float
    priority: float
    locked: bool
    breakdown: tuple[Component, ...]


@dataclass(frozen=True)
class Unfilled:
    challenge_id: str
    slot_id: str
    missing: int
    reason: dict | None  # {"key", "params"}, worded by the Django layer


@dataclass(frozen=True)
class Proposal:
    status: str
    total_score: float
    assignments: tuple[Match, ...]
    unfilled: tuple[Unfilled, ...]
    warnings: tuple[dict, ...]
    stats: dict


@dataclass(frozen=True)
class SlotRanking:
    slot_id: str
    count: int
    eligible: int
    locked: tuple[Match, ...]
    candidates: tuple[Match, ...]
    shortfall: dict | None


@dataclass(frozen=True)
class Ranking:
    challenge_id: str
    slots: tuple[SlotRanking, ...]


def as_points(tenths) -> float:
    """Points from integer tenths (the division is already the nearest float to one decimal)."""
    return int(tenths) / 10
