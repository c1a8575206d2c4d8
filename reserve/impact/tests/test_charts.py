from datetime import date

from reserve.impact import charts


def test_a_chart_spans_the_baseline_to_the_last_measurement():
    chart = charts.line_chart(
        [(date(2026, 3, 1), 50.0), (date(2026, 2, 1), 20.0)], (date(2026, 1, 1), 0.0), 100.0
    )
    assert [p.day for p in chart.points] == [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]
    assert chart.points[0].x == charts.PAD_X
    assert chart.points[-1].x == charts.WIDTH - charts.PAD_X
    assert chart.baseline_y == charts.HEIGHT - charts.PAD_Y
    assert chart.target_y == charts.PAD_Y
    assert chart.polyline.startswith("48.0,180.0 ")


def test_a_flat_chart_does_not_divide_by_zero():
    chart = charts.line_chart([], (date(2026, 1, 1), 5.0), 5.0)
    assert chart.baseline_y == chart.target_y


def test_medians_count_a_span_in_the_month_it_ended():
    spans = [
        (date(2026, 1, 1), date(2026, 1, 11)),
        (date(2026, 1, 5), date(2026, 1, 25)),
        (date(2026, 1, 20), date(2026, 2, 3)),
        (date(2026, 2, 1), None),
        (date(2026, 3, 1), date(2026, 2, 1)),
    ]
    assert charts.monthly_medians(spans) == [(date(2026, 1, 1), 15.0, 2), (date(2026, 2, 1), 14, 1)]
