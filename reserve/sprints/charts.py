"""Each indicator drawn against its baseline and target, server-side, as SVG coordinates the
template turns into a chart (with the same figures in a data table next to it)."""

from dataclasses import dataclass
from decimal import Decimal

WIDTH, HEIGHT, MARGIN = 480, 200, 36


@dataclass
class Chart:
    indicator: object
    points: list  # (x, y, measurement)
    polyline: str
    baseline_y: float
    target_y: float
    top_label: Decimal
    bottom_label: Decimal
    width: int = WIDTH
    height: int = HEIGHT
    margin: int = MARGIN

    @property
    def right(self) -> int:
        return self.width - self.margin

    @property
    def bottom(self) -> int:
        return self.height - self.margin


def chart(indicator, measurements) -> Chart:
    """`measurements` in date order. Time runs from the baseline date to the last measurement."""
    values = [indicator.baseline, indicator.target, *(m.value for m in measurements)]
    low, high = min(values), max(values)
    if high == low:
        high = low + 1
    first = indicator.baseline_date
    last = max([first, *(m.date for m in measurements)])
    days = max((last - first).days, 1)

    def x(day) -> float:
        return round(MARGIN + (WIDTH - 2 * MARGIN) * (day - first).days / days, 1)

    def y(value) -> float:
        share = float((value - low) / (high - low))
        return round(HEIGHT - MARGIN - (HEIGHT - 2 * MARGIN) * share, 1)

    points = [(x(m.date), y(m.value), m) for m in measurements]
    line = [(x(first), y(indicator.baseline))] + [(px, py) for px, py, _m in points]
    return Chart(
        indicator=indicator,
        points=points,
        polyline=" ".join(f"{px},{py}" for px, py in line),
        baseline_y=y(indicator.baseline),
        target_y=y(indicator.target),
        top_label=high,
        bottom_label=low,
    )


def charts(indicators) -> list[Chart]:
    """Indicators with their measurements prefetched (`measurements` ordered by date)."""
    return [chart(indicator, list(indicator.measurements.all())) for indicator in indicators]
