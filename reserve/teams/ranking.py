"""Ranked candidates for one challenge, read from the database and explained for staff."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from reserve.challenges.models import RoleSlot

from .build import build_instance, build_slot_instance, challenge_id, pk_of
from .engine import Match, component_to_json, rank_candidates
from .models import Invitation
from .wording import criterion, explanation

CRITERIA = {
    "skill_fit": _("Compétences utiles au défi"),
    "level": _("Niveau"),
    "interest": _("Intérêt pour le thème"),
    "availability": _("Marge de disponibilité"),
    "locality": _("Proximité"),
    "fairness": _("Équité"),
}


@dataclass(frozen=True)
class Candidate:
    user: object
    match: Match

    def criteria(self):
        """Each criterion's name and its points, worded for staff in the reader's language."""
        return worded(stored_breakdown(self.match))


@dataclass(frozen=True)
class SlotCandidates:
    slot: RoleSlot
    seats: int  # invitations that may still be sent (seats left + overbooking − pending)
    eligible: int
    candidates: list
    shortfall: str | None
    left: int = 0  # seats not yet filled
    pending: int = 0  # invitations awaiting a reply


def ranked_slots(challenge, limit: int = 10, instance=None) -> list[SlotCandidates]:
    """For each slot that takes more invitations, the best candidates; empty when the team is
    complete or every open seat awaits a reply."""
    if instance is None:
        instance = build_instance(challenges=type(challenge).objects.filter(pk=challenge.pk))
    if not instance.challenges:
        return []
    ranking = rank_candidates(instance, challenge_id(challenge.pk), limit=limit)
    matches = [m for s in ranking.slots for m in s.candidates]
    users = get_user_model().objects.in_bulk([pk_of(m.reservist_id) for m in matches])
    slots = RoleSlot.objects.with_taken().in_bulk([pk_of(s.slot_id) for s in ranking.slots])
    return [
        SlotCandidates(
            slot=slots[pk_of(s.slot_id)],
            seats=s.count,
            eligible=s.eligible,
            candidates=[Candidate(users[pk_of(m.reservist_id)], m) for m in s.candidates],
            shortfall=explanation(s.shortfall) or None,
            left=slots[pk_of(s.slot_id)].seats_left,
            pending=Invitation.objects.awaiting(slots[pk_of(s.slot_id)]).count(),
        )
        for s in ranking.slots
    ]


def ranked_for_slot(slot: RoleSlot, limit: int = 10) -> list[Candidate]:
    """The best candidates for one slot, best first, read from the people who have its skill
    at its level only (replacing one decline does not rebuild the whole pool)."""
    instance = build_slot_instance(slot)
    for entry in ranked_slots(slot.challenge, limit=limit, instance=instance):
        if entry.slot.pk == slot.pk:
            return entry.candidates
    return []


def stored_breakdown(match) -> list[dict]:
    """A ranked match's score breakdown as stored with an invitation (as in a proposal)."""
    return [component_to_json(c) for c in match.breakdown]


def worded(breakdown: list[dict]) -> list[tuple[str, dict]]:
    """A stored breakdown as staff read it: (criterion's name, the part with its explanation)."""
    return [
        (
            CRITERIA.get(part["component"], part["component"]),
            part | {"explanation": criterion(part)},
        )
        for part in breakdown
    ]
