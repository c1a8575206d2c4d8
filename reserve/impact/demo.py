"""Demo data: an employer with two confirmed seconded employees and their validated hours, and
a closed challenge with a complete public impact page. Runs after the sprints app's demo
(INSTALLED_APPS order) and only adds what that demo left empty.

The challenges demo replays its statuses without a team; a closed challenge no longer takes
applications through the teams services, so the two employees' seats and weekly hours are written
as the platform would have stored them during the sprint.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from reserve.accounts.models import User
from reserve.challenges.choices import ApplicationStatus
from reserve.challenges.models import Application, Challenge
from reserve.organisations.models import Organisation
from reserve.reservists.models import Engagement, Profile, Secondment
from reserve.reservists.services import decide_secondment
from reserve.sprints.models import (
    CheckIn,
    Deliverable,
    Handover,
    HoursEntry,
    Indicator,
    Measurement,
    monday,
)

from . import services

EMPLOYER = "Numéra Conseil"
EMPLOYER_ADMIN = "mecenat@demo.lareserve.fr"
EMPLOYEE = "entreprise@demo.lareserve.fr"
CLOSED = "canicule-personnes-isolees"
FOLLOW_UP = "covoiturage-rural-soignants"
WEEKLY_HOURS = (Decimal("6"), Decimal("7.5"), Decimal("5"), Decimal("8"))


def seed(options) -> list[str]:
    employer = Organisation.objects.filter(name=EMPLOYER).first()
    admin = User.objects.filter(email=EMPLOYER_ADMIN).first()
    staff = User.objects.filter(is_staff=True, is_active=True).order_by("pk").first()
    closed = Challenge.objects.filter(slug=CLOSED).first()
    if None in (employer, admin, staff, closed):
        return ["Impact: the demo employer, staff or closed challenge is missing, nothing added."]
    employees = _seconded(employer, admin)
    follow_up = Challenge.objects.filter(slug=FOLLOW_UP).first() or closed
    hours = 0
    for user, challenge in zip(employees, [closed, follow_up], strict=False):
        hours += _on_team(user, challenge, staff)
    _impact_page(closed, staff)
    if employees:
        services.set_visibility(employees[0], on_impact_pages=True, public_profile=True)
        services.set_hourly_cost(admin, employer, employees[0], Decimal("58.40"))
    return [
        f"Impact: {len(employees)} seconded employees of {EMPLOYER} confirmed, "
        f"{hours} weekly hours entries validated, impact page of « {closed.title} » filled.",
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


def _on_team(user, challenge, staff) -> int:
    slot = challenge.slots.order_by("pk").first()
    if slot is None:
        return 0
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


def _impact_page(challenge, staff) -> None:
    kickoff = challenge.sprint_start or timezone.localdate()
    if not challenge.deliverables.exists():
        Deliverable.objects.create(
            challenge=challenge,
            name="Registre canicule partagé",
            kind="service",
            due_date=kickoff + timedelta(days=28),
            delivered_at=challenge.delivered_at or timezone.now(),
            delivered_by=staff,
            link="https://canicule.demo.lareserve.fr",
            accepted_at=challenge.delivered_at or timezone.now(),
        )
    indicator, created = Indicator.objects.get_or_create(
        challenge=challenge,
        key="communes",
        defaults={
            "name": "Communes utilisant le registre",
            "unit": "communes",
            "baseline": 0,
            "baseline_date": kickoff,
            "target": 120,
            "source": "Comptes actifs du service",
            "measured_by": "La préfecture du Rhône",
        },
    )
    if created:
        delivered = (challenge.delivered_at or timezone.now()).date()
        for months, value in ((1, 34), (3, 81), (6, 132)):
            Measurement.objects.create(
                indicator=indicator,
                date=delivered + timedelta(days=30 * months),
                value=value,
                source="Comptes actifs du service",
                entered_by=staff,
            )
    if not Handover.objects.filter(challenge=challenge).exists():
        Handover.objects.create(
            challenge=challenge,
            owner="Préfecture du Rhône, service interministériel de défense et protection civile",
            licence="EUPL-1.2",
            hosting="Hébergement de l'État (cloud interne), sauvegardes quotidiennes.",
            personal_data_and_security="Registre tenu par chaque mairie, accès nominatifs.",
            impact_assessment="done",
            impact_assessment_reason="AIPD réalisée avec le DPO de la préfecture.",
            maintenance_contact="sidpc@rhone.gouv.fr",
            if_nobody_takes_over="Le code reste publié ; les mairies exportent leur registre.",
            filled_by=staff,
        )
