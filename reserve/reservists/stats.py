"""Pool statistics for staff: a few grouped queries, shaped for bars and tables."""

from datetime import timedelta

from django.db.models import Case, Count, Sum, Value, When
from django.db.models.functions import TruncMonth
from django.utils import timezone

from .departements import DEPARTEMENTS
from .models import ProfileSkill
from .taxonomy import FAMILIES, Level

TOP_DEPARTEMENTS = 15


def by_family_and_level(pool) -> list[dict]:
    family = Case(
        *(When(skill__startswith=f"{f.code}.", then=Value(f.code)) for f in FAMILIES),
        default=Value(""),
    )
    counts = {
        (row["family"], row["level"]): row["people"]
        for row in ProfileSkill.objects.filter(profile__in=pool)
        .annotate(family=family)
        .values("family", "level")
        .annotate(people=Count("profile", distinct=True))
    }
    rows = []
    for f in FAMILIES:
        levels = [
            {"label": level.label, "value": counts.get((f.code, level), 0)} for level in Level
        ]
        rows.append({"label": f.label, "levels": levels, "value": sum(x["value"] for x in levels)})
    largest = max((r["value"] for r in rows), default=0) or 1
    for row in rows:
        for level in row["levels"]:
            level["share"] = round(100 * level["value"] / largest)
    return rows


def hours_next_30_days(pool) -> int:
    today = timezone.localdate()
    available = pool.available_between(today, today + timedelta(days=30))
    weekly = available.aggregate(total=Sum("hours_per_week"))["total"] or 0
    return round(weekly * 30 / 7)


def by_departement(pool) -> list[tuple[str, int]]:
    """(label, count) pairs, as `{% bar_chart %}` takes them."""
    rows = (
        pool.exclude(departement="")
        .values("departement")
        .annotate(value=Count("pk"))
        .order_by("-value", "departement")[:TOP_DEPARTEMENTS]
    )
    return [
        (f"{r['departement']} — {DEPARTEMENTS.get(r['departement'], '')}", r["value"]) for r in rows
    ]


def sign_ups_by_month(profiles, months: int = 12) -> list[tuple[str, int]]:
    since = timezone.now() - timedelta(days=31 * months)
    rows = (
        profiles.filter(created_at__gte=since)
        .annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(value=Count("pk"))
        .order_by("month")
    )
    return [(r["month"].strftime("%m/%Y"), r["value"]) for r in rows]
