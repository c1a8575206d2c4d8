"""`/api/impact`: the programme's impact and one challenge's, the same figures as the open data."""

from ninja import Path, Router, Schema
from ninja.decorators import decorate_view
from pydantic import Field

from reserve.core.caching import cache_anonymous_page

from . import figures, opendata
from .signals import SCOPE

router = Router(tags=["impact"])
CACHED = 600


class MeasurementOut(Schema):
    date: str
    value: float
    source: str
    evidence_url: str


class IndicatorOut(Schema):
    key: str
    name: str
    unit: str
    baseline: float
    baseline_date: str
    target: float
    direction: str
    source: str
    measurements: list[MeasurementOut]


class ChallengeImpactOut(Schema):
    slug: str
    title: str
    summary: str
    status: str
    themes: list[str]
    territory_level: str
    territory_name: str
    organisation: str
    delivered_at: str | None
    hours: float
    value_eur: float
    days_to_team: int | None
    days_to_delivery: int | None


class ChallengeImpactDetailOut(ChallengeImpactOut):
    indicators: list[IndicatorOut]


class CountOut(Schema):
    count: int


class StatusCountOut(CountOut):
    status: str


class ThemeCountOut(CountOut):
    theme: str


class MonthMediansOut(Schema):
    month: str
    decision_days: float | None
    team_days: float | None
    delivery_days: float | None


class ProgrammeOut(Schema):
    reservists_mobilised: int
    hours: float
    value_eur: float
    hour_value_eur: float
    hour_value_source: str
    organisations_helped: int
    challenges_by_status: list[StatusCountOut]
    challenges_by_theme: list[ThemeCountOut]
    monthly_medians: list[MonthMediansOut]
    challenges: list[ChallengeImpactOut]


class SlugPath(Schema):
    slug: str = Field(..., max_length=180, pattern=r"^[-a-zA-Z0-9_]+$")


@router.get("", response=ProgrammeOut, summary="Programme impact")
@decorate_view(cache_anonymous_page(CACHED, SCOPE))
def programme(request):
    """Totals, challenges by status and theme, monthly medians and the delivered challenges."""
    return opendata.programme_data()


@router.get("/{slug}", response=ChallengeImpactDetailOut, summary="Challenge impact")
@decorate_view(cache_anonymous_page(CACHED, SCOPE))
def challenge(request, path: Path[SlugPath]):
    """A delivered (or later) challenge: hours, value, delays and indicators with measurements."""
    return opendata.challenge_data(figures.get_impact_challenge(path.slug))
