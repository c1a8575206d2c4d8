"""Hours for employers (mécénat de compétences): what its confirmed seconded employees gave.

Only secondments the employer confirmed count (reservists' lifecycle), and only hours validated
by the team lead or the sponsor. Costs are the employer's: they appear on its page and its own
export, never in public data.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Sum
from django.db.models.functions import TruncMonth

from reserve.organisations.models import Organisation
from reserve.reservists.models import Profile
from reserve.sprints.models import HoursEntry

from . import rules
from .models import HourlyCost


@dataclass
class EmployeeHours:
    profile: Profile
    rows: list[dict] = field(default_factory=list)
    cost: Decimal | None = None
    months: list[rules.MonthValuation] = field(default_factory=list)

    @property
    def hours(self) -> Decimal:
        return sum((row["hours"] for row in self.rows), Decimal())

    @property
    def at_cost(self) -> Decimal:
        return sum((month.at_cost for month in self.months), Decimal())

    @property
    def retained(self) -> Decimal:
        return sum((month.retained for month in self.months), Decimal())


def validated_hours(members, start: date, end: date):
    return HoursEntry.objects.validated().filter(member__in=members, week__gte=start, week__lte=end)


def seconded_profiles(employer):
    """The employees whose secondment the employer confirmed, still with an active account."""
    return (
        Profile.objects.seconded_by(employer)
        .filter(user__is_active=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )


def seconded_hours(employer, start: date, end: date) -> list[EmployeeHours]:
    """Each confirmed seconded employee, their validated hours per challenge, and the valuation."""
    profiles = list(seconded_profiles(employer))
    people = {p.user_id: EmployeeHours(p) for p in profiles}
    entries = validated_hours(people, start, end)
    rows = (
        entries.values(
            "member", "challenge__title", "challenge__slug", "challenge__organisation__name"
        )
        .annotate(total=Sum("hours"))
        .order_by("member", "challenge__title")
    )
    for row in rows:
        people[row["member"]].rows.append(
            {
                "challenge": row["challenge__title"],
                "slug": row["challenge__slug"],
                "beneficiary": row["challenge__organisation__name"] or "",
                "hours": row["total"],
            }
        )
    months = defaultdict(dict)
    monthly = entries.annotate(month=TruncMonth("week")).values("member", "month")
    for row in monthly.annotate(total=Sum("hours")):
        months[row["member"]][row["month"]] = row["total"]
    costs = HourlyCost.objects.filter(employer=employer, employee__in=people)
    for cost in costs:
        person = people[cost.employee_id]
        person.cost = cost.amount
        person.months = rules.valuation_at_cost(months[cost.employee_id], cost.amount)
    return list(people.values())


def beneficiaries(employer):
    """The organisations its seconded employees gave validated hours to."""
    members = Profile.objects.seconded_by(employer).values("user")
    return (
        Organisation.objects.filter(
            challenges__hours_entries__member__in=members,
            challenges__hours_entries__validated_at__isnull=False,
        )
        .distinct()
        .order_by("name")
    )
