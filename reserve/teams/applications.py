"""Applications from the catalogue ("Je me porte volontaire") decided by staff, one or in bulk."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.challenges.models import Application, ApplicationStatus, Status
from reserve.core import audit


def pending():
    return (
        Application.objects.filter(
            status=ApplicationStatus.PENDING,
            slot__challenge__status__in=[Status.QUALIFIED, Status.TEAM_FORMING],
        )
        .select_related("user", "slot__challenge")
        .order_by("slot__challenge__title", "created_at")
    )


@transaction.atomic
def decide(actor, applications, accept: bool) -> int:
    """Accept (the person joins the team) or decline pending applications; e-mails each person."""
    status = ApplicationStatus.ACCEPTED if accept else ApplicationStatus.DECLINED
    decided = 0
    for application in applications.select_for_update(of=("self",)):
        if application.status != ApplicationStatus.PENDING:
            continue
        application.status = status
        application.decided_at = timezone.now()
        application.save(update_fields=["status", "decided_at"])
        _notify(application, accept)
        audit.record(actor, f"teams.application_{status}", application.slot.challenge)
        decided += 1
    return decided


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
    send_mail(
        subject % values,
        body % (values | {"url": settings.SITE_URL + url}),
        None,
        [application.user.email],
    )
