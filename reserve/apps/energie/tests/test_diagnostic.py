"""The pure diagnostic against the official scales and examples of the domain note."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reserve.apps.energie import rules_data as data
from reserve.apps.energie.diagnostic import (
    Household,
    InvalidInputs,
    cheque_energie,
    consumption_units,
    diagnose,
    dpe_class,
    renovation_category,
)

TODAY = date(2026, 3, 1)


def household(**fields):
    return Household(
        **{"household_size": 1, "reference_tax_income": 10_000, "region": "other", **fields}
    )


@pytest.mark.parametrize(("size", "units"), [(1, 1.0), (2, 1.5), (3, 1.8), (4, 2.1), (6, 2.7)])
def test_consumption_units_are_one_half_and_three_tenths(size, units):
    assert consumption_units(size) == units


@pytest.mark.parametrize(
    ("size", "income", "amount"),
    [
        (1, 5_000, 194),  # < 5,600 € per UC, 1 UC
        (1, 6_000, 146),
        (1, 7_000, 98),
        (1, 10_000, 48),
        (1, 10_800, 0),  # the ceiling itself is above the last bracket
        (2, 8_000, 240),  # 1.5 UC: 5,333 € per UC
        (2, 9_000, 176),  # 6,000 € per UC
        (4, 11_000, 277),  # 2.1 UC: 5,238 € per UC
        (4, 20_000, 76),  # 9,524 € per UC
        (4, 23_000, 0),
    ],
)
def test_cheque_energie_follows_the_scale_in_force(size, income, amount):
    assert cheque_energie(size, income, TODAY)["amount_eur"] == amount


def test_a_past_date_gives_the_scale_then_in_force():
    # Before 2019, 144 € for one UC under 5,600 € and nothing from 7,700 €.
    assert cheque_energie(1, 5_000, date(2018, 6, 1))["amount_eur"] == 144
    assert cheque_energie(1, 9_000, date(2018, 6, 1))["amount_eur"] == 0
    # In 2020 the last bracket ended at 10,700 €, from 2021 at 10,800 €.
    assert cheque_energie(1, 10_750, date(2020, 6, 1))["amount_eur"] == 0
    assert cheque_energie(1, 10_750, date(2021, 6, 1))["amount_eur"] == 48


def test_no_scale_before_the_cheque_existed():
    result = cheque_energie(1, 5_000, date(2016, 1, 1))
    assert result["amount_eur"] == 0
    assert result["explanation"]["key"] == "cheque.no_rules"


@given(
    size=st.integers(1, 12),
    income=st.floats(0, 200_000, allow_nan=False),
    more=st.floats(0, 50_000, allow_nan=False),
)
def test_more_income_never_gives_a_larger_cheque(size, income, more):
    assert (
        cheque_energie(size, income + more, TODAY)["amount_eur"]
        <= cheque_energie(size, income, TODAY)["amount_eur"]
    )


@pytest.mark.parametrize(
    ("size", "income", "region", "category"),
    [
        (1, 17_173, "other", "blue"),  # the ceiling itself is inside the category
        (1, 17_174, "other", "yellow"),
        (1, 30_845, "other", "pink"),
        (4, 48_914, "ile-de-france", "blue"),
        (4, 59_549, "ile-de-france", "yellow"),
        (4, 83_637, "ile-de-france", "violet"),
        (2, 45_340, "other", "violet"),
        # Seven people outside Île-de-France: 5 people's blue ceiling + 2 × 5,094 €.
        (7, 40_388 + 2 * 5_094, "other", "blue"),
        (7, 40_388 + 2 * 5_094 + 1, "other", "yellow"),
    ],
)
def test_maprimerenov_category_by_size_and_region(size, income, region, category):
    assert renovation_category(size, income, region, TODAY, None)["category"] == category


def test_maprimerenov_2024_ceilings_for_a_2024_date():
    assert renovation_category(1, 17_100, "other", date(2024, 6, 1), None)["category"] == "yellow"
    assert renovation_category(1, 17_100, "other", date(2025, 6, 1), None)["category"] == "blue"


def test_accompanied_route_limited_to_e_f_g_from_30_september_2025():
    def routes(day, dpe):
        found = renovation_category(1, 10_000, "other", day, dpe)["routes"]
        return [r["route"] for r in found]

    assert routes(date(2025, 9, 29), "C") == ["ampleur", "geste"]
    assert routes(date(2025, 9, 30), "C") == ["geste"]
    assert routes(date(2025, 9, 30), "F") == ["ampleur", "geste"]


def test_violet_households_lost_the_per_measure_route_in_2025():
    def routes(day):
        found = renovation_category(1, 28_000, "other", day, "G")["routes"]
        return [r["route"] for r in found]

    assert routes(date(2024, 6, 1)) == ["ampleur", "geste"]
    assert routes(date(2025, 6, 1)) == ["ampleur"]


@pytest.mark.parametrize(
    ("energy", "ghg", "expected"),
    [
        (69, 5, "A"),
        (70, 5, "B"),
        (100, 40, "D"),  # the greenhouse-gas class is the worse one
        (260, 5, "E"),
        (419, 99, "F"),
        (420, 10, "G"),
        (150, 100, "G"),
    ],
)
def test_dpe_class_is_the_worse_of_both_thresholds(energy, ghg, expected):
    found = dpe_class(household(primary_energy_kwh_m2=energy, ghg_kg_m2=ghg), TODAY)
    assert found["class"] == expected


def test_altitude_raises_the_e_and_f_thresholds():
    high = household(primary_energy_kwh_m2=380, ghg_kg_m2=75, climate_zone="H1c", altitude_m=900)
    low = household(primary_energy_kwh_m2=380, ghg_kg_m2=75, climate_zone="H1c", altitude_m=500)
    assert dpe_class(high, TODAY)["class"] == "E"
    assert dpe_class(low, TODAY)["class"] == "F"


def test_a_small_dwelling_is_told_its_thresholds_are_raised():
    small = household(primary_energy_kwh_m2=300, ghg_kg_m2=20, surface_m2=25)
    notes = dpe_class(small, TODAY)["notes"]
    assert [note["key"] for note in notes] == ["dpe.small_dwelling"]
    assert dpe_class(small, date(2024, 6, 30))["notes"] == []


@pytest.mark.parametrize(
    ("dpe", "day", "banned", "key"),
    [
        ("G", date(2025, 1, 1), True, "rental.banned"),
        ("G", date(2024, 12, 31), False, "rental.banned_from"),
        ("F", TODAY, False, "rental.banned_from"),
        ("F", date(2028, 1, 1), True, "rental.banned"),
        ("E", date(2034, 1, 1), True, "rental.banned"),
        ("D", TODAY, False, "rental.allowed"),
    ],
)
def test_rental_ban_calendar(dpe, day, banned, key):
    energy = {"D": 200, "E": 300, "F": 400, "G": 500}[dpe]
    found = dpe_class(household(primary_energy_kwh_m2=energy, ghg_kg_m2=1), day)["rental"]
    assert (found["banned"], found["explanation"]["key"]) == (banned, key)


def test_effort_rate_and_precarity_indicator():
    poor = diagnose(household(reference_tax_income=12_000, annual_energy_bill_eur=1_200), TODAY)
    assert poor["effort_rate"] == 0.1
    assert poor["precarity"]["precarious"] is True
    rich = diagnose(household(reference_tax_income=30_000, annual_energy_bill_eur=3_000), TODAY)
    assert rich["effort_rate"] == 0.1
    assert rich["precarity"]["precarious"] is False  # above the third decile per UC
    assert rich["precarity"]["explanation"]["key"] == "effort.high_not_low_income"


def test_advice_is_in_euros_and_kwh_for_this_household():
    flat = diagnose(
        household(annual_energy_bill_eur=1_000, heating_energy="gas", dwelling="flat"), TODAY
    )
    house = diagnose(
        household(annual_energy_bill_eur=1_000, heating_energy="gas", dwelling="house"), TODAY
    )
    by_measure = {line["measure"]: line for line in flat["advice"]}
    assert set(by_measure) == set(data.MEASURE_KEYS)
    # 66 % of 1,000 € is heating; one degree lower saves 7 % of it.
    assert by_measure["one_degree"]["eur_year"] == 46
    assert by_measure["one_degree"]["kwh_year"] == round(660 * 0.07 / 0.10192)
    draught = {line["measure"]: line["eur_year"] for line in house["advice"]}["draught_proofing"]
    assert draught > by_measure["draught_proofing"]["eur_year"]


def test_radiator_valves_are_not_advised_for_electric_heating():
    electric = diagnose(
        household(annual_energy_bill_eur=1_000, heating_energy="electricity"), TODAY
    )
    assert "radiator_valves" not in {line["measure"] for line in electric["advice"]}


def test_every_bad_field_is_named_at_once():
    with pytest.raises(InvalidInputs) as raised:
        diagnose(
            Household(
                household_size=0,
                reference_tax_income=-5,
                region="mars",
                surface_m2=0,
                primary_energy_kwh_m2=200,
            ),
            TODAY,
        )
    fields = {error.field for error in raised.value.errors}
    assert fields == {"household_size", "reference_tax_income", "region", "surface_m2", "ghg_kg_m2"}


@given(
    energy=st.integers(0, 1_500),
    ghg=st.integers(0, 400),
    more=st.integers(0, 300),
)
def test_more_energy_or_emissions_never_gives_a_better_class(energy, ghg, more):
    def rated(e, g):
        return dpe_class(household(primary_energy_kwh_m2=e, ghg_kg_m2=g), TODAY)["class"]

    base = rated(energy, ghg)
    assert rated(energy + more, ghg) >= base
    assert rated(energy, ghg + more) >= base
    assert base == max(rated(energy, 0), rated(0, ghg))  # the double threshold


@given(
    size=st.integers(1, 12),
    income=st.integers(0, 300_000),
    more=st.integers(0, 100_000),
)
def test_a_higher_income_never_gives_a_more_generous_category(size, income, more):
    def rank(value):
        category = renovation_category(size, value, "other", TODAY, None)["category"]
        return data.CATEGORIES.index(category)

    assert rank(income + more) >= rank(income)
