"""Reads: QuerySet methods and geometry. Imports no model (models import this module)."""

import math
import re
import unicodedata
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone

# Metres per degree of latitude; a degree of longitude is that times cos(latitude).
METRES_PER_DEGREE = 111_320
WORD_MAX = 40


def search_words(text: str) -> list[str]:
    """Words without accents, in lower case, as stored and searched ("l'Épée" → l, epee)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return sorted({word[:WORD_MAX] for word in re.findall(r"[a-z0-9]+", plain)})


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance in metres: exact enough within a city."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return math.hypot(x, y) * 6_371_000


def box_around(lat: float, lon: float, metres: float) -> tuple[float, float, float, float]:
    """(south, west, north, east) of a square of half-side `metres` around a point."""
    dlat = metres / METRES_PER_DEGREE
    dlon = metres / (METRES_PER_DEGREE * max(0.01, math.cos(math.radians(lat))))
    return lat - dlat, lon - dlon, lat + dlat, lon + dlon


class ShopQuerySet(models.QuerySet):
    def public(self):
        return self.filter(hidden=False)

    def in_bbox(self, south: float, west: float, north: float, east: float):
        # Both bounds on lat then lon: the (lat, lon) index narrows the scan to a latitude band.
        return self.filter(lat__gte=south, lat__lte=north, lon__gte=west, lon__lte=east)

    def nearest(self, lat: float, lon: float, metres: float = 500, limit: int = 30) -> list:
        shops = list(self.public().in_bbox(*box_around(lat, lon, metres))[:2000])
        for shop in shops:
            shop.distance = distance_m(lat, lon, shop.lat, shop.lon)
        return sorted((s for s in shops if s.distance <= metres), key=lambda s: s.distance)[:limit]

    def search(self, text: str):
        """Public shops whose name, address or city hold a word starting with each word typed."""
        terms = search_words(text)[:6]
        if not terms:
            return self.none()
        found = self.public()
        for term in terms:
            found = found.filter(words__word__startswith=term)
        return found.distinct()

    def contactable(self, now=None):
        """Shops volunteers may contact now: asked for, not opted out, not contacted lately."""
        now = now or timezone.now()
        recent = now - timedelta(days=settings.LIGHTSOFF_CONTACT_INTERVAL_DAYS)
        return (
            self.public()
            .filter(in_queue=True, do_not_contact=False, answered_at__isnull=True)
            .exclude(last_contacted_at__gt=recent)
        )

    def prioritised(self):
        """Violations first, then the most reported, never contacted before the others."""
        return self.annotate(
            is_violation=Count("pk", filter=Q(last_verdict="violation")),
            never_contacted=Count("pk", filter=Q(last_contacted_at__isnull=True)),
        ).order_by("-is_violation", "-report_count", "-never_contacted", "last_reported_at")


def grid_cells(shops: models.QuerySet, cell: float, statuses: list[str]) -> list[dict]:
    """Shops grouped on a grid of `cell` degrees, in one GROUP BY query (SQLite and PostgreSQL).

    Each row: the cell (i, j), count, count per status, mean position and, for a cell holding a
    single shop, that shop's fields (the minimum over one row is the row itself).
    """
    from django.db.models import Avg, FloatField, IntegerField, Max, Min, Value
    from django.db.models.functions import Cast, Floor

    # Shifted to be non-negative, so that floor and the cell index agree on both databases.
    def index(field: str, shift: int):
        return Cast(
            Floor((models.F(field) + Value(shift, FloatField())) / Value(cell, FloatField())),
            IntegerField(),
        )

    by_status = {f"n_{s}": Count("pk", filter=Q(status=s)) for s in statuses}
    rows = (
        shops.order_by()
        .annotate(i=index("lon", 180), j=index("lat", 90))
        .values("i", "j")
        .annotate(
            count=Count("pk"),
            lat_mean=Avg("lat"),
            lon_mean=Avg("lon"),
            shop_id=Min("id"),
            shop_name=Min("name"),
            shop_category=Min("category"),
            shop_status=Min("status"),
            reports=Max("report_count"),
            **by_status,
        )
        .order_by("j", "i")
    )
    return list(rows)
