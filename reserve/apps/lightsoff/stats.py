"""The public figures of LightsOff: counters, by city, by month, the map's extent."""

from django.db.models import Count, Max, Min, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from .models import Moderation, Report, Shop, ShopkeeperAnswer, ShopStatus


def impact_figures() -> list[dict]:
    """The public counters of LightsOff, each with its key, French label and value."""
    reported = Shop.objects.public().exclude(status=ShopStatus.LISTED)
    off = reported.filter(status=ShopStatus.CONFIRMED_OFF)
    avoided = off.aggregate(
        kwh=Sum("kwh_per_year"), eur=Sum("eur_per_year"), co2=Sum("kg_co2_per_year")
    )
    reached = (
        reported.filter(Q(last_contacted_at__isnull=False) | Q(answers__isnull=False))
        .distinct()
        .count()
    )
    answers = ShopkeeperAnswer.objects.values("shop").distinct().count()
    return [
        {"key": "reports", "label": _("signalements de commerces éclairés"),
         "value": Report.objects.exclude(moderation=Moderation.HIDDEN).count()},
        {"key": "confirmed_off", "label": _("commerces éteints"), "value": off.count()},
        {"key": "shops_reported", "label": _("commerces signalés"), "value": reported.count()},
        {"key": "shops_reached", "label": _("commerces contactés"), "value": reached},
        {"key": "answers", "label": _("réponses de commerçants"), "value": answers},
        {"key": "kwh_avoided", "label": _("kWh évités par an"),
         "value": round(avoided["kwh"] or 0)},
        {"key": "eur_avoided", "label": _("euros économisés par an"),
         "value": round(avoided["eur"] or 0)},
        {"key": "co2_avoided", "label": _("kg de CO2 évités par an"),
         "value": round(avoided["co2"] or 0)},
    ]  # fmt: skip


def by_city() -> list[dict]:
    rows = (
        Shop.objects.public()
        .exclude(status=ShopStatus.LISTED)
        .values("city", "commune")
        .annotate(
            reported=Count("pk"),
            off=Count("pk", filter=Q(status=ShopStatus.CONFIRMED_OFF)),
            kwh=Sum("kwh_per_year", filter=Q(status=ShopStatus.CONFIRMED_OFF)),
        )
        .order_by("-reported", "city")
    )
    return [
        {**row, "departement": row["commune"][:2], "kwh": round(row["kwh"] or 0)} for row in rows
    ]


def reports_by_month() -> list[dict]:
    rows = (
        Report.objects.exclude(moderation=Moderation.HIDDEN)
        .annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("month")
    )
    return [{"month": row["month"], "count": row["count"]} for row in rows]


def reported_extent() -> list[list[float]] | None:
    """[[south, west], [north, east]] of the shops on the impact map, None when there are none."""

    box = (
        Shop.objects.public()
        .exclude(status=ShopStatus.LISTED)
        .aggregate(south=Min("lat"), west=Min("lon"), north=Max("lat"), east=Max("lon"))
    )
    if box["south"] is None:
        return None
    return [[box["south"], box["west"]], [box["north"], box["east"]]]
