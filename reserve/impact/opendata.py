"""The impact figures as plain data, for the open-data files, the API and the feed. No personal
data: no names, no costs, only counts, hours, values, indicators and their sources."""

from reserve.sprints.models import HoursEntry, Measurement

from . import figures


def challenge_data(challenge, *, detail: bool = True) -> dict:
    hours = figures.valued_hours(HoursEntry.objects.validated().filter(challenge=challenge))
    data = {
        "slug": challenge.slug,
        "title": challenge.title,
        "summary": challenge.summary,
        "status": challenge.status,
        "themes": challenge.themes.split(),
        "territory_level": challenge.territory_level,
        "territory_name": challenge.territory_name,
        "organisation": challenge.organisation.name if challenge.organisation_id else "",
        "delivered_at": challenge.delivered_at.date().isoformat()
        if challenge.delivered_at
        else None,
        "hours": float(hours["hours"]),
        "value_eur": float(hours["value"]),
        "days_to_team": figures.days_between(challenge.decided_at, challenge.team_formed_at),
        "days_to_delivery": figures.days_between(challenge.sprint_start, challenge.delivered_at),
    }
    if detail:
        data["indicators"] = [
            {
                "key": chart.indicator.key,
                "name": chart.indicator.name,
                "unit": chart.indicator.unit,
                "baseline": float(chart.indicator.baseline),
                "baseline_date": chart.indicator.baseline_date.isoformat(),
                "target": float(chart.indicator.target),
                "direction": chart.indicator.direction,
                "source": chart.indicator.source,
                "measurements": [
                    {
                        "date": m.date.isoformat(),
                        "value": float(m.value),
                        "source": m.source,
                        "evidence_url": m.evidence_url,
                    }
                    for _x, _y, m in chart.points
                ],
            }
            for chart in figures.indicator_charts(challenge)
        ]
    return data


def programme_data() -> dict:
    programme = figures.programme()
    hours = programme["hours"]
    return {
        "reservists_mobilised": programme["mobilised"],
        "hours": float(hours["hours"]),
        "value_eur": float(hours["value"]),
        "hour_value_eur": float(hours["hour_value"]),
        "hour_value_source": hours["hour_value_source"],
        "organisations_helped": programme["organisations_helped"],
        "challenges_by_status": [
            {"status": str(label), "count": count} for label, count in programme["by_status"]
        ],
        "challenges_by_theme": [
            {"theme": str(label), "count": count} for label, count in programme["by_theme"]
        ],
        "monthly_medians": [
            {
                "month": row["month"].isoformat(),
                **{
                    f"{name}_days": float(row[name]["days"]) if name in row else None
                    for name in ("decision", "team", "delivery")
                },
            }
            for row in programme["medians"]
        ],
        "challenges": [challenge_data(c, detail=False) for c in programme["challenges"]],
    }


def recent_measurements(limit: int = 50):
    return (
        Measurement.objects.filter(indicator__challenge__in=figures.challenges_with_impact())
        .select_related("indicator__challenge")
        .order_by("-created_at")[:limit]
    )
