"""Figures of the mécénat de compétences and of the value of an hour given, as dated data.

Every figure carries its validity period and its source: a new decree is a new entry here, not
an edit in the code that uses it. Pure module: no Django import; amounts are `Decimal` euros.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
URSSAF_CEILINGS = (
    "https://www.urssaf.fr/accueil/outils-documentation/taux-baremes/plafonds-securite-sociale.html"
)


@dataclass(frozen=True, kw_only=True)
class Dated:
    """Something in force from `valid_from` to `valid_until`, both inclusive (None: no end)."""

    valid_from: date
    valid_until: date | None = None
    source: str
    source_url: str = ""

    def covers(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


@dataclass(frozen=True, kw_only=True)
class Ceiling(Dated):
    """The social security ceiling (plafond de la sécurité sociale) of a year."""

    monthly: Decimal
    hourly: Decimal


@dataclass(frozen=True, kw_only=True)
class SecondmentCap(Dated):
    """CGI art. 238 bis: the cost retained per seconded employee and month, in ceilings."""

    ceilings_per_month: int


@dataclass(frozen=True, kw_only=True)
class HourValue(Dated):
    """The value of one hour given, shown on public pages: an assumption, stated with it."""

    amount: Decimal


CEILINGS = (
    Ceiling(
        valid_from=date(2024, 1, 1),
        valid_until=date(2024, 12, 31),
        monthly=Decimal("3864"),
        hourly=Decimal("29"),
        source="Arrêté du 19 décembre 2023 portant fixation du plafond de la sécurité sociale "
        "pour 2024",
        source_url=URSSAF_CEILINGS,
    ),
    Ceiling(
        valid_from=date(2025, 1, 1),
        valid_until=date(2025, 12, 31),
        monthly=Decimal("3925"),
        hourly=Decimal("29"),
        source="Arrêté du 19 décembre 2024 portant fixation du plafond de la sécurité sociale "
        "pour 2025",
        source_url=URSSAF_CEILINGS,
    ),
    Ceiling(
        valid_from=date(2026, 1, 1),
        valid_until=date(2026, 12, 31),
        monthly=Decimal("4005"),
        hourly=Decimal("30"),
        source="Arrêté du 22 décembre 2025 portant fixation du plafond de la sécurité sociale "
        "pour 2026 (JO du 23 décembre 2025)",
        source_url=URSSAF_CEILINGS,
    ),
)

SECONDMENT_CAPS = (
    SecondmentCap(
        valid_from=date(2020, 1, 1),
        ceilings_per_month=3,
        source="CGI art. 238 bis, 1, dernier alinéa (loi n° 2019-1479 du 28 décembre 2019 de "
        "finances pour 2020, art. 134)",
    ),
)

# The hourly social security ceiling: an official, yearly, public figure close to an average
# qualified hour, and the same decree as the cap, so one source backs both.
HOUR_VALUES = tuple(
    HourValue(
        valid_from=ceiling.valid_from,
        valid_until=ceiling.valid_until,
        amount=ceiling.hourly,
        source=ceiling.source,
        source_url=ceiling.source_url,
    )
    for ceiling in CEILINGS
)


class NoRule(LookupError):
    """No dated entry covers the day asked: the table needs its next entry."""


def in_force(entries, day: date):
    """The entry covering `day`; after the last one, the last is carried over (and says so)."""
    for entry in entries:
        if entry.covers(day):
            return entry
    last = max(entries, key=lambda entry: entry.valid_from)
    if day > last.valid_from:
        return last
    raise NoRule(day)


def is_carried_over(entries, day: date) -> bool:
    """True when `day` is past every entry: the figure shown is the last known one."""
    return not any(entry.covers(day) for entry in entries)


def ceiling(day: date) -> Ceiling:
    return in_force(CEILINGS, day)


def monthly_cap(day: date) -> Decimal:
    """The most that can be retained for one seconded employee in the month of `day`."""
    return in_force(SECONDMENT_CAPS, day).ceilings_per_month * ceiling(day).monthly


def hour_value(day: date) -> HourValue:
    """The value given to one hour on public pages (the hourly ceiling in force that day)."""
    return in_force(HOUR_VALUES, day)


def public_value(hours_by_month: dict[date, Decimal]) -> Decimal:
    """Hours given, valued at the hour value in force each month (first day of the month)."""
    values = (hours * hour_value(month).amount for month, hours in hours_by_month.items())
    total = sum(values, Decimal())
    return total.quantize(CENT, ROUND_HALF_UP)


@dataclass(frozen=True)
class MonthValuation:
    month: date
    hours: Decimal
    at_cost: Decimal
    cap: Decimal
    retained: Decimal

    @property
    def capped(self) -> bool:
        return self.retained < self.at_cost


def valuation_at_cost(
    hours_by_month: dict[date, Decimal], hourly_cost: Decimal
) -> list[MonthValuation]:
    """The employer's valuation of the hours of one employee, month by month, capped.

    Each month the cost of the hours given (hours × hourly cost: salary plus social charges)
    is retained up to three monthly ceilings of that month's year (CGI art. 238 bis).
    """
    if hourly_cost < 0:
        raise ValueError("hourly_cost")
    months = []
    for month in sorted(hours_by_month):
        hours = Decimal(hours_by_month[month])
        at_cost = (hours * hourly_cost).quantize(CENT, ROUND_HALF_UP)
        cap = monthly_cap(month)
        months.append(MonthValuation(month, hours, at_cost, cap, min(at_cost, cap)))
    return months
