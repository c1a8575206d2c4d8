"""Citizens add shops and report them lit; the verdict is decided and stored once."""

import difflib
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.core.audit import record
from reserve.core.clients import hit_rate_limit

from .. import explain, rules
from ..lifecycle import CITIZEN, SHOP
from ..models import Action, Moderation, Report, Shop, Verdicts
from ..queries import box_around, distance_m
from .common import RateLimited, ServiceError, public_data_changed
from .verdicts import estimate, shop_verdict

REPORT_MAX_AGE = timedelta(days=30)
# Metropolitan France and Corsica, with the overseas départements' boxes.
FRANCE_BOXES = (
    (41.2, -5.5, 51.3, 9.8),
    (15.8, -61.9, 16.6, -60.9),
    (14.3, -61.3, 14.9, -60.7),
    (2.1, -54.7, 5.8, -51.6),
    (-21.4, 55.2, -20.8, 55.9),
    (-13.1, 44.9, -12.6, 45.3),
)


def in_france(lat: float, lon: float) -> bool:
    return any(s <= lat <= n and w <= lon <= e for s, w, n, e in FRANCE_BOXES)


def similar_shops(name: str, lat: float, lon: float, metres: float = 50) -> list[Shop]:
    """Shops within `metres` whose name looks like `name`: probably the same shop."""
    wanted = name.casefold().strip()
    found = []
    for shop in Shop.objects.public().in_bbox(*box_around(lat, lon, metres)):
        other = shop.name.casefold()
        close = distance_m(lat, lon, shop.lat, shop.lon) <= metres
        alike = wanted in other or other in wanted
        if close and (alike or difflib.SequenceMatcher(None, wanted, other).ratio() >= 0.6):
            found.append(shop)
    return found


def add_shop(*, name: str, category: str, lat: float, lon: float, address: str = "") -> Shop:
    """A shop a citizen adds (not yet in OpenStreetMap)."""
    if not in_france(lat, lon):
        raise ServiceError({"lat": _("Cette position est hors de France.")})
    shop = Shop.objects.create(name=name, category=category, lat=lat, lon=lon, address=address)
    record(None, "lightsoff.shop_added", shop)
    public_data_changed()
    return shop


def report_lit_shop(
    shop: Shop,
    *,
    element: str,
    seen_at,
    photo=None,
    email: str = "",
    consent: bool = False,
    comment: str = "",
    client: str | None = None,
) -> Report:
    """Record that `element` of `shop` was seen lit at `seen_at`, with its verdict and waste.

    The one place for a report's policy: rate limits per client address (`client`, the web
    request's; None for the platform's own callers: commands, demo data) and per e-mail,
    consent to keep the e-mail, the time window of what may be reported. Raises `RateLimited`
    (429) or `ServiceError` naming the field.
    """
    email = email.strip().lower()
    limit = settings.LIGHTSOFF_REPORTS_PER_IP_HOUR
    if client is not None and hit_rate_limit("report-ip", client, limit):
        raise RateLimited({"__all__": _("Trop de signalements depuis cette connexion.")})
    check_reporter_email(email, consent)
    check_seen_at(seen_at)
    if email and hit_rate_limit("report-email", email, settings.LIGHTSOFF_REPORTS_PER_EMAIL_HOUR):
        raise RateLimited({"email": _("Trop de signalements avec cette adresse.")})
    try:
        verdict = shop_verdict(shop, element, seen_at)
    except rules.InvalidInput as invalid:
        field = "seen_at" if invalid.field == "at" else invalid.field
        raise ServiceError({field: explain.error_text(invalid)}) from invalid
    figures = estimate(verdict)
    with transaction.atomic():
        report = Report.objects.create(
            shop=shop,
            element=element,
            seen_at=seen_at,
            verdict=verdict.status,
            rule_reference=verdict.rule.reference,
            rule_summary=list(verdict.rule.summary),
            explanation_lines=[list(line) for line in verdict.lines],
            night_of=verdict.night_of,
            forbidden_from=verdict.forbidden_from,
            forbidden_until=verdict.forbidden_until,
            forbidden_hours=verdict.forbidden_hours,
            opening_hours_used=verdict.hours or "",
            kwh_per_night=figures.kwh_per_night,
            kwh_per_year=figures.kwh_per_year,
            eur_per_year=figures.eur_per_year,
            kg_co2_per_year=figures.kg_co2_per_year,
            comment=comment,
            photo=photo or "",
            email=email,
            email_consent=bool(email),
            moderation=Moderation.PENDING if (photo or comment) else Moderation.VISIBLE,
        )
        Shop.objects.filter(pk=shop.pk).update(
            report_count=F("report_count") + 1,
            last_verdict=verdict.status,
            last_reported_at=report.created_at,
        )
        reopens = SHOP.get("report").sources
        if Shop.objects.filter(pk=shop.pk, status__in=reopens).exists():
            SHOP.fire(CITIZEN, shop, "report")
        if verdict.status == "violation":
            Shop.objects.filter(pk=shop.pk).update(
                kwh_per_year=figures.kwh_per_year,
                eur_per_year=figures.eur_per_year,
                kg_co2_per_year=figures.kg_co2_per_year,
            )
        record(None, "lightsoff.reported", report, verdict=verdict.status)
    public_data_changed()
    return report


def check_reporter_email(email: str, consent: bool) -> None:
    """A reporter's e-mail is kept only when valid and with their consent."""
    if not email:
        return
    try:
        validate_email(email)
    except ValidationError as error:
        raise ServiceError({"email": _("Saisissez une adresse e-mail valide.")}) from error
    if not consent:
        raise ServiceError({"consent": _("Cochez la case pour que nous puissions vous écrire.")})


def check_seen_at(seen_at) -> None:
    if seen_at > timezone.now() + timedelta(minutes=5):
        raise ServiceError({"seen_at": _("Cette date est dans le futur.")})
    if seen_at < timezone.now() - REPORT_MAX_AGE:
        raise ServiceError(
            {
                "seen_at": _("Signalez ce que vous avez vu ces %(days)s derniers jours.")
                % {"days": REPORT_MAX_AGE.days}
            }
        )


def record_action(report: Report, action: str) -> Report:
    """The way the reporter chose to act; "volunteers" puts the shop in the volunteers' queue."""
    if action not in Action.values:
        raise ServiceError({"action": _("Action inconnue.")})
    if report.verdict != Verdicts.VIOLATION:
        raise ServiceError(
            {"action": _("Cet éclairage n'est pas une infraction probable : rien à demander.")}
        )
    report.action = action
    report.save(update_fields=["action"])
    if action == Action.VOLUNTEERS:
        Shop.objects.filter(pk=report.shop_id).update(in_queue=True)
    record(None, "lightsoff.action", report, chosen=action)
    return report
