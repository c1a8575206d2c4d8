"""The volunteer's record: the challenges they were on, their roles, hours and deliverables."""

from decimal import Decimal

from django.db.models import Sum

from reserve.challenges.choices import Status
from reserve.challenges.models import Application
from reserve.sprints.models import Deliverable, HoursEntry

from .models import Visibility


def engagements(user, *, public_only: bool = False) -> list[dict]:
    """One entry per challenge the person was on the team of, with validated hours."""
    applications = (
        Application.objects.accepted()
        .of_user(user)
        .select_related("slot__challenge")
        .order_by("-slot__challenge__sprint_start", "slot__challenge__title")
    )
    if public_only:
        applications = applications.filter(slot__challenge__status__in=Status.public())
    hours = dict(
        HoursEntry.objects.validated()
        .filter(member=user)
        .values("challenge")
        .annotate(total=Sum("hours"))
        .values_list("challenge", "total")
    )
    by_challenge: dict[int, dict] = {}
    for application in applications:
        challenge = application.slot.challenge
        entry = by_challenge.setdefault(
            challenge.pk,
            {
                "challenge": challenge.title,
                "object": challenge,
                "roles": [],
                "hours": hours.get(challenge.pk, Decimal()),
                "deliverables": [],
            },
        )
        entry["roles"].append(application.slot.skill_label)
    delivered = Deliverable.objects.filter(
        challenge__in=by_challenge, delivered_at__isnull=False
    ).order_by("due_date")
    for deliverable in delivered:
        by_challenge[deliverable.challenge_id]["deliverables"].append(deliverable.name)
    for entry in by_challenge.values():
        entry["role"] = ", ".join(entry["roles"])
    return list(by_challenge.values())


def total_hours(entries) -> Decimal:
    return sum((entry["hours"] for entry in entries), Decimal())


def visibility_of(user) -> Visibility:
    return Visibility.objects.filter(user=user).first() or Visibility(user=user)
