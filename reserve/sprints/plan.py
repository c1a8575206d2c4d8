"""The sprint plan: written at kickoff by the team and the sponsor, validated by staff. Each change
goes on the challenge's timeline and in the audit log."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.accounts.roles import is_staff_member
from reserve.challenges.models import Status
from reserve.challenges.services import add_event
from reserve.core.audit import record
from reserve.core.caching import invalidate

from .models import Deliverable, Indicator, SprintPlan
from .permissions import can_write_plan

# The plan is written at kickoff and may still change until delivery.
PLANNING = (Status.TEAM_FORMING, Status.IN_SPRINT)


def _check_writer(user, challenge) -> None:
    if not can_write_plan(user, challenge):
        raise PermissionDenied(
            _("Le plan de sprint est écrit par l'équipe et l'organisation porteuse.")
        )
    if challenge.status not in PLANNING:
        raise PermissionDenied(
            _("Le plan se modifie pendant la formation de l'équipe et le sprint (statut : %(s)s).")
            % {"s": challenge.get_status_display()}
        )


@transaction.atomic
def save_plan(user, challenge, data: dict) -> SprintPlan:
    """Create or change the plan (goal, success criteria, risks, lead). A change to a validated
    plan asks staff to validate it again."""
    _check_writer(user, challenge)
    plan = SprintPlan.objects.filter(challenge=challenge).first() or SprintPlan(challenge=challenge)
    created = plan.pk is None
    changed = [name for name, value in data.items() if getattr(plan, name) != value]
    for name, value in data.items():
        setattr(plan, name, value)
    if changed and plan.validated_at is not None:
        plan.validated_at, plan.validated_by = None, None
    plan.save()
    if created or changed:
        text = _("Plan de sprint rédigé") if created else _("Plan de sprint modifié")
        add_event(challenge, user, text, note=plan.goal)
        record(user, "sprint.plan_saved", challenge, fields=sorted(changed))
    return plan


@transaction.atomic
def validate_plan(user, plan: SprintPlan) -> SprintPlan:
    if not is_staff_member(user):
        raise PermissionDenied(_("L'équipe du programme valide le plan de sprint."))
    plan.validated_by, plan.validated_at = user, timezone.now()
    plan.save(update_fields=["validated_by", "validated_at", "updated_at"])
    add_event(plan.challenge, user, _("Plan de sprint validé"))
    record(user, "sprint.plan_validated", plan.challenge)
    return plan


def _unvalidate(challenge) -> None:
    """A change to the plan's deliverables or indicators: staff validate it again, and the
    board (deliverables overdue) is recomputed."""
    SprintPlan.objects.filter(challenge=challenge).update(validated_at=None, validated_by=None)
    invalidate("sprints")


@transaction.atomic
def add_deliverable(user, challenge, data: dict) -> Deliverable:
    _check_writer(user, challenge)
    deliverable = Deliverable.objects.create(challenge=challenge, **data)
    _unvalidate(challenge)
    add_event(challenge, user, _("Livrable ajouté au plan : %(name)s") % {"name": deliverable})
    record(user, "sprint.deliverable_added", challenge, deliverable=deliverable.pk)
    return deliverable


@transaction.atomic
def remove_deliverable(user, deliverable: Deliverable) -> None:
    challenge = deliverable.challenge
    _check_writer(user, challenge)
    if deliverable.is_delivered:
        raise PermissionDenied(_("Un livrable déjà livré reste au plan."))
    deliverable.delete()
    _unvalidate(challenge)
    add_event(challenge, user, _("Livrable retiré du plan : %(name)s") % {"name": deliverable})
    record(user, "sprint.deliverable_removed", challenge, name=deliverable.name)


@transaction.atomic
def add_indicator(user, challenge, data: dict) -> Indicator:
    _check_writer(user, challenge)
    indicator = Indicator.objects.create(challenge=challenge, **data)
    _unvalidate(challenge)
    add_event(challenge, user, _("Indicateur ajouté au plan : %(name)s") % {"name": indicator.name})
    record(user, "sprint.indicator_added", challenge, indicator=indicator.pk)
    return indicator


@transaction.atomic
def remove_indicator(user, indicator: Indicator) -> None:
    challenge = indicator.challenge
    _check_writer(user, challenge)
    if indicator.measurements.exists():
        raise PermissionDenied(_("Un indicateur déjà mesuré reste au plan."))
    indicator.delete()
    _unvalidate(challenge)
    add_event(challenge, user, _("Indicateur retiré du plan : %(name)s") % {"name": indicator.name})
    record(user, "sprint.indicator_removed", challenge, name=indicator.name)
