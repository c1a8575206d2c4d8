"""LightsOff JSON API: the legal verdict, shops in a bounding box, reports, public statistics."""

import json
import math
from typing import Literal

from django.conf import settings
from django.core.cache import cache
from django.db.models import F, TextField, Value
from django.db.models.functions import Cast, JSONArray, JSONObject
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status

from reserve.core.clients import client_ip

from . import explain, queries, rules, services
from . import stats as figures
from .models import Shop, ShopStatus

router = Router(tags=["lightsoff"])

MAX_SHOPS = 500


class ErrorOut(Schema):
    errors: list[dict[str, str]]


class RuleOut(Schema):
    reference: str
    summary: str


class VerdictOut(Schema):
    verdict: Literal["violation", "allowed", "uncertain"]
    forbidden_from: str | None
    forbidden_until: str | None
    rule: RuleOut
    explanation: str


class VerdictQuery(Schema):
    element: str
    at: str | None = None
    opening_hours: str | None = None
    commune: str | None = None


def field_error(field: str, message: str, status: int = 422):
    return Status(status, {"errors": [{"field": field, "message": str(message)}]})


@router.get(
    "/verdict",
    response={200: VerdictOut, 422: ErrorOut},
    summary="Verdict légal pour un éclairage vu allumé",
    description=(
        "Explication et résumé de la règle dans la langue demandée (Accept-Language : fr, en). "
        "element: vitrine, interieur, enseigne ou publicite. at: ISO 8601 (sans décalage : "
        "heure de Paris ; par défaut maintenant). opening_hours: syntaxe OpenStreetMap. "
        "commune: code INSEE. La plage interdite est celle de la nuit contenant `at` "
        "(avant midi : la nuit commencée la veille) ; null quand rien n'est interdit cette nuit-là."
    ),
)
def verdict(request, params: Query[VerdictQuery]):
    try:
        result = services.verdict_for(
            params.element,
            params.at if params.at else timezone.now(),
            opening_hours=params.opening_hours,
            commune=params.commune,
        )
    except rules.InvalidInput as invalid:
        every = getattr(invalid, "errors", [invalid])
        return Status(
            422, {"errors": [{"field": e.field, "message": explain.error_text(e)} for e in every]}
        )
    # Already in the documented shape: skip re-validating it against VerdictOut.
    return JsonResponse(explain.explained(result).as_api())


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    west, south, east, north = (float(part) for part in text.split(","))
    if not (-90 <= south < north <= 90 and -180 <= west < east <= 180):
        raise ValueError
    return south, west, north, east


# Each feature is written as JSON by the database (SQLite's JSON1, PostgreSQL's json functions):
# Python only joins the texts, which keeps a full map answer cheap over 200,000 shops.
FEATURE = Cast(
    JSONObject(
        type=Value("Feature"),
        id=F("id"),
        geometry=JSONObject(type=Value("Point"), coordinates=JSONArray("lon", "lat")),
        properties=JSONObject(
            name=F("name"), category=F("category"), status=F("status"), reports=F("report_count")
        ),
    ),
    TextField(),
)


def geojson_in_bbox(south: float, west: float, north: float, east: float, limit: int) -> str:
    shops = Shop.objects.public().in_bbox(south, west, north, east)
    features = list(shops.annotate(feature=FEATURE).values_list("feature", flat=True)[: limit + 1])
    truncated = "true" if len(features) > limit else "false"
    return (
        f'{{"type":"FeatureCollection","truncated":{truncated},'
        f'"features":[{",".join(features[:limit])}]}}'
    )


@router.get(
    "/shops",
    response={200: dict, 422: ErrorOut},
    summary="Commerces dans un rectangle (GeoJSON)",
    description=(
        f"bbox=ouest,sud,est,nord en degrés (WGS 84). Au plus {MAX_SHOPS} commerces ; "
        "`truncated` vaut true quand il y en a davantage (zoomez). Mis en cache 30 s au plus."
    ),
)
def shops_in_bbox(request, bbox: str, limit: int = MAX_SHOPS):
    try:
        south, west, north, east = parse_bbox(bbox)
    except ValueError:
        return field_error("bbox", _("Attendu : ouest,sud,est,nord en degrés."))
    limit = max(1, min(limit, MAX_SHOPS))
    # Public data, the same for everyone: shared through the cache until a shop changes.
    key = f"lightsoff:bbox:{services.map_generation()}:{south}:{west}:{north}:{east}:{limit}"
    body = cache.get(key) if settings.LIGHTSOFF_MAP_CACHE_SECONDS else None
    if body is None:
        body = geojson_in_bbox(south, west, north, east, limit)
        cache.set(key, body, settings.LIGHTSOFF_MAP_CACHE_SECONDS)
    return HttpResponse(body, content_type="application/geo+json")


class ReportIn(Schema):
    shop_id: int
    element: str
    seen_at: str | None = None
    email: str = ""
    consent: bool = False


class ReportOut(Schema):
    token: str
    verdict: VerdictOut
    kwh_per_night: float
    eur_per_year: float
    kg_co2_per_year: float


@router.post(
    "/reports",
    response={201: ReportOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    summary="Signaler un commerce éclairé",
)
def submit_report(request, payload: ReportIn):
    shop = Shop.objects.public().filter(pk=payload.shop_id).first()
    if shop is None:
        return field_error("shop_id", _("Commerce introuvable."), 404)
    try:
        seen_at = rules.paris_time(payload.seen_at) if payload.seen_at else timezone.now()
        report = services.report_lit_shop(
            shop,
            element=payload.element,
            seen_at=seen_at,
            email=payload.email,
            consent=payload.consent,
            client=client_ip(request),
        )
    except rules.InvalidInput as error:
        field = "seen_at" if error.field == "at" else error.field
        return field_error(field, explain.error_text(error))
    except services.ServiceError as error:
        field, messages = next(iter(error.message_dict.items()))
        return field_error(
            field, messages[0], 429 if isinstance(error, services.RateLimited) else 422
        )
    return Status(
        201,
        {
            "token": report.token,
            "verdict": explain.stored(report).as_api(),
            "kwh_per_night": report.kwh_per_night,
            "eur_per_year": report.eur_per_year,
            "kg_co2_per_year": report.kg_co2_per_year,
        },
    )


@router.get(
    "/stats",
    response=dict,
    summary="Statistiques publiques de LightsOff",
    description=(
        "Compteurs (signalements, commerces éteints, kWh, € et kg CO2 évités par an) et par ville."
    ),
)
def stats(request):
    return {
        "counters": {f["key"]: f["value"] for f in figures.impact_figures()},
        "by_city": [
            {k: row[k] for k in ("city", "commune", "departement", "reported", "off", "kwh")}
            for row in figures.by_city()
        ],
    }


# --- clusters for the impact map ------------------------------------------------------------

MAX_ZOOM = 22
INDIVIDUAL_ZOOM = 16
MAX_CELLS = 5000


def cell_degrees(zoom: int) -> float:
    """About 64 screen pixels at this zoom (a 256-pixel tile spans 360 / 2^zoom degrees)."""
    return 90 / 2**zoom


def clusters_geojson(zoom: int, listed: bool, bbox: list[float]) -> str:
    statuses = [s for s in ShopStatus.values if listed or s != ShopStatus.LISTED]
    west, south, east, north = bbox
    shops = Shop.objects.public().in_bbox(south, west, north, east)
    if not listed:
        shops = shops.exclude(status=ShopStatus.LISTED)
    truncated = False
    features = []
    if zoom >= INDIVIDUAL_ZOOM:
        rows = list(
            shops.order_by("pk").values(
                "id", "lat", "lon", "name", "category", "status", "report_count"
            )[: MAX_SHOPS + 1]
        )
        truncated = len(rows) > MAX_SHOPS
        for row in rows[:MAX_SHOPS]:
            features.append(
                shop_feature(
                    {
                        "shop_id": row["id"],
                        "lat_mean": row["lat"],
                        "lon_mean": row["lon"],
                        "shop_name": row["name"],
                        "shop_category": row["category"],
                        "shop_status": row["status"],
                        "reports": row["report_count"],
                    }
                )
            )
    else:
        for row in queries.grid_cells(shops, cell_degrees(zoom), statuses):
            if row["count"] == 1:
                features.append(shop_feature(row))
                continue
            counts = {s: row[f"n_{s}"] for s in statuses if row[f"n_{s}"]}
            features.append(
                {
                    "type": "Feature",
                    "geometry": {
                        "type": "Point",
                        "coordinates": [round(row["lon_mean"], 6), round(row["lat_mean"], 6)],
                    },
                    "properties": {
                        "cluster": True,
                        "count": row["count"],
                        "statuses": counts,
                        "dominant": max(counts, key=counts.get),
                    },
                }
            )
    return json.dumps(
        {
            "type": "FeatureCollection",
            "bbox": bbox,
            "zoom": zoom,
            "truncated": truncated,
            "features": features,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def shop_feature(row: dict) -> dict:
    return {
        "type": "Feature",
        "id": row["shop_id"],
        "geometry": {"type": "Point", "coordinates": [row["lon_mean"], row["lat_mean"]]},
        "properties": {
            "cluster": False,
            "count": 1,
            "name": row["shop_name"],
            "category": row["shop_category"],
            "status": row["shop_status"],
            "dominant": row["shop_status"],
            "reports": row["reports"],
        },
    }


@router.get(
    "/shops/clusters",
    response={200: dict, 422: ErrorOut},
    summary="Commerces regroupés par zone pour une carte (GeoJSON)",
    description=(
        "bbox=ouest,sud,est,nord en degrés (WGS 84), zoom=0 à 22 (celui de la carte). Les "
        "commerces sont regroupés sur une grille de 90 / 2^zoom degrés : un point par case, "
        "au barycentre, avec `count`, le nombre par statut (`statuses`) et le statut dominant. "
        "Une case d'un seul commerce, et tout commerce à partir du zoom "
        f"{INDIVIDUAL_ZOOM} (au plus {MAX_SHOPS}), est rendu seul, comme dans /shops. Le "
        "rectangle est étendu aux cases entières : `bbox` dans la réponse. Seuls les commerces "
        "signalés au moins une fois, sauf listed=true. Mis en cache 30 s au plus."
    ),
)
def shop_clusters(request, bbox: str, zoom: int, listed: bool = False):
    if not 0 <= zoom <= MAX_ZOOM:
        return field_error(
            "zoom", _("Attendu : un zoom entier de 0 à %(max)s.") % {"max": MAX_ZOOM}
        )
    try:
        south, west, north, east = parse_bbox(bbox)
    except ValueError:
        return field_error("bbox", _("Attendu : ouest,sud,est,nord en degrés."))
    # Whole cells only: clusters do not change as the map pans, and the cache key is the grid.
    cell = cell_degrees(zoom)
    i0, j0 = math.floor((west + 180) / cell), math.floor((south + 90) / cell)
    i1, j1 = math.floor((east + 180) / cell), math.floor((north + 90) / cell)
    if (i1 - i0 + 1) * (j1 - j0 + 1) > MAX_CELLS:
        return field_error("bbox", _("Zone trop grande pour ce zoom : zoomez ou réduisez-la."))
    snapped = [
        max(-180.0, i0 * cell - 180),
        max(-90.0, j0 * cell - 90),
        min(180.0, (i1 + 1) * cell - 180),
        min(90.0, (j1 + 1) * cell - 90),
    ]
    # Same generation as /shops: any change to public data forgets both at once.
    generation = services.map_generation()
    key = f"lightsoff:clusters:{generation}:{zoom}:{i0}:{j0}:{i1}:{j1}:{int(listed)}"
    body = cache.get(key) if settings.LIGHTSOFF_MAP_CACHE_SECONDS else None
    if body is None:
        body = clusters_geojson(zoom, listed, snapped)
        cache.set(key, body, settings.LIGHTSOFF_MAP_CACHE_SECONDS)
    return HttpResponse(body, content_type="application/geo+json")
