"""Delivery and handover: deliverables delivered with a link or a file, the demo day, the
sponsor's decision, the handover sheet; and the guards the challenge lifecycle runs before
"delivered", "impact follow-up" and "closed" (registered in apps.py)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.challenges.models import Status
from reserve.challenges.services import add_event
from reserve.core.audit import record
from reserve.core.caching import invalidate
from reserve.core.lifecycle import TransitionRefused
from reserve.core.notify import tell

from . import audience
from .choices import DeliveryVerdict
from .models import DeliveryDecision, Handover, SprintPlan, sprint_url
from .permissions import can_decide_delivery, can_write_plan

DELIVERING = (Status.IN_SPRINT,)


@transaction.atomic
def deliver(user, deliverable, link: str = "", upload=None):
    """Mark a deliverable delivered, with a link or a file (or both)."""
    challenge = deliverable.challenge
    if not can_write_plan(user, challenge):
        raise PermissionDenied(_("Seuls l'équipe et l'organisation porteuse livrent."))
    if challenge.status not in DELIVERING:
        raise ValidationError(_("Les livrables se livrent pendant le sprint."))
    if not link and upload is None:
        raise ValidationError({"link": _("Donnez un lien ou joignez un fichier.")})
    deliverable.link = link or deliverable.link
    if upload is not None:
        deliverable.file, deliverable.file_name = upload, upload.name[:200]
    deliverable.delivered_at, deliverable.delivered_by = timezone.now(), user
    deliverable.save()
    add_event(challenge, user, _("Livrable livré : %(name)s") % {"name": deliverable.name})
    record(user, "sprint.deliverable_delivered", challenge, deliverable=deliverable.pk)
    invalidate("challenges")
    invalidate("sprints")
    return deliverable


@transaction.atomic
def record_demo(user, challenge, day, notes: str) -> SprintPlan:
    if not can_write_plan(user, challenge):
        raise PermissionDenied(_("Seuls l'équipe et l'organisation porteuse notent la démo."))
    plan = SprintPlan.objects.filter(challenge=challenge).first()
    if plan is None:
        raise ValidationError(_("Écrivez d'abord le plan de sprint."))
    if challenge.sprint_start and day < challenge.sprint_start:
        raise ValidationError({"demo_day": _("La démo a lieu après le début du sprint.")})
    if day > timezone.localdate():
        raise ValidationError({"demo_day": _("Notez la démo une fois qu'elle a eu lieu.")})
    plan.demo_day, plan.demo_notes = day, notes
    plan.save(update_fields=["demo_day", "demo_notes", "updated_at"])
    add_event(challenge, user, _("Démo du %(day)s notée") % {"day": day})
    record(user, "sprint.demo_recorded", challenge, day=day.isoformat())
    return plan


@transaction.atomic
def decide_delivery(user, challenge, verdict: str, reason: str) -> DeliveryDecision:
    """The sponsor accepts the delivery, or asks for changes with a reason; the team is told."""
    if not can_decide_delivery(user, challenge):
        raise PermissionDenied(_("L'organisation porteuse accepte la livraison."))
    if challenge.status not in DELIVERING:
        raise ValidationError(_("La livraison s'accepte à la fin du sprint."))
    reason = reason.strip()
    if verdict == DeliveryVerdict.CHANGES_REQUESTED and not reason:
        raise ValidationError({"reason": _("Dites ce qu'il faut changer.")})
    decision = DeliveryDecision.objects.create(
        challenge=challenge, verdict=verdict, reason=reason, decided_by=user
    )
    if verdict == DeliveryVerdict.ACCEPTED:
        challenge.deliverables.filter(delivered_at__isnull=False, accepted_at__isnull=True).update(
            accepted_at=decision.decided_at
        )
    add_event(challenge, user, decision.get_verdict_display(), note=reason)
    record(user, "sprint.delivery_decided", challenge, verdict=verdict, reason=reason)
    tell(
        [p for p in audience.team(challenge) if p.pk != user.pk],
        "sprints/email/delivery_decided",
        {"challenge": challenge, "decision": decision},
        url=sprint_url(challenge) + "#livraison",
        kind="sprints.delivery_decided",
    )
    return decision


@transaction.atomic
def save_handover(user, challenge, form) -> Handover:
    """`form`: a bound, valid HandoverForm (its instance the challenge's sheet, or a new one)."""
    if not can_write_plan(user, challenge):
        raise PermissionDenied(_("La passation est remplie par l'équipe et le porteur."))
    if challenge.status not in (Status.IN_SPRINT, Status.DELIVERED, Status.IMPACT_FOLLOW_UP):
        raise ValidationError(_("La fiche de passation se remplit à la livraison."))
    handover = form.save(commit=False)
    created = handover.pk is None
    handover.challenge, handover.filled_by = challenge, user
    handover.save()
    text = _("Fiche de passation remplie") if created else _("Fiche de passation modifiée")
    add_event(challenge, user, text, note=handover.owner)
    record(user, "sprint.handover_saved", challenge, fields=sorted(form.changed_data))
    invalidate("challenges")
    return handover


def accepted(challenge) -> bool:
    latest = challenge.delivery_decisions.order_by("-decided_at", "-pk").first()
    return latest is not None and latest.verdict == DeliveryVerdict.ACCEPTED


def missing_for_delivery(challenge) -> list[str]:
    """What still stands between the sprint and "delivered", in words."""
    missing = [
        _("le livrable obligatoire « %(name)s » n'est pas livré") % {"name": d.name}
        for d in challenge.deliverables.filter(mandatory=True, delivered_at__isnull=True)
    ]
    if not accepted(challenge):
        missing.append(_("l'organisation porteuse n'a pas accepté la livraison"))
    return missing


def delivery_guard(challenge, note: str) -> None:
    """Mandatory deliverables delivered and the sponsor's acceptance; staff (who alone fire this
    transition) may go on without them by writing why."""
    missing = missing_for_delivery(challenge)
    if missing and not note:
        raise TransitionRefused(
            _(
                "Pas encore livré : %(missing)s. L'équipe du programme peut passer outre en "
                "écrivant pourquoi dans la note."
            )
            % {"missing": " ; ".join(missing)}
        )


def handover_guard(challenge, note: str) -> None:
    """The handover sheet, or staff's written reason to go on without it (a product handed over
    before the platform tracked sprints)."""
    if not note and not Handover.objects.filter(challenge=challenge).exists():
        raise TransitionRefused(
            _("Avant le suivi d'impact, remplissez la fiche de passation du produit.")
        )
