"""The legal verdict with the rule data staff entered, and the waste it means."""

from functools import lru_cache

from django.core.cache import cache

from reserve.core.audit import record

from .. import rules, waste
from ..models import Derogation, EcoWattDay, LocalRule, Report, Shop

RULES_CACHE_KEY = "lightsoff:rule-data"
SUPPORTED_YEARS = (1970, 2100)


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


def forget_rule_data() -> None:
    cache.delete(RULES_CACHE_KEY)


def save_rule_data(actor, rule: LocalRule | Derogation, *, created: bool) -> None:
    """Staff saved a local rule or a derogation: audit it; the next verdicts use it at once."""
    rule.save()
    action = "created" if created else "changed"
    record(actor, f"lightsoff.{rule._meta.model_name}_{action}", rule, commune=rule.commune)
    forget_rule_data()


def delete_rule_data(actor, rule: LocalRule | Derogation) -> None:
    record(actor, f"lightsoff.{rule._meta.model_name}_deleted", rule, commune=rule.commune)
    rule.delete()
    forget_rule_data()


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
