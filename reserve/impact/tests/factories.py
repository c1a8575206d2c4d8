"""A delivered challenge with its team, validated hours, indicator and handover, built row by
row: these tests read what the sprints app stores, whatever path wrote it."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from reserve.accounts.tests.factories import UserFactory
from reserve.challenges.choices import ApplicationStatus, Status
from reserve.challenges.models import Application
from reserve.challenges.tests.factories import ChallengeFactory, RoleSlotFactory
from reserve.organisations.models import Kind, Membership, Part
from reserve.organisations.tests.factories import MembershipFactory, OrganisationFactory
from reserve.reservists.models import Engagement, Secondment
from reserve.reservists.tests.factories import ProfileFactory
from reserve.sprints.models import CheckIn, Deliverable, Handover, HoursEntry, Indicator

KICKOFF = date(2026, 1, 5)


def delivered_challenge(**fields):
    now = timezone.now()
    defaults = {
        "status": Status.DELIVERED,
        "submitted_at": now - timedelta(days=60),
        "decided_at": now - timedelta(days=50),
        "team_formed_at": now - timedelta(days=43),
        "sprint_start": KICKOFF,
        "delivered_at": timezone.make_aware(timezone.datetime(2026, 2, 4, 12)),
    }
    return ChallengeFactory(**{**defaults, **fields})


def member(challenge, user=None, skill="tech.backend"):
    user = user or UserFactory(is_reservist=True)
    slot = RoleSlotFactory(challenge=challenge, skill=skill)
    Application.objects.create(slot=slot, user=user, status=ApplicationStatus.ACCEPTED)
    return user


def hours(challenge, user, week, amount, validated=True):
    checkin = CheckIn.objects.create(challenge=challenge, author=user, week=week, progress="ok")
    return HoursEntry.objects.create(
        checkin=checkin,
        challenge=challenge,
        member=user,
        week=week,
        hours=Decimal(amount),
        validated_at=timezone.now() if validated else None,
    )


def indicator(challenge, **fields):
    defaults = {
        "key": "alerts",
        "name": "Alertes envoyées",
        "unit": "alertes",
        "baseline": 0,
        "baseline_date": KICKOFF,
        "target": 1000,
        "source": "Journal du service",
        "measured_by": "L'équipe",
    }
    return Indicator.objects.create(challenge=challenge, **{**defaults, **fields})


def deliverable(challenge, name="Le service d'alerte"):
    return Deliverable.objects.create(
        challenge=challenge,
        name=name,
        kind="service",
        due_date=KICKOFF + timedelta(days=28),
        delivered_at=timezone.now(),
        link="https://alerte.example.org",
    )


def handover(challenge):
    return Handover.objects.create(
        challenge=challenge,
        owner="DDT de la Gironde",
        hosting="Hébergeur public",
        personal_data_and_security="Aucune donnée personnelle.",
        impact_assessment="not_needed",
        impact_assessment_reason="Pas de données personnelles.",
        maintenance_contact="ddt@gironde.gouv.fr",
        if_nobody_takes_over="Le code reste publié.",
    )


def employer_with_admin():
    employer = OrganisationFactory(
        name="Acme Conseil", kind=Kind.COMPANY, parts=Part.EMPLOYER.value
    )
    admin = MembershipFactory(organisation=employer, role=Membership.Role.ADMIN).user
    return employer, admin


def seconded(employer, confirmed=True, **user_fields):
    profile = ProfileFactory(
        user=UserFactory(is_reservist=True, **user_fields),
        engagement=Engagement.SECONDED,
        employer=employer,
        secondment=Secondment.CONFIRMED if confirmed else Secondment.PENDING,
    )
    return profile.user
