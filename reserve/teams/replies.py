"""What becomes of an invitation: the invited person accepts or declines it through its signed
link (logged in as themselves), the platform expires it past its deadline.

Accepting takes a seat: the role slot is locked first, then the seats left are counted, like
every other path that takes a seat (teams/applications.py).
"""

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.core.audit import SYSTEM
from reserve.core.lifecycle import TransitionRefused, fire_each

from . import applications, replacement
from .invitations import SALT
from .lifecycle import INVITATION, lock_slot
from .models import Invitation, InvitationStatus


class LinkError(Exception):
    """A reply link that cannot be used; the message says why."""


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
        raise LinkError(used_message(invitation))
    if invitation.deadline < timezone.now():
        raise LinkError(_("Cette invitation a expiré : le délai de réponse est passé."))
    return invitation


def used_message(invitation: Invitation) -> str:
    if invitation.status == InvitationStatus.FILLED:
        return _(
            "La place a été pourvue entre-temps : cette invitation est close. "
            "Merci pour votre disponibilité !"
        )
    if invitation.status == InvitationStatus.EXPIRED:
        return _("Cette invitation a expiré : le délai de réponse est passé.")
    return _("Vous avez déjà répondu à cette invitation : ce lien ne sert qu'une fois.")


@transaction.atomic
def accept(user, invitation: Invitation) -> bool:
    """The person joins the team (their application is accepted and fills the seat); False when
    the seat was taken meanwhile, and the invitation is then closed.

    `reserve.core.lifecycle.TransitionRefused` when `user` is not the invited person or the
    invitation is no longer pending.
    """
    slot = lock_slot(invitation.slot_id)
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.status != InvitationStatus.PENDING:
        raise TransitionRefused(used_message(locked))
    INVITATION.check(user, locked, "accept")
    if slot.seats_left <= 0:
        applications.close_invitation(invitation)
        return False
    invitation, _previous = INVITATION.fire(user, invitation, "accept")
    applications.join(user, slot)
    applications.seat_taken(slot)
    return True


def decline(user, invitation: Invitation, reason: str = "") -> Invitation | None:
    """Record the refusal; in automatic mode, invite the next candidate (returned, or None)."""
    with transaction.atomic():
        invitation, _previous = INVITATION.fire(user, invitation, "decline", note=reason)
    return replacement.replace_automatically(invitation)


def expire_overdue(now=None) -> int:
    """Pending invitations past their deadline expire (a refusal, e.g. one answered meanwhile, is
    logged and the job goes on); in automatic mode the next candidate is invited for each.
    Returns how many expired."""
    now = now or timezone.now()
    expired = []

    def expire(invitation):
        expired.append(INVITATION.fire(SYSTEM, invitation, "expire")[0])

    fire_each(
        Invitation.objects.overdue(now).select_related("slot__challenge"),
        expire,
        job="expire_invitations",
    )
    for invitation in expired:
        replacement.replace_automatically(invitation)
    return len(expired)
