"""Applications, the one owner of their transitions: apply, withdraw, accept, decline, join
(through an accepted invitation) and expire.

A reservist volunteers from the catalogue ("Je me porte volontaire"); staff, or for their own
challenges the sponsor's members and referents, accept or decline, one or in bulk. Whoever takes
the last seat of a role closes what still waits on it: its pending invitations (thanked) and its
pending applications (told kindly that the role is filled).
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from reserve.accounts.models import User
from reserve.challenges.models import Application, ApplicationStatus, RoleSlot, Status
from reserve.challenges.permissions import can_decide_applications
from reserve.core import audit
from reserve.core.audit import SYSTEM
from reserve.core.caching import invalidate
from reserve.core.lifecycle import TransitionRefused, fire_each
from reserve.core.notify import tell

from .lifecycle import APPLICATION, INVITATION, lock_slot
from .models import Invitation

MESSAGE_MAX = 2_000


def open_slots(challenge, but=None) -> list[RoleSlot]:
    """The roles of a recruiting challenge that still take volunteers (except `but`)."""
    if challenge.status not in Status.recruiting():
        return []
    return [s for s in challenge.slots.with_taken() if s.seats_left > 0 and s != but]


def refusal_for_closed(slot: RoleSlot) -> str:
    """Why a filled role takes no volunteer, with the challenge's roles still open."""
    others = [s.skill_label for s in open_slots(slot.challenge, but=slot)]
    text = _("Le rôle « %(role)s » est déjà pourvu.") % {"role": slot.skill_label}
    if others:
        return (
            text
            + " "
            + _("Rôles encore ouverts sur ce défi : %(roles)s.") % {"roles": ", ".join(others)}
        )
    return text + " " + _("L'équipe de ce défi est complète : d'autres défis recrutent.")


@transaction.atomic
def apply(user, slot: RoleSlot, message: str = "") -> Application:
    """ "Je me porte volontaire": a reservist applies to an open role of a recruiting challenge.

    Raises TransitionRefused (a message for the person) when they are not in the reserve, the
    challenge no longer recruits, the role is filled or they already volunteered for it.
    """
    if not user.is_authenticated or not user.is_reservist:
        raise TransitionRefused(_("Rejoignez d'abord la réserve pour vous porter volontaire."))
    slot = lock_slot(slot.pk)
    if slot.challenge.status not in Status.recruiting():
        raise TransitionRefused(_("Ce défi ne recrute plus."))
    if slot.seats_left <= 0:
        raise TransitionRefused(refusal_for_closed(slot))
    message = message.strip()[:MESSAGE_MAX]
    application = Application.objects.filter(slot=slot, user=user).first()
    if application is None:
        application = Application.objects.create(slot=slot, user=user, message=message)
        audit.record(user, "application.apply", application)
    elif application.status in (ApplicationStatus.WITHDRAWN, ApplicationStatus.EXPIRED):
        application, _previous = APPLICATION.fire(user, application, "reapply")
        application.message = message
        application.save(update_fields=["message"])
    elif application.status == ApplicationStatus.DECLINED:
        raise TransitionRefused(
            _("Votre candidature à ce rôle n'a pas été retenue : d'autres rôles vous attendent.")
        )
    else:
        raise TransitionRefused(_("Vous êtes déjà volontaire pour ce rôle."))
    staff = User.objects.filter(is_staff=True, is_active=True)
    tell(
        staff,
        "teams/email/application_received",
        {"application": application, "slot": slot, "challenge": slot.challenge},
        url=reverse("teams:challenge_applications", args=[slot.challenge_id]),
        kind="teams.application",
        essential=False,
    )
    return application


@transaction.atomic
def withdraw(user, application: Application) -> Application:
    application, _previous = APPLICATION.fire(user, application, "withdraw")
    return application


@dataclass
class Decided:
    """What a decision did: how many applications were decided, and which could not be accepted
    because their role was already filled (they are closed and their author told)."""

    count: int = 0
    full: list = field(default_factory=list)


def decide(actor, applications, accept: bool) -> Decided:
    """Accept (the person joins the team) or decline pending applications; tells each person.

    The actor must be allowed to decide for every challenge concerned (PermissionDenied
    otherwise). Each application is decided in its own transaction, its role slot locked.
    """
    chosen = list(applications.select_related("slot__challenge", "user"))
    for challenge in {a.slot.challenge_id: a.slot.challenge for a in chosen}.values():
        if not can_decide_applications(actor, challenge):
            raise PermissionDenied(
                _("Vous ne pouvez pas décider des candidatures au défi « %(title)s ».")
                % {"title": challenge.title}
            )
    result = Decided()
    for application in chosen:
        try:
            if accept:
                accept_one(actor, application)
            else:
                decline_one(actor, application)
        except TransitionRefused:
            application.refresh_from_db()
            if accept and application.status in (
                ApplicationStatus.PENDING,
                ApplicationStatus.EXPIRED,
            ):
                result.full.append(application)
            continue
        result.count += 1
    return result


@transaction.atomic
def accept_one(actor, application: Application) -> Application:
    """The person joins the team; TransitionRefused when the role was filled meanwhile."""
    lock_slot(application.slot_id)
    application, _previous = APPLICATION.fire(actor, application, "accept")
    _tell_decision(application, "application_accepted")
    seat_taken(application.slot)
    return application


@transaction.atomic
def decline_one(actor, application: Application) -> Application:
    application, _previous = APPLICATION.fire(actor, application, "decline")
    _tell_decision(application, "application_declined")
    return application


def join(user, slot: RoleSlot) -> Application:
    """The person accepted an invitation to this role: their application is accepted (created if
    need be). The caller holds the slot's lock and has checked a seat is left."""
    application, created = Application.objects.get_or_create(slot=slot, user=user)
    if created:
        audit.record(user, "application.apply", application, through="invitation")
    application, _previous = APPLICATION.fire(user, application, "join")
    return application


def seat_taken(slot: RoleSlot) -> None:
    """Someone joined: when the role has no seat left, close what still waits on it."""
    invalidate("challenges")
    slot = RoleSlot.objects.select_related("challenge").get(pk=slot.pk)
    if slot.seats_left > 0:
        return
    for invitation in Invitation.objects.pending().filter(slot=slot).select_related("user"):
        close_invitation(invitation)
    for application in Application.objects.pending().filter(slot=slot).select_related("user"):
        expire(application)


def close_invitation(invitation: Invitation) -> None:
    """Close a pending invitation whose seat was filled, with a thank-you."""
    invitation, _previous = INVITATION.fire(SYSTEM, invitation, "close")
    tell(
        [invitation.user],
        "teams/email/filled",
        {"invitation": invitation, "challenge": invitation.slot.challenge, "slot": invitation.slot},
        url=invitation.get_absolute_url(),
        kind="teams.invitation_closed",
    )


def expire(application: Application) -> Application:
    """Close a pending application that can no longer succeed, and say so kindly."""
    application, _previous = APPLICATION.fire(SYSTEM, application, "expire")
    _tell_decision(application, "application_expired")
    return application


def expire_stale() -> int:
    """The periodic sweep: pending applications to challenges that stopped recruiting are
    closed (a refusal is logged and the sweep goes on); returns how many."""
    stale = Application.objects.stale().select_related("slot__challenge", "user")
    done, _refused = fire_each(stale, expire, job="expire_applications")
    return done


def _tell_decision(application: Application, template: str) -> None:
    # A decision on one's application is essential: always e-mailed.
    challenge = application.slot.challenge
    accepted = application.status == ApplicationStatus.ACCEPTED
    url = reverse("teams:space", args=[challenge.pk]) if accepted else challenge.get_absolute_url()
    tell(
        [application.user],
        f"teams/email/{template}",
        {
            "application": application,
            "slot": application.slot,
            "challenge": challenge,
            "open_slots": open_slots(challenge, but=application.slot),
            "catalogue": reverse("challenges:catalogue"),
        },
        url=url,
        kind=f"teams.{template}",
    )
