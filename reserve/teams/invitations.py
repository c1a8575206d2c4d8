"""Invitations: sent by staff, answered once through a signed link, expired by a periodic task."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.challenges.models import Application, ApplicationStatus, RoleSlot
from reserve.core import audit

from .build import pk_of
from .models import Invitation, InvitationStatus

SALT = "teams.invitation"


class LinkError(Exception):
    """A reply link that cannot be used; the message says why, in French."""


def _seats_left(slot: RoleSlot) -> int:
    taken = Application.objects.filter(slot=slot, status=ApplicationStatus.ACCEPTED).count()
    return slot.count - taken


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
        if invitation.status == InvitationStatus.EXPIRED:
            raise LinkError(_("Cette invitation a expiré : le délai de réponse est passé."))
        raise LinkError(
            _("Vous avez déjà répondu à cette invitation : ce lien ne sert qu'une fois.")
        )
    if invitation.deadline < timezone.now():
        raise LinkError(_("Cette invitation a expiré : le délai de réponse est passé."))
    return invitation


def invite(actor, slot: RoleSlot, user, proposal=None, explanation=()) -> Invitation | None:
    """Invite a person to a role and e-mail them; None when they were already invited to it."""
    deadline = timezone.now() + timedelta(hours=settings.TEAM_INVITATION_HOURS)
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                slot=slot,
                user=user,
                proposal=proposal,
                invited_by=actor,
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


def send_proposal(actor, proposal) -> int:
    """Invite everyone the proposal assigns; returns how many invitations were sent."""
    from django.contrib.auth import get_user_model

    assignments = proposal.result.get("assignments", [])
    users = get_user_model().objects.in_bulk([pk_of(a["reservist"]) for a in assignments])
    slots = RoleSlot.objects.select_related("challenge").in_bulk(
        [pk_of(a["slot"]) for a in assignments]
    )
    sent = 0
    for a in assignments:
        user, slot = users.get(pk_of(a["reservist"])), slots.get(pk_of(a["slot"]))
        if user and slot and invite(actor, slot, user, proposal, a["breakdown"]):
            sent += 1
    return sent


def team_so_far(slot: RoleSlot) -> list:
    """Who accepted a role in this challenge."""
    return list(
        Application.objects.filter(
            slot__challenge=slot.challenge, status=ApplicationStatus.ACCEPTED
        ).select_related("user", "slot")
    )


def _email(invitation: Invitation) -> None:
    context = {
        "invitation": invitation,
        "challenge": invitation.slot.challenge,
        "slot": invitation.slot,
        "team": team_so_far(invitation.slot),
        "url": reply_url(invitation),
    }
    send_mail(
        _("Invitation à rejoindre l'équipe du défi « %(title)s »")
        % {"title": invitation.slot.challenge.title},
        render_to_string("teams/email/invitation.txt", context),
        None,
        [invitation.user.email],
    )


@transaction.atomic
def accept(invitation: Invitation) -> bool:
    """The person joins the team (their accepted application fills the seat); False when the
    seat was taken meanwhile by someone who answered first, and the invitation then lapses."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != InvitationStatus.PENDING:
        raise LinkError(
            _("Vous avez déjà répondu à cette invitation : ce lien ne sert qu'une fois.")
        )
    if _seats_left(invitation.slot) <= 0:
        invitation.status = InvitationStatus.EXPIRED
        invitation.replacement_handled = True
        invitation.save(update_fields=["status", "replacement_handled"])
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
    return True


@transaction.atomic
def decline(invitation: Invitation, reason: str = "") -> None:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != InvitationStatus.PENDING:
        raise LinkError(
            _("Vous avez déjà répondu à cette invitation : ce lien ne sert qu'une fois.")
        )
    invitation.status = InvitationStatus.DECLINED
    invitation.replied_at = timezone.now()
    invitation.decline_reason = reason
    invitation.save(update_fields=["status", "replied_at", "decline_reason"])
    audit.record(invitation.user, "teams.invitation_declined", invitation)


def expire_overdue(now=None) -> int:
    """Pending invitations past their deadline become expired; returns how many."""
    return Invitation.objects.overdue(now or timezone.now()).update(status=InvitationStatus.EXPIRED)


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
