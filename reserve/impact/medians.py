"""The monthly medians of the programme's delays. Pure module."""

from datetime import date
from statistics import median


def monthly_medians(spans: list[tuple[date, date]]) -> list[tuple[date, float, int]]:
    """(month, median days, count) of each month, a span counting in the month it ended."""
    by_month: dict[date, list[int]] = {}
    for start, end in spans:
        if start is None or end is None or end < start:
            continue
        by_month.setdefault(end.replace(day=1), []).append((end - start).days)
    return [(month, median(days), len(days)) for month, days in sorted(by_month.items())]
