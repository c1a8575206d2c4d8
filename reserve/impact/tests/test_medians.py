from datetime import date

from reserve.impact import medians


def test_medians_count_a_span_in_the_month_it_ended():
    spans = [
        (date(2026, 1, 1), date(2026, 1, 11)),
        (date(2026, 1, 5), date(2026, 1, 25)),
        (date(2026, 1, 20), date(2026, 2, 3)),
        (date(2026, 2, 1), None),
        (date(2026, 3, 1), date(2026, 2, 1)),
    ]
    assert medians.monthly_medians(spans) == [
        (date(2026, 1, 1), 15.0, 2),
        (date(2026, 2, 1), 14, 1),
    ]
