from datetime import date
from decimal import Decimal

import pytest

from reserve.impact import rules


def test_it_gives_the_ceiling_of_each_year():
    assert rules.ceiling(date(2024, 6, 1)).monthly == Decimal("3864")
    assert rules.ceiling(date(2025, 1, 1)).monthly == Decimal("3925")
    assert rules.ceiling(date(2026, 12, 31)).monthly == Decimal("4005")


def test_it_carries_the_last_ceiling_over_and_says_so():
    assert rules.ceiling(date(2027, 3, 1)).monthly == Decimal("4005")
    assert rules.is_carried_over(rules.CEILINGS, date(2027, 3, 1))
    assert not rules.is_carried_over(rules.CEILINGS, date(2026, 3, 1))


def test_it_refuses_a_day_before_the_table():
    with pytest.raises(rules.NoRule):
        rules.ceiling(date(2023, 12, 31))


def test_every_entry_has_a_source_and_periods_do_not_overlap():
    for table in (rules.CEILINGS, rules.SECONDMENT_CAPS, rules.HOUR_VALUES):
        ordered = sorted(table, key=lambda entry: entry.valid_from)
        assert all(entry.source for entry in ordered)
        for before, after in zip(ordered, ordered[1:], strict=False):
            assert before.valid_until is not None
            assert before.valid_until < after.valid_from


def test_the_cap_is_three_monthly_ceilings():
    assert rules.monthly_cap(date(2025, 5, 1)) == Decimal("11775")
    assert rules.monthly_cap(date(2026, 5, 1)) == Decimal("12015")


def test_the_public_value_uses_the_hour_value_of_each_month():
    value = rules.public_value({date(2025, 12, 1): Decimal("10"), date(2026, 1, 1): Decimal("2")})
    assert value == Decimal("350.00")
    assert rules.hour_value(date(2026, 1, 1)).source.startswith("Arrêté du 22 décembre 2025")


def test_the_valuation_is_capped_month_by_month():
    months = rules.valuation_at_cost(
        {date(2026, 2, 1): Decimal("150"), date(2026, 1, 1): Decimal("10")}, Decimal("95.50")
    )
    assert [m.month for m in months] == [date(2026, 1, 1), date(2026, 2, 1)]
    assert months[0].retained == Decimal("955.00")
    assert not months[0].capped
    assert months[1].at_cost == Decimal("14325.00")
    assert months[1].retained == Decimal("12015")
    assert months[1].capped


def test_a_negative_cost_is_refused():
    with pytest.raises(ValueError):
        rules.valuation_at_cost({date(2026, 1, 1): Decimal("1")}, Decimal("-1"))
