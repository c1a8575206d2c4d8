"""What the public impact pages, the open data and the API show: reads only, no personal data
beyond the first names and roles of members who chose to appear."""

from collections import Counter
from datetime import date
from decimal import Decimal

from django.db.models import Count, Prefetch, Sum
from django.db.models.functions import TruncMonth
from django.shortcuts import get_object_or_404
from django.utils import timezone

from reserve.challenges.choices import Status, Theme
from reserve.challenges.models import Application, Challenge
from reserve.reservists.departements import DEPARTEMENTS
from reserve.sprints import charts
from reserve.sprints.models import HoursEntry, Indicator, Measurement

from . import medians as monthly
from . import rules, territories
from .models import Visibility

# A challenge has an impact page once its sprint delivered something.
WITH_IMPACT = Status.delivered_or_later()
MOBILISED = [Status.IN_SPRINT, *WITH_IMPACT]


def days_between(start, end) -> int | None:
    if start is None or end is None:
        return None
    return (as_date(end) - as_date(start)).days


def as_date(moment) -> date:
    return moment.date() if hasattr(moment, "date") else moment


def hours_by_month(entries) -> dict[date, Decimal]:
    rows = entries.annotate(month=TruncMonth("week")).values("month").annotate(total=Sum("hours"))
    return {as_date(row["month"]): row["total"] for row in rows}


def valued_hours(entries) -> dict:
    by_month = hours_by_month(entries)
    today = timezone.localdate()
    assumption = rules.hour_value(today)
    return {
        "hours": sum(by_month.values(), Decimal()),
        "value": rules.public_value(by_month),
        "hour_value": assumption.amount,
        "hour_value_source": assumption.source,
        "hour_value_url": assumption.source_url,
        "hour_value_carried_over": rules.is_carried_over(rules.HOUR_VALUES, today),
    }


def challenges_with_impact():
    return Challenge.objects.filter(status__in=WITH_IMPACT).select_related("organisation")


def get_impact_challenge(slug) -> Challenge:
    return get_object_or_404(challenges_with_impact(), slug=slug)


def visible_team(challenge) -> tuple[list[dict], int]:
    """The members who chose to appear (first name, role), and how many the team has in all."""
    members = list(Application.objects.members(challenge))
    shown = set(
        Visibility.objects.filter(
            user__in=[m.user_id for m in members], on_impact_pages=True
        ).values_list("user_id", flat=True)
    )
    team = [
        {"first_name": m.user.first_name, "role": m.slot.skill_label}
        for m in members
        if m.user_id in shown and m.user.first_name
    ]
    return team, len({m.user_id for m in members})


def indicator_charts(challenge) -> list[charts.Chart]:
    """Each indicator drawn by the sprints app's chart, its measurements in the data table."""
    measurements = Prefetch("measurements", Measurement.objects.order_by("date"))
    indicators = Indicator.objects.filter(challenge=challenge).prefetch_related(measurements)
    return charts.charts(indicators)


def challenge_impact(challenge) -> dict:
    team, team_size = visible_team(challenge)
    return {
        "challenge": challenge,
        "deliverables": list(challenge.deliverables.filter(delivered_at__isnull=False)),
        "team": team,
        "team_size": team_size,
        "hours": valued_hours(HoursEntry.objects.validated().filter(challenge=challenge)),
        "days_to_team": days_between(challenge.decided_at, challenge.team_formed_at),
        "days_to_delivery": days_between(challenge.sprint_start, challenge.delivered_at),
        "indicators": indicator_charts(challenge),
        "handover": getattr(challenge, "handover", None),
    }


def programme() -> dict:
    public = Challenge.objects.filter(status__in=Status.public())
    by_status = dict(
        public.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    themes = Counter(
        code for themes in public.values_list("themes", flat=True) for code in themes.split()
    )
    with_impact = challenges_with_impact()
    places = (
        public.values("territory_level", "territory_name")
        .annotate(n=Count("pk"))
        .order_by("-n", "territory_name")
    )
    return {
        "mobilised": Application.objects.accepted()
        .filter(slot__challenge__status__in=MOBILISED)
        .values("user")
        .distinct()
        .count(),
        "hours": valued_hours(HoursEntry.objects.validated()),
        "by_status": [
            (Status(code).label, by_status[code]) for code in Status.public() if code in by_status
        ],
        "by_theme": [
            (Theme(code).label, count)
            for code, count in themes.most_common()
            if code in Theme.values
        ],
        "organisations_helped": with_impact.exclude(organisation=None)
        .values("organisation")
        .distinct()
        .count(),
        "medians": medians(),
        "territories": list(places),
        "map": territory_map(places),
        "challenges": list(with_impact.order_by("-delivered_at", "title")),
    }


def territory_map(places) -> dict:
    """The regions' tiles and what no region holds (national challenges, communes, unknown)."""
    counts: dict[str, int] = {}
    elsewhere = 0
    for place in places:
        region = territories.region_of(
            place["territory_level"], place["territory_name"], DEPARTEMENTS
        )
        if region is None:
            elsewhere += place["n"]
        else:
            counts[region.code] = counts.get(region.code, 0) + place["n"]
    tiles = [
        {"tile": tile, "fill": SHADES[tile.shade], "ink": "#fff" if tile.shade >= 3 else "#161616"}
        for tile in territories.tiles(counts)
    ]
    return {"tiles": tiles, "elsewhere": elsewhere, "tile": TILE}


TILE = 76  # pixels per square on the map
# From no challenge to the most, light to the programme's blue; text turns white on dark tiles.
SHADES = ("#eeeeee", "#cacafb", "#8585f6", "#4747c4", "#000091")


def medians() -> list[dict]:
    """Median days, month by month: submission → decision, go → full team, kickoff → delivery."""
    rows = Challenge.objects.values_list(
        "submitted_at", "decided_at", "team_formed_at", "sprint_start", "delivered_at"
    )
    spans = {"decision": [], "team": [], "delivery": []}
    for submitted, decided, formed, kickoff, delivered in rows:
        spans["decision"].append(pair(submitted, decided))
        spans["team"].append(pair(decided, formed))
        spans["delivery"].append(pair(kickoff, delivered))
    table: dict[date, dict] = {}
    for name, pairs in spans.items():
        for month, days, count in monthly.monthly_medians(pairs):
            table.setdefault(month, {"month": month})[name] = {"days": days, "count": count}
    return [table[month] for month in sorted(table)]


def pair(start, end):
    return (as_date(start) if start else None, as_date(end) if end else None)
