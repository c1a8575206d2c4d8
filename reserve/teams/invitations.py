"""Sending invitations: by staff (one candidate, or a whole proposal) or by the platform in
automatic mode, each with its signed reply link.

A role slot takes pending invitations up to its seats left plus its overbooking (the slot's
`overbooking`, an invitation concept owned by this app). What happens to an invitation
afterwards is in replies.py, the automatic replacement of a decline or an expiry in
replacement.py, reminders in reminders.py.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.challenges.models import Application, RoleSlot
from reserve.core import audit
from reserve.core.audit import SYSTEM
from reserve.core.notify import tell

from . import seats
from .build import pk_of
from .lifecycle import lock_slot
from .models import Invitation, InvitationStatus

SALT = "teams.invitation"


class SlotFull(Exception):
    """No invitation was sent: the slot's seats left and overbooking are all taken."""


def room(slot: RoleSlot) -> int:
    """How many more invitations the slot takes now (deadline-passed ones no longer count)."""
    return seats.room(slot, Invitation.objects.awaiting(slot).count())


def full_reason(slot: RoleSlot, user=None) -> str:
    """Why no invitation may be sent to this slot now, in words staff understand."""
    left = max(slot.seats_left, 0)
    values = {
        "role": slot.skill_label,
        "title": slot.challenge.title,
        "left": left,
        "pending": Invitation.objects.awaiting(slot).count(),
        "overbooking": slot.overbooking,
        "name": user.display_name if user is not None else "",
    }
    if left == 0:
        text = _("« %(role)s » (%(title)s) est pourvu : aucune invitation n'est envoyée.")
    else:
        text = _(
            "« %(role)s » (%(title)s) a déjà toutes ses invitations en attente : %(pending)s pour "
            "%(left)s place(s) restante(s) et %(overbooking)s en surnombre permise(s)."
        )
    if user is not None:
        text = _("Invitation non envoyée à %(name)s.") + " " + text
    return text % values


def token_for(invitation: Invitation) -> str:
    return signing.dumps(invitation.pk, salt=SALT)


def reply_path(invitation: Invitation) -> str:
    return reverse("teams:reply", args=[token_for(invitation)])


def team_so_far(slot: RoleSlot) -> list:
    """Who already accepted a role in this challenge."""
    return list(Application.objects.members(slot.challenge_id))


def invite(actor, slot: RoleSlot, user, proposal=None, explanation=()) -> Invitation | None:
    """Invite a person to a role and tell them; None when they were already invited to it.

    Raises SlotFull when the slot's seats left plus its overbooking are already all invited.
    `actor` is a staff member, or SYSTEM when the platform invites by itself.
    """
    deadline = timezone.now() + timedelta(hours=settings.TEAM_INVITATION_HOURS)
    try:
        with transaction.atomic():
            # One sender at a time per slot, so that two senders never overbook it together.
            slot = lock_slot(slot.pk)
            if Invitation.objects.filter(slot=slot, user=user).exists():
                return None
            if room(slot) <= 0:
                raise SlotFull(full_reason(slot, user))
            invitation = Invitation.objects.create(
                slot=slot,
                user=user,
                proposal=proposal,
                invited_by=actor if actor is not SYSTEM else None,
                deadline=deadline,
                explanation=list(explanation),
            )
    except IntegrityError:
        return None
    Invitation.objects.filter(
        slot=slot, status__in=[InvitationStatus.DECLINED, InvitationStatus.EXPIRED]
    ).update(replacement_handled=True)
    # An invitation is essential: always e-mailed.
    tell(
        [user],
        "teams/email/invitation",
        {
            "invitation": invitation,
            "challenge": slot.challenge,
            "slot": slot,
            "team": team_so_far(slot),
            "reply_link": settings.SITE_URL + reply_path(invitation),
        },
        url=invitation.get_absolute_url(),
        kind="teams.invitation",
    )
    audit.record(actor, "teams.invitation_sent", invitation, slot=slot.pk)
    return invitation


@dataclass
class Sending:
    """What sending a proposal did: invitations sent, and why the others were not."""

    sent: int = 0
    refused: list[str] = field(default_factory=list)


def send_proposal(actor, proposal) -> Sending:
    """Invite everyone the proposal assigns, as long as each slot has room."""
    assignments = proposal.result.get("assignments", [])
    users = get_user_model().objects.in_bulk([pk_of(a["reservist"]) for a in assignments])
    slots = RoleSlot.objects.select_related("challenge").in_bulk(
        [pk_of(a["slot"]) for a in assignments]
    )
    result = Sending()
    for a in assignments:
        user, slot = users.get(pk_of(a["reservist"])), slots.get(pk_of(a["slot"]))
        if not (user and slot):
            continue
        try:
            if invite(actor, slot, user, proposal, a["breakdown"]):
                result.sent += 1
        except SlotFull as full:
            result.refused.append(str(full))
    return result
