"""Invitations: sent by staff (or by the platform in automatic mode), answered once through a
signed link, reminded once before the deadline and expired by periodic tasks.

A role slot takes pending invitations up to its seats left plus its overbooking; when the last
seat is taken, the other pending invitations of the slot are closed with a thank-you e-mail.
In a challenge's automatic mode (`Challenge.auto_replace`), a decline or an expiry invites the
next best candidate at once; otherwise the seat waits on the staff's "places à repourvoir" list.
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.challenges.models import Application, ApplicationStatus, RoleSlot, Status
from reserve.core import audit
from reserve.core.audit import SYSTEM
from reserve.core.notify import notify

from .build import pk_of
from .models import Invitation, InvitationStatus

SALT = "teams.invitation"
logger = logging.getLogger(__name__)


class LinkError(Exception):
    """A reply link that cannot be used; the message says why, in French."""


class SlotFull(Exception):
    """No invitation was sent: the slot's seats left and overbooking are all taken."""


def seats_left(slot: RoleSlot) -> int:
    taken = Application.objects.filter(slot=slot, status=ApplicationStatus.ACCEPTED).count()
    return slot.count - taken


def awaiting(slot: RoleSlot, now=None):
    """The slot's pending invitations that may still be accepted (deadline not passed)."""
    return Invitation.objects.pending().filter(slot=slot, deadline__gte=now or timezone.now())


def room(slot: RoleSlot) -> int:
    """How many more invitations the slot takes: seats left + overbooking − pending ones."""
    left = seats_left(slot)
    if left <= 0:
        return 0
    return max(left + slot.overbooking - awaiting(slot).count(), 0)


def full_reason(slot: RoleSlot, user=None) -> str:
    """Why no invitation may be sent to this slot now, in words staff understand."""
    left = max(seats_left(slot), 0)
    values = {
        "role": slot.skill_label,
        "title": slot.challenge.title,
        "left": left,
        "pending": awaiting(slot).count(),
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


def reply_url(invitation: Invitation) -> str:
    return settings.SITE_URL + reverse("teams:reply", args=[token_for(invitation)])


def invitation_from_token(token: str) -> Invitation:
    """The pending invitation behind a link; LinkError when the link is wrong, used or expired."""
    try:
        pk = signing.loads(token, salt=SALT)
    except signing.BadSignature as exc:
        raise LinkError(_("Ce lien d'invitation n'est pas valide.")) from exc
    invitation = Invitation.objects.select_related("slot__challenge", "user").filter(pk=pk).first()
    if invitation is None:
        raise LinkError(_("Cette invitation n'existe plus."))
    if invitation.status != InvitationStatus.PENDING:
        raise LinkError(_link_used_message(invitation))
    if invitation.deadline < timezone.now():
        raise LinkError(_("Cette invitation a expiré : le délai de réponse est passé."))
    return invitation


def invite(actor, slot: RoleSlot, user, proposal=None, explanation=()) -> Invitation | None:
    """Invite a person to a role and e-mail them; None when they were already invited to it.

    Raises SlotFull when the slot's seats left plus its overbooking are already all invited.
    `actor` is a staff member, or SYSTEM when the platform invites by itself.
    """
    deadline = timezone.now() + timedelta(hours=settings.TEAM_INVITATION_HOURS)
    try:
        with transaction.atomic():
            # One sender at a time per slot, so that two senders never overbook it together.
            slot = (
                RoleSlot.objects.select_for_update(of=("self",))
                .select_related("challenge")
                .get(pk=slot.pk)
            )
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
    _email(invitation)
    audit.record(actor, "teams.invitation_sent", invitation, slot=slot.pk)
    return invitation


@dataclass
class Sending:
    """What sending a proposal did: invitations sent, and why the others were not."""

    sent: int = 0
    refused: list[str] = field(default_factory=list)


def send_proposal(actor, proposal) -> Sending:
    """Invite everyone the proposal assigns, as long as each slot has room."""
    from django.contrib.auth import get_user_model

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


def team_so_far(slot: RoleSlot) -> list:
    """Who accepted a role in this challenge."""
    return list(
        Application.objects.filter(
            slot__challenge=slot.challenge, status=ApplicationStatus.ACCEPTED
        ).select_related("user", "slot")
    )


def _email(invitation: Invitation) -> None:
    # An invitation is essential: always e-mailed.
    _tell(
        invitation,
        "teams.invitation",
        _("Invitation à rejoindre l'équipe du défi « %(title)s »"),
        "teams/email/invitation.txt",
        team=team_so_far(invitation.slot),
        url=reply_url(invitation),
    )


def _tell(invitation: Invitation, kind, subject, template, essential=True, **context) -> None:
    """Tell the invited person about their invitation: in the app (a link to the invitation
    page) and by e-mail, `subject` taking the challenge's title, `template` the context."""
    challenge = invitation.slot.challenge
    subject = subject % {"title": challenge.title}
    context |= {"invitation": invitation, "challenge": challenge, "slot": invitation.slot}
    notify(
        [invitation.user],
        subject,
        invitation.get_absolute_url(),
        kind=kind,
        email_subject=subject,
        email_body=render_to_string(template, context),
        essential=essential,
    )


@transaction.atomic
def accept(invitation: Invitation) -> bool:
    """The person joins the team (their accepted application fills the seat); False when the
    seat was taken meanwhile by someone who answered first, and the invitation is then closed."""
    RoleSlot.objects.select_for_update().filter(pk=invitation.slot_id).first()
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != InvitationStatus.PENDING:
        raise LinkError(_link_used_message(invitation))
    if seats_left(invitation.slot) <= 0:
        _close(invitation)
        return False
    invitation.status = InvitationStatus.ACCEPTED
    invitation.replied_at = timezone.now()
    invitation.save(update_fields=["status", "replied_at"])
    Application.objects.update_or_create(
        slot=invitation.slot,
        user=invitation.user,
        defaults={"status": ApplicationStatus.ACCEPTED, "decided_at": invitation.replied_at},
    )
    audit.record(invitation.user, "teams.invitation_accepted", invitation)
    close_if_filled(invitation.slot)
    return True


def close_if_filled(slot: RoleSlot) -> int:
    """Once the slot has no seat left, close its other pending invitations with a thank-you
    e-mail; returns how many. Called whenever someone joins the team."""
    if seats_left(slot) > 0:
        return 0
    closed = 0
    for invitation in Invitation.objects.pending().filter(slot=slot).select_related("user"):
        _close(invitation, email=True)
        closed += 1
    return closed


def _close(invitation: Invitation, email: bool = False) -> None:
    invitation.status = InvitationStatus.FILLED
    invitation.replacement_handled = True
    invitation.save(update_fields=["status", "replacement_handled"])
    audit.record(SYSTEM, "teams.invitation_closed", invitation, slot=invitation.slot_id)
    if email:
        send_filled(invitation)


def send_filled(invitation: Invitation) -> None:
    """Tell the person, kindly, that the seat was filled before they answered."""
    _tell(
        invitation,
        "teams.invitation_closed",
        _("La place au défi « %(title)s » a été pourvue, merci"),
        "teams/email/filled.txt",
        catalogue=settings.SITE_URL + reverse("challenges:catalogue"),
    )


def _link_used_message(invitation: Invitation) -> str:
    if invitation.status == InvitationStatus.FILLED:
        return _(
            "La place a été pourvue entre-temps : cette invitation est close. "
            "Merci pour votre disponibilité !"
        )
    if invitation.status == InvitationStatus.EXPIRED:
        return _("Cette invitation a expiré : le délai de réponse est passé.")
    return _("Vous avez déjà répondu à cette invitation : ce lien ne sert qu'une fois.")


def decline(invitation: Invitation, reason: str = "") -> Invitation | None:
    """Record the refusal; in automatic mode, invite the next candidate (returned, or None)."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.status != InvitationStatus.PENDING:
            raise LinkError(_link_used_message(invitation))
        invitation.status = InvitationStatus.DECLINED
        invitation.replied_at = timezone.now()
        invitation.decline_reason = reason
        invitation.save(update_fields=["status", "replied_at", "decline_reason"])
        audit.record(invitation.user, "teams.invitation_declined", invitation)
    return replace_automatically(invitation)


def expire_overdue(now=None) -> int:
    """Pending invitations past their deadline become expired, and in automatic mode the next
    candidate is invited for each; returns how many expired."""
    now = now or timezone.now()
    expired = []
    for invitation in Invitation.objects.overdue(now).select_related("slot__challenge"):
        with transaction.atomic():
            if (
                not Invitation.objects.overdue(now)
                .filter(pk=invitation.pk)
                .update(status=InvitationStatus.EXPIRED)
            ):
                continue  # answered or expired by another run meanwhile
        invitation.status = InvitationStatus.EXPIRED
        audit.record(SYSTEM, "teams.invitation_expired", invitation)
        expired.append(invitation)
    for invitation in expired:
        replace_automatically(invitation)
    return len(expired)


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
    from .ranking import ranked_slots

    slot = RoleSlot.objects.select_related("challenge").get(pk=slot.pk)
    if room(slot) <= 0:
        return None
    challenge = slot.challenge
    taken = set(
        Invitation.objects.filter(slot__challenge=challenge).values_list("user_id", flat=True)
    ) | set(
        Application.objects.filter(
            slot__challenge=challenge, status=ApplicationStatus.ACCEPTED
        ).values_list("user_id", flat=True)
    )
    for entry in ranked_slots(challenge, limit=len(taken) + 10):
        if entry.slot.pk != slot.pk:
            continue
        for candidate in entry.candidates:
            if candidate.user.pk in taken:
                continue
            invitation = invite(SYSTEM, slot, candidate.user, explanation=explain(candidate.match))
            if invitation is not None:
                audit.record(SYSTEM, "teams.invitation_auto_replaced", invitation, slot=slot.pk)
                return invitation
    audit.record(SYSTEM, "teams.no_candidate_left", slot.challenge, slot=slot.pk)
    return None


def explain(match) -> list[dict]:
    """A ranked match's score breakdown as stored with an invitation (as in a proposal)."""
    return [
        {
            "component": c.name,
            "points": c.points,
            "max_points": c.max_points,
            "explanation": c.explanation,
        }
        for c in match.breakdown
    ]


def to_replace():
    """Declined or expired invitations whose seat is still open: staff invite the next candidate."""
    return (
        Invitation.objects.filter(
            status__in=[InvitationStatus.DECLINED, InvitationStatus.EXPIRED],
            replacement_handled=False,
            slot__challenge__status="team_forming",
        )
        .select_related("slot__challenge", "user")
        .order_by("replied_at", "pk")
    )


# Reminders


def due_reminders(now=None):
    """Pending invitations whose deadline is within TEAM_REMINDER_HOURS, not yet reminded, sent
    before that window opened (an invitation sent inside it needs no reminder)."""
    now = now or timezone.now()
    window = timedelta(hours=settings.TEAM_REMINDER_HOURS)
    return (
        Invitation.objects.pending()
        .filter(
            reminded_at__isnull=True,
            deadline__gt=now,
            deadline__lte=now + window,
            created_at__lte=F("deadline") - window,
        )
        .select_related("slot__challenge", "user")
        .order_by("deadline", "pk")
    )


def send_reminders(now=None) -> int:
    """One reminder per pending invitation close to its deadline, never twice; returns how many."""
    now = now or timezone.now()
    sent = 0
    for invitation in due_reminders(now):
        with transaction.atomic():
            claimed = (
                Invitation.objects.pending()
                .filter(pk=invitation.pk, reminded_at__isnull=True, deadline__gt=now)
                .update(reminded_at=now)
            )
            if claimed:
                send_reminder(invitation)
                sent += 1
    return sent


def send_reminder(invitation: Invitation) -> None:
    """The reminder e-mail: a non-essential message (people may turn those off)."""
    _tell(
        invitation,
        "teams.reminder",
        _("Rappel : votre réponse au défi « %(title)s » est attendue"),
        "teams/email/reminder.txt",
        essential=False,
        url=reply_url(invitation),
    )
