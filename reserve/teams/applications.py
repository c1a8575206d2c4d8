"""Applications from the catalogue ("Je me porte volontaire") decided by staff, or for their own
challenges by the sponsor's members and referents, one or in bulk."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.challenges.models import Application, ApplicationStatus, Status
from reserve.challenges.permissions import can_decide_applications
from reserve.core import audit
from reserve.core.notify import notify

from . import invitations


def pending():
    return (
        Application.objects.filter(
            status=ApplicationStatus.PENDING,
            slot__challenge__status__in=[Status.QUALIFIED, Status.TEAM_FORMING],
        )
        .select_related("user", "slot__challenge")
        .order_by("slot__challenge__title", "created_at")
    )


def of_challenge(challenge):
    """The pending applications to one challenge (the sponsor's page)."""
    return pending().filter(slot__challenge=challenge)


@dataclass
class Decided:
    """What a decision did: how many applications were decided, and which could not be accepted
    because their role was already filled (they stay pending)."""

    count: int = 0
    full: list = field(default_factory=list)


@transaction.atomic
def decide(actor, applications, accept: bool) -> Decided:
    """Accept (the person joins the team) or decline pending applications; e-mails each person.

    The actor must be allowed to decide for every challenge concerned (PermissionDenied
    otherwise). An accepted application that fills its role closes the role's other pending
    invitations.
    """
    status = ApplicationStatus.ACCEPTED if accept else ApplicationStatus.DECLINED
    result = Decided()
    chosen = list(applications.select_for_update(of=("self",)))
    for challenge in {a.slot.challenge_id: a.slot.challenge for a in chosen}.values():
        if not can_decide_applications(actor, challenge):
            raise PermissionDenied(
                _("Vous ne pouvez pas décider des candidatures au défi « %(title)s ».")
                % {"title": challenge.title}
            )
    for application in chosen:
        if application.status != ApplicationStatus.PENDING:
            continue
        if accept and invitations.seats_left(application.slot) <= 0:
            result.full.append(application)
            continue
        application.status = status
        application.decided_at = timezone.now()
        application.save(update_fields=["status", "decided_at"])
        _notify(application, accept)
        audit.record(actor, f"teams.application_{status}", application.slot.challenge)
        if accept:
            invitations.close_if_filled(application.slot)
        result.count += 1
    return result


def _notify(application, accept: bool) -> None:
    challenge = application.slot.challenge
    if accept:
        subject = _("Vous rejoignez l'équipe du défi « %(title)s »")
        body = _(
            "Bonne nouvelle : votre candidature comme %(role)s est retenue. "
            "L'espace de l'équipe : %(url)s"
        )
    else:
        subject = _("Votre candidature au défi « %(title)s »")
        body = _(
            "Merci pour votre candidature comme %(role)s. L'équipe est constituée autrement cette "
            "fois-ci ; d'autres défis vous attendent : %(url)s"
        )
    url = reverse("teams:space", args=[challenge.pk]) if accept else reverse("challenges:catalogue")
    values = {"title": challenge.title, "role": application.slot.skill_label}
    # In the app and by e-mail: a decision on one's application is essential.
    notify(
        [application.user],
        subject % values,
        url,
        kind=f"teams.application_{application.status}",
        email_subject=subject % values,
        email_body=body % (values | {"url": settings.SITE_URL + url}),
    )
