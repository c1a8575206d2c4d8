"""Demo data: an employer with two confirmed seconded employees and their validated hours.

Runs after the sprints app's demo (INSTALLED_APPS order), which fills the closed challenge
"Canicule : repérer les personnes isolées" (deliverables, measurements, handover): its public
impact page is at /impact/defis/canicule-personnes-isolees/. This demo seats the two employees on
delivered (or later) challenges that still had a free seat, as they stood during the sprint:
the teams services no longer take members once a challenge is past recruiting, so the seat and
the weekly hours are written as the platform would have stored them then.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from reserve.accounts.models import User
from reserve.challenges.choices import ApplicationStatus, Status
from reserve.challenges.models import Application, RoleSlot
from reserve.organisations.models import Organisation
from reserve.reservists.models import Engagement, Profile, Secondment
from reserve.reservists.services import decide_secondment
from reserve.sprints.models import CheckIn, HoursEntry, monday

from . import services

EMPLOYER = "Numéra Conseil"
EMPLOYER_ADMIN = "mecenat@demo.lareserve.fr"
EMPLOYEE = "entreprise@demo.lareserve.fr"
CLOSED = "canicule-personnes-isolees"
WEEKLY_HOURS = (Decimal("6"), Decimal("7.5"), Decimal("5"), Decimal("8"))


def seed(options) -> list[str]:
    employer = Organisation.objects.filter(name=EMPLOYER).first()
    admin = User.objects.filter(email=EMPLOYER_ADMIN).first()
    staff = User.objects.filter(is_staff=True, is_active=True).order_by("pk").first()
    if None in (employer, admin, staff):
        return ["Impact: the demo employer or staff is missing, nothing added."]
    employees = _seconded(employer, admin)
    hours = 0
    for user in employees:
        slot = _seat_of(user) or _free_seat()
        if slot is not None:
            hours += _on_team(user, slot, staff)
    if employees:
        services.set_visibility(employees[0], on_impact_pages=True, public_profile=True)
        services.set_hourly_cost(admin, employer, employees[0], Decimal("58.40"))
    return [
        f"Impact: {len(employees)} seconded employees of {EMPLOYER} confirmed, "
        f"{hours} weekly hours entries validated; impact page: /impact/defis/{CLOSED}/",
        f"  employer (mécénat)     {EMPLOYER_ADMIN}",
    ]


def _seconded(employer, admin) -> list[User]:
    """Emma and one colleague, their secondment confirmed by the employer's admin."""
    profiles = list(
        Profile.objects.filter(engagement=Engagement.SECONDED, employer=employer)
        .select_related("user")
        .order_by("-user__email", "pk")
    )
    profiles.sort(key=lambda profile: profile.user.email != EMPLOYEE)
    chosen = profiles[:2]
    for profile in chosen:
        if profile.secondment == Secondment.PENDING:
            decide_secondment(admin, profile, "confirm")
    return [profile.user for profile in chosen]


def _seat_of(user):
    application = (
        Application.objects.accepted()
        .of_user(user)
        .filter(slot__challenge__status__in=Status.delivered_or_later())
        .select_related("slot__challenge")
        .first()
    )
    return application.slot if application else None


def _free_seat():
    """A seat left on a delivered (or later) challenge that had a sprint, the closed one first."""
    slots = (
        RoleSlot.objects.with_taken()
        .filter(
            challenge__status__in=Status.delivered_or_later(),
            challenge__sprint_start__isnull=False,
        )
        .select_related("challenge")
        .order_by("challenge__slug", "pk")
    )
    free = [slot for slot in slots if slot.seats_left > 0]
    free.sort(key=lambda slot: slot.challenge.slug != CLOSED)
    return free[0] if free else None


def _on_team(user, slot, staff) -> int:
    challenge = slot.challenge
    Application.objects.get_or_create(
        slot=slot,
        user=user,
        defaults={"status": ApplicationStatus.ACCEPTED, "decided_at": challenge.team_formed_at},
    )
    start = monday(challenge.sprint_start or timezone.localdate())
    created = 0
    for week_number, amount in enumerate(WEEKLY_HOURS):
        week = start + timedelta(weeks=week_number)
        if HoursEntry.objects.filter(challenge=challenge, member=user, week=week).exists():
            continue
        checkin = CheckIn.objects.create(
            challenge=challenge,
            author=user,
            week=week,
            progress="Entretiens avec les mairies, premières maquettes, tests.",
        )
        HoursEntry.objects.create(
            checkin=checkin,
            challenge=challenge,
            member=user,
            week=week,
            hours=amount,
            validated_by=staff,
            validated_at=timezone.now(),
        )
        created += 1
    return created
