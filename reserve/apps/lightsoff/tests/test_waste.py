from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reserve.apps.lightsoff import rules_data as data
from reserve.apps.lightsoff.rules import InvalidInput, verdict
from reserve.apps.lightsoff.waste import estimate_waste

PROPERTY = settings(max_examples=100, database=None, deadline=None)
IN_2024 = date(2024, 6, 4)


def test_a_300_w_window_lit_from_1_to_7_uses_1_8_kwh_a_night():
    estimate = estimate_waste("vitrine", 6, IN_2024)

    assert estimate.kwh_per_night == 1.8


def test_yearly_figures_multiply_a_night_by_365_nights_at_the_dated_price_and_emissions():
    estimate = estimate_waste("vitrine", 6, IN_2024)

    assert estimate.kwh_per_year == 657
    assert estimate.eur_per_year == 164.25
    assert estimate.kg_co2_per_year == 82.125


def test_price_is_the_one_in_force_on_the_night():
    before_2023 = estimate_waste("vitrine", 6, date(2022, 6, 4))

    assert before_2023.eur_per_year == 65.7


def test_a_digital_screen_uses_the_screen_power():
    screen = estimate_waste("publicite", 5, IN_2024, digital=True)
    poster = estimate_waste("publicite", 5, IN_2024)

    assert screen.kwh_per_night == 5
    assert poster.kwh_per_night == 1


def test_the_assumptions_come_with_the_figures():
    estimate = estimate_waste("enseigne", 5, IN_2024)

    units = [a.unit for a in estimate.assumptions]
    assert units == ["W", "€/kWh", "kg CO2/kWh", "nights/year"]
    assert estimate.assumptions[0].value == 150
    assert all(a.source and a.label for a in estimate.assumptions)


def test_nothing_forbidden_wastes_nothing():
    estimate = estimate_waste("vitrine", 0, IN_2024)

    assert (estimate.kwh_per_night, estimate.eur_per_year, estimate.kg_co2_per_year) == (0, 0, 0)


def test_the_spring_night_window_of_5_hours_wastes_1_5_kwh():
    result = verdict("vitrine", "2024-03-31T03:30")

    estimate = estimate_waste(result.element, result.forbidden_hours, result.night_of)

    assert estimate.kwh_per_night == 1.5


def test_a_shop_open_all_night_wastes_nothing():
    result = verdict("vitrine", "2024-06-05T02:30", opening_hours="24/7")

    estimate = estimate_waste(result.element, result.forbidden_hours, result.night_of)

    assert estimate.kwh_per_night == 0


def test_unknown_element_is_rejected_naming_the_field():
    with pytest.raises(InvalidInput) as error:
        estimate_waste("facade", 6, IN_2024)

    assert error.value.field == "element"


@pytest.mark.parametrize("hours", [-1, 24.5, float("nan")])
def test_impossible_durations_are_rejected(hours):
    with pytest.raises(InvalidInput) as error:
        estimate_waste("vitrine", hours, IN_2024)

    assert error.value.field == "forbidden_hours"


def test_a_date_without_known_figures_is_an_error():
    with pytest.raises(LookupError):
        estimate_waste("vitrine", 6, date(2010, 1, 1))


@PROPERTY
@given(
    element=st.sampled_from(data.ELEMENTS),
    hours=st.floats(0, 12),
    day=st.dates(min_value=date(2013, 1, 1), max_value=date(2030, 12, 31)),
    digital=st.booleans(),
)
def test_waste_is_never_negative_and_grows_with_the_hours(element, hours, day, digital):
    shorter = estimate_waste(element, hours, day, digital=digital)
    longer = estimate_waste(element, hours + 1, day, digital=digital)

    assert 0 <= shorter.kwh_per_night < longer.kwh_per_night
    assert 0 <= shorter.eur_per_year <= longer.eur_per_year
    assert 0 <= shorter.kg_co2_per_year <= longer.kg_co2_per_year
