"""Replacing a decline or an expiry: in a challenge's automatic mode (`Challenge.auto_replace`,
a team concept owned by this app) the platform invites the next best candidate at once;
otherwise the seat waits on the staff's "places à repourvoir" list
(`Invitation.objects.to_replace()`).
"""

import logging

from django.db import transaction

from reserve.challenges.models import Application, RoleSlot, Status
from reserve.core import audit
from reserve.core.audit import SYSTEM

from .invitations import invite, room
from .models import Invitation
from .ranking import ranked_for_slot, stored_breakdown

logger = logging.getLogger(__name__)


def replace_automatically(invitation: Invitation) -> Invitation | None:
    """Automatic mode: invite the next best candidate in place of a decline or an expiry.

    Never breaks the reply or the task that called it: a failure is logged and the seat stays on
    the staff's "places à repourvoir" list, like when no candidate is left.
    """
    challenge = invitation.slot.challenge
    if not challenge.auto_replace or challenge.status != Status.TEAM_FORMING:
        return None
    try:
        with transaction.atomic():
            return invite_next(invitation.slot)
    except Exception:
        logger.exception("Automatic replacement failed for invitation %s", invitation.pk)
        return None


def invite_next(slot: RoleSlot) -> Invitation | None:
    """Invite, as the platform, the best-ranked candidate for the slot who was never invited to
    the challenge and is not on its team; None when the slot has no room or nobody is left."""
    slot = RoleSlot.objects.select_related("challenge").get(pk=slot.pk)
    if room(slot) <= 0:
        return None
    challenge = slot.challenge
    taken = set(
        Invitation.objects.filter(slot__challenge=challenge).values_list("user_id", flat=True)
    ) | set(
        Application.objects.accepted().of_challenge(challenge).values_list("user_id", flat=True)
    )
    for candidate in ranked_for_slot(slot, limit=len(taken) + 10):
        if candidate.user.pk in taken:
            continue
        invitation = invite(
            SYSTEM, slot, candidate.user, explanation=stored_breakdown(candidate.match)
        )
        if invitation is not None:
            audit.record(SYSTEM, "teams.invitation_auto_replaced", invitation, slot=slot.pk)
            return invitation
    audit.record(SYSTEM, "teams.no_candidate_left", slot.challenge, slot=slot.pk)
    return None
