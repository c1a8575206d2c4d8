"""Reads that need more than one QuerySet method: the catalogue's facets and the pipeline board."""

from datetime import timedelta
from statistics import median

from django.db.models import Count
from django.utils import timezone

from .models import Challenge, RoleSlot, Status
from .skills import skill_label

BOARD_CARDS_PER_STATUS = 25


def public_skills() -> list[tuple[str, str]]:
    codes = (
        RoleSlot.objects.filter(challenge__in=Challenge.objects.public())
        .values_list("skill", flat=True)
        .distinct()
        .order_by("skill")
    )
    return [(code, skill_label(code)) for code in codes]


def board() -> list[dict]:
    """One column per status: its count and its oldest challenges, with their age in status."""
    counts = dict(Challenge.objects.values_list("status").annotate(n=Count("pk")))
    columns = []
    for status in Status:
        cards = (
            Challenge.objects.filter(status=status)
            .select_related("organisation")
            .order_by("status_changed_at")[:BOARD_CARDS_PER_STATUS]
            if counts.get(status.value)
            else []
        )
        columns.append({"status": status, "count": counts.get(status.value, 0), "cards": cards})
    return columns


def speed(months: int = 6, now=None) -> list[dict]:
    """Median days from submission to decision and from go to team formed, by month of decision."""
    now = now or timezone.now()
    since = (now - timedelta(days=31 * (months - 1))).replace(day=1, hour=0, minute=0)
    rows = Challenge.objects.filter(decided_at__gte=since).values_list(
        "submitted_at", "decided_at", "team_formed_at"
    )
    by_month: dict[str, dict[str, list[float]]] = {}
    for submitted, decided, formed in rows:
        month = timezone.localtime(decided).strftime("%Y-%m")
        bucket = by_month.setdefault(month, {"decision": [], "team": []})
        if submitted:
            bucket["decision"].append((decided - submitted).total_seconds() / 86400)
        if formed:
            bucket["team"].append((formed - decided).total_seconds() / 86400)
    result = []
    for month in sorted(by_month):
        bucket = by_month[month]
        result.append(
            {
                "month": month,
                "decision_days": round(median(bucket["decision"]), 1)
                if bucket["decision"]
                else None,
                "decisions": len(bucket["decision"]),
                "team_days": round(median(bucket["team"]), 1) if bucket["team"] else None,
                "teams": len(bucket["team"]),
            }
        )
    return result


def speed_scale(rows) -> float:
    values = [r[k] for r in rows for k in ("decision_days", "team_days") if r[k] is not None]
    return max(values, default=0) or 1
