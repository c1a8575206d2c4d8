"""Named write operations of LightsOff. Each checks its invariants and records an audit entry."""

import difflib
import re
from datetime import timedelta
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.accounts.roles import Role, has_role
from reserve.core.audit import record
from reserve.core.caching import invalidate

from . import rules, waste
from .models import (
    AbuseReport,
    Action,
    Answer,
    ContactAttempt,
    Derogation,
    EcoWattDay,
    FollowUp,
    FollowUpAnswer,
    LocalRule,
    Moderation,
    Outcome,
    Reason,
    Report,
    Shop,
    ShopkeeperAnswer,
    ShopStatus,
    TenseDayAlert,
    Verdicts,
)
from .queries import box_around, distance_m

CACHE_SCOPE = "lightsoff"
RULES_CACHE_KEY = "lightsoff:rule-data"
MAP_GENERATION_KEY = "lightsoff:map-generation"
SUPPORTED_YEARS = (1970, 2100)
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
# French premium-rate numbers: 081x-089x (shared cost and premium) and 3xxx short codes.
PREMIUM_RATE = re.compile(r"^(?:\+33|0033|0)8[1-9]|^3\d{3}$")


class ServiceError(ValidationError):
    """A rule of the service a user broke; the message says which, in French."""


# --- reading the rules ------------------------------------------------------------------------


def rule_data() -> tuple[list, list]:
    """Local rules and derogations as pure-module values, cached until staff change them."""
    cached = cache.get(RULES_CACHE_KEY)
    if cached is None:
        cached = (
            [r.as_rule() for r in LocalRule.objects.all()],
            [d.as_rule() for d in Derogation.objects.all()],
        )
        cache.set(RULES_CACHE_KEY, cached, 300)
    return cached


def public_data_changed() -> None:
    """Cached public pages and map answers are stale: forget them all at once."""
    invalidate(CACHE_SCOPE)
    try:
        cache.incr(MAP_GENERATION_KEY)
    except ValueError:
        cache.set(MAP_GENERATION_KEY, 1, None)


def map_generation() -> int:
    return cache.get(MAP_GENERATION_KEY, 0)


def forget_rule_data() -> None:
    cache.delete(RULES_CACHE_KEY)


def ecowatt_on(day) -> int | None:
    key = f"lightsoff:ecowatt:{day.isoformat()}"
    value = cache.get(key)
    if value is None:
        signal = EcoWattDay.objects.filter(day=day).values_list("value", flat=True).first()
        value = signal or 0
        cache.set(key, value, 300)
    return value or None


@lru_cache(maxsize=2048)
def parsed_hours(text: str):
    """Parsing is pure and costs more than the verdict itself: shops share a few hours texts."""
    return rules.parse_opening_hours(text)


def verdict_for(element: str, at, *, opening_hours=None, commune=None, digital=False):
    """The verdict of the pure rules module with the rule data staff entered.

    Raises `rules.InvalidInput`, or `rules.InvalidInputs` naming every value it cannot use.
    """
    values = rules.checked(
        element=lambda: rules.check_element(element),
        moment=lambda: _supported(rules.paris_time(at)),
        hours=lambda: (
            parsed_hours(opening_hours) if isinstance(opening_hours, str) else opening_hours
        ),
        commune=lambda: rules.check_commune(commune or None),
    )
    local_rules, derogations = rule_data()
    return rules.verdict(
        element,
        values["moment"],
        opening_hours=values["hours"],
        commune=values["commune"],
        local_rules=local_rules,
        derogations=derogations,
        ecowatt=ecowatt_on(values["moment"].date()),
        digital=digital,
    )


def _supported(moment):
    if not SUPPORTED_YEARS[0] <= moment.year <= SUPPORTED_YEARS[1]:
        # Far dates overflow the calendar arithmetic of a night; no rule reaches them anyway.
        first, last = SUPPORTED_YEARS
        raise rules.InvalidInput("at", "error.year", first=first, last=last)
    return moment


def shop_verdict(shop: Shop, element: str, at):
    """Like `verdict_for`, for a shop; hours OSM got wrong count as unknown, not as an error."""
    try:
        hours = parsed_hours(shop.opening_hours)
    except rules.InvalidOpeningHours:
        hours = None
    return verdict_for(element, at, opening_hours=hours, commune=shop.commune or None)


def estimate(verdict) -> waste.WasteEstimate:
    return waste.estimate_waste(verdict.element, verdict.forbidden_hours, verdict.night_of)


def report_estimate(report: Report) -> waste.WasteEstimate:
    """The waste estimate of a report, from what it stored (the figures of its night)."""
    night = report.night_of or rules.night_of(report.seen_at)
    return waste.estimate_waste(report.element, report.forbidden_hours, night)


# --- shops and reports ------------------------------------------------------------------------


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
    shop: Shop, *, element: str, seen_at, photo=None, email="", consent=False, comment=""
) -> Report:
    """Record that `element` of `shop` was seen lit at `seen_at`, with its verdict and waste."""
    if seen_at > timezone.now() + timedelta(minutes=5):
        raise ServiceError({"seen_at": _("Cette date est dans le futur.")})
    if seen_at < timezone.now() - REPORT_MAX_AGE:
        raise ServiceError({"seen_at": _("Signalez ce que vous avez vu ces 30 derniers jours.")})
    verdict = shop_verdict(shop, element, seen_at)
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
            email=email if consent else "",
            email_consent=bool(email and consent),
            moderation=Moderation.PENDING if (photo or comment) else Moderation.VISIBLE,
        )
        reopen = Q(
            status__in=[ShopStatus.LISTED, ShopStatus.CONFIRMED_OFF, ShopStatus.NOT_APPLICABLE]
        )
        Shop.objects.filter(pk=shop.pk).update(
            report_count=F("report_count") + 1,
            last_verdict=verdict.status,
            last_reported_at=report.created_at,
        )
        Shop.objects.filter(reopen, pk=shop.pk).update(status=ShopStatus.REPORTED)
        if verdict.status == "violation":
            Shop.objects.filter(pk=shop.pk).update(
                kwh_per_year=figures.kwh_per_year,
                eur_per_year=figures.eur_per_year,
                kg_co2_per_year=figures.kg_co2_per_year,
            )
        record(None, "lightsoff.reported", report, verdict=verdict.status)
    public_data_changed()
    return report


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


# --- shopkeeper -------------------------------------------------------------------------------


def answer_as_shopkeeper(shop: Shop, answer: str, reason: str = "") -> ShopkeeperAnswer:
    """The shopkeeper's answer by their link: updates the status and stops the contacts."""
    if answer not in Answer.values:
        raise ServiceError({"answer": _("Réponse inconnue.")})
    if answer == Answer.REASON and reason not in Reason.values:
        raise ServiceError({"reason": _("Choisissez une raison.")})
    now = timezone.now()
    with transaction.atomic():
        given = ShopkeeperAnswer.objects.create(
            shop=shop, answer=answer, reason=reason if answer == Answer.REASON else ""
        )
        shop.answered_at = now
        shop.in_queue = False
        shop.claimed_by = None
        if answer == Answer.DO_NOT_CONTACT:
            shop.do_not_contact = True
        if answer == Answer.REASON and reason == Reason.OPEN_AT_NIGHT:
            shop.status = ShopStatus.NOT_APPLICABLE
        elif shop.status != ShopStatus.CONFIRMED_OFF:
            shop.status = ShopStatus.ANSWERED
        shop.save()
        record(None, "lightsoff.shopkeeper_answered", shop, answer=answer, reason=reason)
    public_data_changed()
    return given


# --- volunteers -------------------------------------------------------------------------------


def is_premium_rate(phone: str) -> bool:
    digits = re.sub(r"[\s.\-()]", "", phone or "")
    return bool(PREMIUM_RATE.match(digits))


def require_volunteer(user) -> None:
    if not (has_role(user, Role.RESERVIST) or has_role(user, Role.STAFF)):
        raise PermissionDenied(_("La file des bénévoles est réservée aux réservistes."))


def claim_shop(user, shop_id: int, now=None) -> bool:
    """Give `user` the shop for LIGHTSOFF_CLAIM_MINUTES; False when someone else holds it.

    One conditional UPDATE: of two volunteers claiming at once, exactly one changes the row.
    """
    require_volunteer(user)
    now = now or timezone.now()
    free = Q(claimed_by__isnull=True) | Q(claim_expires_at__lt=now) | Q(claimed_by=user)
    expires = now + timedelta(minutes=settings.LIGHTSOFF_CLAIM_MINUTES)
    contactable = Shop.objects.contactable(now).filter(pk=shop_id)
    won = contactable.filter(free).update(claimed_by=user, claim_expires_at=expires) == 1
    if won:
        record(user, "lightsoff.claimed", Shop.objects.get(pk=shop_id))
    return won


def holds_claim(user, shop: Shop, now=None) -> bool:
    now = now or timezone.now()
    return shop.claimed_by_id == user.pk and shop.claim_expires_at and shop.claim_expires_at > now


def log_contact(user, shop: Shop, outcome: str, notes: str = "") -> ContactAttempt:
    """What the volunteer holding the claim got; releases the claim."""
    require_volunteer(user)
    if not holds_claim(user, shop):
        raise ServiceError(
            _("Prenez d'abord ce commerce dans la file (ou votre réservation a expiré).")
        )
    if outcome not in Outcome.values:
        raise ServiceError({"outcome": _("Résultat inconnu.")})
    with transaction.atomic():
        attempt = ContactAttempt.objects.create(
            shop=shop, volunteer=user, outcome=outcome, notes=notes
        )
        shop.claimed_by = None
        shop.claim_expires_at = None
        shop.last_contacted_at = attempt.created_at
        if outcome == Outcome.WRONG_NUMBER:
            shop.phone = ""
        if shop.status == ShopStatus.REPORTED:
            shop.status = ShopStatus.CONTACTED
        shop.save()
        record(user, "lightsoff.contacted", shop, outcome=outcome)
    public_data_changed()
    return attempt


def release_expired_claims(now=None) -> int:
    now = now or timezone.now()
    return Shop.objects.filter(claim_expires_at__lt=now).update(
        claimed_by=None, claim_expires_at=None
    )


# --- follow-up, purge, moderation, abuse -------------------------------------------------------

# Nothing left to check once a shop is confirmed off or out of scope.
FINAL_STATUSES = (ShopStatus.CONFIRMED_OFF, ShopStatus.NOT_APPLICABLE)
FOLLOW_UP_STATUS = {
    FollowUpAnswer.STILL_LIT: ShopStatus.STILL_LIT,
    FollowUpAnswer.NOW_OFF: ShopStatus.CONFIRMED_OFF,
    FollowUpAnswer.CLOSED: ShopStatus.NOT_APPLICABLE,
}


def record_follow_up(shop: Shop, answer: str) -> FollowUp:
    """Someone went back at night: the shop is confirmed off, still lit, or closed."""
    if answer not in FOLLOW_UP_STATUS:
        raise ServiceError({"answer": _("Réponse inconnue.")})
    if shop.status == ShopStatus.LISTED:
        raise ServiceError(_("Ce commerce n'a jamais été signalé."))
    with transaction.atomic():
        follow_up = FollowUp.objects.create(shop=shop, answer=answer)
        shop.status = FOLLOW_UP_STATUS[answer]
        shop.save(update_fields=["status", "updated_at"])
        record(None, "lightsoff.follow_up", shop, answer=answer)
    public_data_changed()
    return follow_up


def send_follow_ups(now=None) -> int:
    """Invite reporters who left an email, and the volunteers who made contact, to check again
    at night after LIGHTSOFF_FOLLOW_UP_DAYS."""
    now = now or timezone.now()
    due = now - timedelta(days=settings.LIGHTSOFF_FOLLOW_UP_DAYS)
    return _follow_up_reporters(now, due) + _follow_up_volunteers(now, due)


def _follow_up_volunteers(now, due) -> int:
    attempts = ContactAttempt.objects.filter(
        created_at__lte=due, follow_up_sent_at__isnull=True, volunteer__isnull=False
    ).select_related("shop", "volunteer")
    sent = 0
    for attempt in attempts:
        report = attempt.shop.reports.first()
        if report is not None and attempt.shop.status not in FINAL_STATUSES:
            context = {"report": report, "site": settings.SITE_URL, "volunteer": True}
            body = render_to_string("lightsoff/email/follow_up.txt", context)
            send_mail(
                _("Le commerce est-il éteint ? Repassez le voir"),
                body,
                None,
                [attempt.volunteer.email],
            )
            sent += 1
        ContactAttempt.objects.filter(pk=attempt.pk).update(follow_up_sent_at=now)
    return sent


def _follow_up_reporters(now, due) -> int:
    reports = (
        Report.objects.filter(
            created_at__lte=due, follow_up_sent_at__isnull=True, email_consent=True
        )
        .exclude(email="")
        .select_related("shop")
    )
    sent = 0
    for report in reports:
        body = render_to_string(
            "lightsoff/email/follow_up.txt", {"report": report, "site": settings.SITE_URL}
        )
        send_mail(_("Le commerce est-il éteint ? Repassez le voir"), body, None, [report.email])
        Report.objects.filter(pk=report.pk).update(follow_up_sent_at=now)
        sent += 1
    return sent


def purge_personal_data(now=None) -> int:
    """Forget reporters' emails and photos after LIGHTSOFF_PURGE_DAYS."""
    now = now or timezone.now()
    old = Report.objects.filter(
        created_at__lte=now - timedelta(days=settings.LIGHTSOFF_PURGE_DAYS), purged_at__isnull=True
    )
    purged = 0
    for report in old:
        if report.photo:
            report.photo.delete(save=False)
        Report.objects.filter(pk=report.pk).update(email="", photo="", purged_at=now)
        purged += 1
    return purged


def require_moderator(user) -> None:
    if not has_role(user, Role.STAFF):
        raise PermissionDenied(_("La modération est réservée à l'équipe du programme."))


def moderate_report(user, report: Report, *, approve: bool, reason: str = "") -> Report:
    """Approve or hide a report's photo and comment; the author is told why when hidden."""
    require_moderator(user)
    if not approve and not reason.strip():
        raise ServiceError({"reason": _("Indiquez la raison du masquage.")})
    report.moderation = Moderation.VISIBLE if approve else Moderation.HIDDEN
    report.moderation_reason = reason
    report.save(update_fields=["moderation", "moderation_reason"])
    AbuseReport.objects.filter(report=report).update(resolved=True)
    if not approve and report.email:
        body = render_to_string("lightsoff/email/hidden.txt", {"report": report, "reason": reason})
        send_mail(_("Votre signalement a été masqué"), body, None, [report.email])
    record(user, "lightsoff.moderated", report, approve=approve, reason=reason)
    public_data_changed()
    return report


def report_abuse(shop: Shop, reason: str, report: Report | None = None) -> AbuseReport:
    from .models import AbuseReason

    if reason not in AbuseReason.values:
        raise ServiceError({"reason": _("Choisissez un motif.")})
    abuse = AbuseReport.objects.create(shop=shop, report=report, reason=reason)
    if report is not None and report.moderation == Moderation.VISIBLE:
        Report.objects.filter(pk=report.pk).update(moderation=Moderation.PENDING)
    record(None, "lightsoff.abuse", shop, reason=reason)
    return abuse


# --- EcoWatt ----------------------------------------------------------------------------------


def set_ecowatt(day, value: int, message: str = "", source: str = "manual") -> EcoWattDay:
    """Record the day's national signal (1 green, 2 orange, 3 red).

    When a day becomes orange or red, volunteers who asked for it get an e-mail (once per day
    and level: re-importing the same signal sends nothing).
    """
    if value not in EcoWattDay.Signal.values:
        raise ServiceError({"value": _("Le signal vaut 1, 2 ou 3.")})
    previous = EcoWattDay.objects.filter(day=day).values_list("value", flat=True).first() or 0
    signal, _created = EcoWattDay.objects.update_or_create(
        day=day, defaults={"value": value, "message": message[:300], "source": source}
    )
    cache.delete(f"lightsoff:ecowatt:{day.isoformat()}")
    public_data_changed()
    if signal.is_tense and value > previous and day >= timezone.localdate():
        alert_volunteers(signal)
    return signal


def alert_volunteers(signal: EcoWattDay) -> int:
    emails = list(TenseDayAlert.objects.values_list("user__email", flat=True))
    body = render_to_string(
        "lightsoff/email/tense_day.txt", {"signal": signal, "site": settings.SITE_URL}
    )
    subject = _("Jour EcoWatt %(level)s : chaque vitrine éteinte compte") % {
        "level": signal.get_value_display().lower()
    }
    for email in emails:
        send_mail(subject, body, None, [email])
    return len(emails)


def set_tense_day_alert(user, wanted: bool) -> None:
    require_volunteer(user)
    if wanted:
        TenseDayAlert.objects.get_or_create(user=user)
    else:
        TenseDayAlert.objects.filter(user=user).delete()


def fetch_ecowatt_from_rte() -> int:
    """Import RTE's signals (today and the next 3 days) when credentials are configured.

    OAuth2 client credentials, then one GET; RTE allows one call per 15 minutes.
    """
    if not (settings.RTE_CLIENT_ID and settings.RTE_CLIENT_SECRET):
        return 0
    import base64
    import json
    import urllib.request

    from . import ecowatt

    secret = f"{settings.RTE_CLIENT_ID}:{settings.RTE_CLIENT_SECRET}".encode()
    token_request = urllib.request.Request(
        settings.RTE_TOKEN_URL,
        method="POST",
        headers={"Authorization": "Basic " + base64.b64encode(secret).decode()},
    )
    with urllib.request.urlopen(token_request, timeout=20) as response:
        token = json.load(response)["access_token"]
    signals_request = urllib.request.Request(
        settings.RTE_ECOWATT_URL, headers={"Authorization": f"Bearer {token}"}
    )
    with urllib.request.urlopen(signals_request, timeout=20) as response:
        signals = ecowatt.read_signals(response.read().decode("utf-8"))
    for day, value, message in signals:
        set_ecowatt(day, value, message, source="rte")
    return len(signals)


# --- rate limits -------------------------------------------------------------------------------


def hit_rate_limit(kind: str, key: str, limit: int, seconds: int = 3600) -> bool:
    """Count one hit of `key`; True when it is over `limit` in the current window."""
    cache_key = f"lightsoff:rate:{kind}:{key}"
    cache.add(cache_key, 0, seconds)
    try:
        return cache.incr(cache_key) > limit
    except ValueError:
        cache.set(cache_key, 1, seconds)
        return False
