"""A challenge in sprint with its people, for the sprints tests (and the journeys)."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from reserve.accounts.tests.factories import UserFactory
from reserve.challenges.models import Application, ApplicationStatus, Challenge, Status
from reserve.challenges.tests.factories import ChallengeFactory, ReferentFactory, RoleSlotFactory
from reserve.organisations.tests.factories import MembershipFactory, OrganisationFactory
from reserve.sprints.models import Deliverable, Indicator, SprintPlan


@dataclass
class Sprint:
    challenge: Challenge
    lead: object
    member: object
    sponsor: object
    referent: object
    staff: object
    outsider: object


def make_sprint(title="Sobriété des mairies", started_days_ago=10, slug=None) -> Sprint:
    """A challenge in sprint for `started_days_ago` days: two members (the first leads), a
    sponsor member, a referent, a staff member and someone with nothing to do with it."""
    sponsor = MembershipFactory(organisation=OrganisationFactory()).user
    start = timezone.localdate() - timedelta(days=started_days_ago)
    challenge = ChallengeFactory(
        title=title,
        **({"slug": slug} if slug else {}),
        organisation=sponsor.memberships.get().organisation,
        created_by=sponsor,
        status=Status.IN_SPRINT,
        sprint_start=start,
        sprint_end=start + timedelta(days=29),
    )
    slot = RoleSlotFactory(challenge=challenge, count=2)
    lead, member = UserFactory(first_name="Alice"), UserFactory(first_name="Bruno")
    for person in (lead, member):
        Application.objects.create(slot=slot, user=person, status=ApplicationStatus.ACCEPTED)
    referent = UserFactory(first_name="Agnès")
    ReferentFactory(challenge=challenge, user=referent, email=referent.email)
    SprintPlan.objects.create(
        challenge=challenge,
        goal="Éteindre les bâtiments publics vides la nuit",
        success_criteria="20 mairies équipées",
        lead=lead,
    )
    return Sprint(
        challenge=challenge,
        lead=lead,
        member=member,
        sponsor=sponsor,
        referent=referent,
        staff=UserFactory(is_staff=True, first_name="Sam"),
        outsider=UserFactory(first_name="Olga"),
    )


def deliverable(challenge, **fields) -> Deliverable:
    values = {
        "name": "Service en ligne",
        "kind": "service",
        "due_date": challenge.sprint_end,
        "mandatory": True,
    }
    return Deliverable.objects.create(challenge=challenge, **{**values, **fields})


def indicator(challenge, **fields) -> Indicator:
    values = {
        "key": "mairies",
        "name": "Mairies équipées",
        "unit": "mairies",
        "baseline": Decimal(0),
        "baseline_date": challenge.sprint_start,
        "target": Decimal(20),
        "source": "Relevé des communes",
        "measured_by": "Le porteur",
    }
    return Indicator.objects.create(challenge=challenge, **{**values, **fields})
