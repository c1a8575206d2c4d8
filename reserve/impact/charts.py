"""Server-side SVG geometry for the impact charts, and the monthly medians. Pure module.

A chart is drawn by a template from these numbers; its data table is printed next to it, so
the chart adds nothing a screen reader would miss.
"""

from dataclasses import dataclass
from datetime import date
from statistics import median

WIDTH, HEIGHT, PAD_X, PAD_Y = 480, 200, 48, 20


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    day: date
    value: float


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    points: list[Point]
    baseline_y: float
    target_y: float
    low: float
    high: float

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


def line_chart(measurements: list[tuple[date, float]], baseline: tuple[date, float], target: float):
    """Measurements over time, from the baseline, with the target as a horizontal line."""
    series = sorted([baseline, *measurements])
    values = [value for _, value in series] + [target]
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    first, last = series[0][0], series[-1][0]
    days = (last - first).days or 1

    def y(value: float) -> float:
        return round(HEIGHT - PAD_Y - (value - low) / span * (HEIGHT - 2 * PAD_Y), 1)

    points = [
        Point(
            round(PAD_X + (day - first).days / days * (WIDTH - 2 * PAD_X), 1), y(value), day, value
        )
        for day, value in series
    ]
    return LineChart(WIDTH, HEIGHT, points, y(baseline[1]), y(target), low, high)


def monthly_medians(spans: list[tuple[date, date]]) -> list[tuple[date, float, int]]:
    """(month, median days, count) of each month, a span counting in the month it ended."""
    by_month: dict[date, list[int]] = {}
    for start, end in spans:
        if start is None or end is None or end < start:
            continue
        by_month.setdefault(end.replace(day=1), []).append((end - start).days)
    return [(month, median(days), len(days)) for month, days in sorted(by_month.items())]
