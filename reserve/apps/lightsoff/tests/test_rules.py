from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st
from opening_hours import OpeningHours

from reserve.apps.lightsoff import explain
from reserve.apps.lightsoff import rules_data as data
from reserve.apps.lightsoff.rules import (
    InvalidInput,
    InvalidOpeningHours,
    night_of,
    verdict,
)
from reserve.apps.lightsoff.rules_data import Derogation, LocalRule

PARIS = ZoneInfo("Europe/Paris")
SHOP = "Mo-Sa 09:00-20:00"
BAR = "Mo-Sa 18:00-02:00"
BAKERY = "Mo-Su 05:30-13:00"
ANGERS, PARIS_INSEE = "49007", "75056"
PROPERTY = settings(max_examples=100, database=None, deadline=None)


def window(v):
    shape = v.as_data()
    return shape["forbidden_from"], shape["forbidden_until"]


def said(result, language="fr") -> str:
    """The verdict's explanation as a reader of `language` reads it."""
    with translation.override(language):
        return " ".join(explain.say(line) for line in result.lines)


def error_said(error) -> str:
    with translation.override("fr"):
        return explain.error_text(error)


# The night of Tuesday 4 to Wednesday 5 June 2024, unless the id says otherwise.
CASES = [
    ("vitrine", SHOP, "2024-06-05T02:30", "violation", ("01:00", "07:00"), "lit at 2:30"),
    ("vitrine", SHOP, "2024-06-05T00:30", "allowed", ("01:00", "07:00"), "lit before 1:00"),
    ("vitrine", SHOP, "2024-06-05T06:59", "violation", ("01:00", "07:00"), "lit just before 7"),
    ("vitrine", SHOP, "2024-06-05T07:00", "allowed", ("01:00", "07:00"), "lit from 7:00"),
    ("vitrine", BAR, "2024-06-05T02:30", "allowed", ("03:00", "07:00"), "bar closed at 2:00"),
    ("vitrine", BAR, "2024-06-05T03:00", "violation", ("03:00", "07:00"), "bar, 1 h after"),
    ("vitrine", "Mo-Sa 09:00-00:30", "2024-06-05T01:15", "allowed", ("01:30", "07:00"), "0:30"),
    ("vitrine", BAKERY, "2024-06-05T04:15", "violation", ("01:00", "04:30"), "bakery, 4:15"),
    ("vitrine", BAKERY, "2024-06-05T04:30", "allowed", ("01:00", "04:30"), "bakery, 1 h before"),
    ("vitrine", "Mo-Sa 06:30-19:00", "2024-06-05T05:45", "allowed", ("01:00", "05:30"), "6:30"),
    ("vitrine", "Mo-Fr 09:00-19:00", "2024-06-09T02:30", "violation", ("01:00", "07:00"), "Sa"),
    ("vitrine", "Mo-Fr 09:00-19:00", "2024-06-10T06:30", "violation", ("01:00", "07:00"), "Su"),
    ("vitrine", "24/7", "2024-06-05T03:00", "allowed", (None, None), "open 24/7"),
    ("vitrine", "Mo-Su 22:00-08:00", "2024-06-05T03:00", "allowed", (None, None), "all night"),
    ("interieur", SHOP, "2024-06-04T20:30", "allowed", ("21:00", "07:00"), "1 h after closing"),
    ("interieur", SHOP, "2024-06-04T22:00", "uncertain", ("21:00", "07:00"), "maybe cleaning"),
    ("interieur", SHOP, "2024-06-05T02:30", "violation", ("21:00", "07:00"), "lit at 2:30"),
    ("interieur", BAR, "2024-06-05T02:30", "allowed", ("03:00", "07:00"), "bar closed at 2:00"),
    ("interieur", BAR, "2024-06-05T03:30", "violation", ("03:00", "07:00"), "bar, 1 h 30 after"),
    ("interieur", BAKERY, "2024-06-05T04:45", "allowed", ("14:00", "04:30"), "bakery, 4:45"),
    ("interieur", BAKERY, "2024-06-05T03:00", "violation", ("14:00", "04:30"), "bakery, 3:00"),
    ("interieur", "24/7", "2024-06-05T03:00", "allowed", (None, None), "open 24/7"),
    ("enseigne", SHOP, "2024-06-05T00:45", "allowed", ("01:00", "06:00"), "lit before 1:00"),
    ("enseigne", SHOP, "2024-06-05T02:30", "violation", ("01:00", "06:00"), "lit at 2:30"),
    ("enseigne", SHOP, "2024-06-05T06:30", "allowed", ("01:00", "06:00"), "lit from 6:00"),
    ("enseigne", BAR, "2024-06-05T02:30", "allowed", ("03:00", "06:00"), "bar closed at 2:00"),
    ("enseigne", BAR, "2024-06-05T05:00", "violation", ("03:00", "06:00"), "bar, 3 h after"),
    ("enseigne", BAKERY, "2024-06-05T04:15", "violation", ("01:00", "04:30"), "bakery, 4:15"),
    ("enseigne", BAKERY, "2024-06-05T04:45", "allowed", ("01:00", "04:30"), "bakery, 4:45"),
    ("enseigne", "Mo-Sa 06:30-19:00", "2024-06-05T05:45", "allowed", ("01:00", "05:30"), "6:30"),
    ("enseigne", "Mo-Su 02:00-05:00", "2024-06-05T05:30", "allowed", (None, None), "night market"),
    ("enseigne", "24/7", "2024-06-05T03:00", "allowed", (None, None), "open 24/7"),
    ("publicite", None, "2024-06-05T00:30", "allowed", ("01:00", "06:00"), "lit before 1:00"),
    ("publicite", None, "2024-06-05T02:30", "violation", ("01:00", "06:00"), "lit at 2:30"),
    ("publicite", None, "2024-06-05T06:00", "allowed", ("01:00", "06:00"), "lit from 6:00"),
    ("publicite", "24/7", "2024-06-05T02:30", "violation", ("01:00", "06:00"), "shop 24/7"),
    ("publicite", BAR, "2024-06-05T01:30", "violation", ("01:00", "06:00"), "bar still open"),
    ("vitrine", None, "2024-06-04T23:30", "allowed", ("01:00", "07:00"), "no hours, 23:30"),
    ("vitrine", None, "2024-06-05T02:30", "violation", ("01:00", "07:00"), "no hours, 2:30"),
    ("interieur", None, "2024-06-04T23:30", "uncertain", ("01:00", "07:00"), "no hours, 23:30"),
    ("interieur", None, "2024-06-05T02:30", "violation", ("01:00", "07:00"), "no hours, 2:30"),
    ("enseigne", None, "2024-06-05T02:30", "violation", ("01:00", "06:00"), "no hours, 2:30"),
    ("enseigne", None, "2024-06-05T06:30", "allowed", ("01:00", "06:00"), "no hours, 6:30"),
]


@pytest.mark.parametrize(
    ("element", "hours", "at", "status", "expected_window"),
    [pytest.param(*case[:5], id=f"{case[0]}: {case[5]}") for case in CASES],
)
def test_verdict_table(element, hours, at, status, expected_window):
    result = verdict(element, at, opening_hours=hours)

    assert result.status == status
    assert window(result) == expected_window


def test_window_lit_at_2_30_with_shop_closing_at_20_is_a_violation():
    result = verdict("vitrine", "2024-06-05T02:30", opening_hours=SHOP)

    assert result.status == "violation"
    assert (result.forbidden_from, result.forbidden_until) == (time(1), time(7))
    assert "27 décembre 2018" in result.rule.reference


def test_explanation_names_the_night_the_window_and_the_shop_hours():
    result = verdict("vitrine", "2024-06-05T02:30", opening_hours=SHOP)

    assert said(result).startswith("À 2 h 30, la vitrine devrait être éteinte.")
    assert "l'activité s'arrête à 20 h et reprend à 9 h" in said(result)
    assert "La nuit du 4 au 5 juin, l'extinction est obligatoire de 1 h à 7 h." in said(result)


def test_explanation_says_the_national_default_was_applied_when_hours_are_unknown():
    result = verdict("vitrine", "2024-06-05T02:30")

    assert result.hours_known is False
    assert "ne sont pas connus" in said(result)
    assert "avant minuit et reprenait après 8 h" in said(result)


def test_explanation_of_a_closed_day_says_the_shop_does_not_open_that_evening():
    result = verdict("vitrine", "2024-06-09T02:30", opening_hours="Mo-Fr 09:00-19:00")

    assert "n'ouvre ni ce soir-là ni le lendemain matin" in said(result)


def test_explanation_says_the_shop_is_open_when_it_is():
    result = verdict("vitrine", "2024-06-05T01:30", opening_hours=BAR)

    assert result.status == "allowed"
    assert "le commerce est ouvert à ce moment-là" in said(result)


def test_interior_lit_before_1_00_may_be_people_at_work_and_is_uncertain():
    result = verdict("interieur", "2024-06-04T22:00", opening_hours=SHOP)

    assert result.status == "uncertain"
    assert "ménage" in said(result)


def test_interior_violation_reminds_that_people_at_work_may_keep_the_light():
    result = verdict("interieur", "2024-06-05T02:30", opening_hours=SHOP)

    assert result.status == "violation"
    assert "Si des personnes travaillent encore" in said(result)


def test_interior_without_hours_before_1_00_is_uncertain_and_says_why():
    result = verdict("interieur", "2024-06-04T23:30")

    assert result.status == "uncertain"
    assert "Sans horaires d'ouverture" in said(result)


def test_unknown_state_in_opening_hours_makes_the_verdict_uncertain():
    hours = "Mo-Fr 09:00-19:00; Sa 20:00-03:00 unknown"

    during_doubt = verdict("vitrine", "2024-06-09T02:30", opening_hours=hours)
    after_doubt = verdict("vitrine", "2024-06-09T04:30", opening_hours=hours)

    assert during_doubt.status == "uncertain"
    assert after_doubt.status == "violation"
    assert window(after_doubt) == ("04:00", "07:00")


def test_french_public_holidays_in_opening_hours_are_known():
    hours = "Mo-Sa 05:00-12:00; PH off"

    before_holiday = verdict("enseigne", "2024-05-08T04:30", opening_hours=hours)
    before_workday = verdict("enseigne", "2024-05-07T04:30", opening_hours=hours)

    assert before_holiday.status == "violation"
    assert window(before_holiday) == ("01:00", "06:00")
    assert before_workday.status == "allowed"
    assert window(before_workday) == ("01:00", "04:00")


# --- nights and daylight saving -------------------------------------------------------------


def test_a_moment_before_noon_belongs_to_the_night_that_began_the_evening_before():
    assert night_of(datetime(2024, 6, 5, 11, 59)) == date(2024, 6, 4)
    assert night_of(datetime(2024, 6, 5, 12, 0)) == date(2024, 6, 5)


def test_in_the_afternoon_the_window_is_that_of_the_coming_night():
    result = verdict("vitrine", "2024-06-04T15:00", opening_hours=SHOP)

    assert result.status == "allowed"
    assert result.night_of == date(2024, 6, 4)
    assert result.window_start == datetime(2024, 6, 5, 1, tzinfo=PARIS)


def test_window_on_the_night_clocks_go_forward_lasts_5_hours():
    result = verdict("vitrine", "2024-03-31T03:30")

    assert window(result) == ("01:00", "07:00")
    assert result.forbidden_hours == 5
    assert "changement d'heure" in said(result)


def test_window_on_the_night_clocks_go_back_lasts_7_hours():
    result = verdict("vitrine", "2024-10-27T05:00")

    assert window(result) == ("01:00", "07:00")
    assert result.forbidden_hours == 7


def test_an_hour_after_a_2_00_closing_on_the_spring_night_is_4_00_summer_time():
    result = verdict("enseigne", "2024-03-31T04:30", opening_hours=BAR)

    assert result.status == "violation"
    assert window(result) == ("04:00", "06:00")
    assert result.forbidden_hours == 2


def test_a_2_00_closing_on_the_autumn_night_is_read_as_the_second_2_00():
    result = verdict("enseigne", "2024-10-27T03:30", opening_hours=BAR)

    assert result.status == "violation"
    assert window(result) == ("03:00", "06:00")
    assert result.forbidden_hours == 3


def test_every_night_of_a_year_lasts_6_hours_except_the_two_clock_changes():
    lengths = {}
    for day in range(366):
        evening = date(2024, 1, 1) + timedelta(days=day)
        moment = datetime.combine(evening + timedelta(days=1), time(3))
        lengths[evening] = verdict("vitrine", moment).forbidden_hours

    assert {d: h for d, h in lengths.items() if h != 6} == {
        date(2024, 3, 30): 5,
        date(2024, 10, 26): 7,
    }


def test_a_moment_with_an_offset_is_read_in_paris_time():
    in_utc = verdict("vitrine", datetime(2024, 6, 5, 0, 30, tzinfo=UTC), opening_hours=SHOP)
    with_offset = verdict("vitrine", "2024-06-05T02:30+02:00", opening_hours=SHOP)
    naive = verdict("vitrine", datetime(2024, 6, 5, 2, 30), opening_hours=SHOP)

    assert in_utc == with_offset == naive


# --- advertising ------------------------------------------------------------------------------


def test_advertising_at_an_airport_is_allowed():
    result = verdict("publicite", "2024-06-05T02:30", placement="airport")

    assert result.status == "allowed"
    assert "aéroport" in said(result)


def test_advertising_on_transit_street_furniture_is_uncertain():
    result = verdict("publicite", "2024-06-05T02:30", placement="transit_furniture")

    assert result.status == "uncertain"
    assert "heures de service" in said(result)


def test_advertising_inside_premises_is_not_covered_by_the_national_rule():
    result = verdict("publicite", "2024-06-05T02:30", placement="inside_premises")

    assert result.status == "allowed"
    assert "règlement local de publicité" in said(result)


def test_advertising_inside_premises_follows_a_local_rule():
    local = LocalRule(
        insee=ANGERS,
        element="publicite",
        off_from=time(23),
        on_until=time(7),
        source="RLPi d'Angers Loire Métropole",
        valid_from=date(2020, 1, 1),
    )

    result = verdict(
        "publicite",
        "2024-06-05T00:30",
        placement="inside_premises",
        commune=ANGERS,
        local_rules=[local],
    )

    assert result.status == "violation"
    assert window(result) == ("23:00", "07:00")


def test_digital_advertising_lit_during_an_ecowatt_red_signal_is_a_violation():
    result = verdict("publicite", "2024-01-10T19:00", ecowatt=3, digital=True)

    assert result.status == "violation"
    assert "2022-1331" in result.rule.reference
    assert "EcoWatt est rouge" in said(result)
    assert window(result) == ("01:00", "06:00")


def test_before_june_2023_a_red_signal_only_concerned_digital_advertising():
    lit_poster = verdict("publicite", "2023-01-10T19:00", ecowatt=3)
    screen = verdict("publicite", "2023-01-10T19:00", ecowatt=3, digital=True)

    assert lit_poster.status == "allowed"
    assert screen.status == "violation"


def test_since_june_2023_a_red_signal_concerns_all_lit_advertising():
    result = verdict("publicite", "2023-12-12T19:00", ecowatt=3)

    assert result.status == "violation"


def test_an_orange_ecowatt_signal_changes_nothing():
    result = verdict("publicite", "2024-01-10T19:00", ecowatt=2, digital=True)

    assert result.status == "allowed"


def test_a_red_signal_applies_at_airports_too():
    result = verdict("publicite", "2024-01-10T19:00", ecowatt=3, placement="airport")

    assert result.status == "violation"


def test_a_red_signal_does_not_concern_shop_windows():
    result = verdict("vitrine", "2024-01-10T19:00", ecowatt=3)

    assert result.status == "allowed"


# --- local rules and derogations -------------------------------------------------------------

ANGERS_ADS = LocalRule(
    insee=ANGERS,
    element="publicite",
    off_from=time(23),
    on_until=time(7),
    source="Règlement local de publicité intercommunal d'Angers Loire Métropole",
    valid_from=date(2020, 1, 1),
    valid_until=date(2030, 12, 31),
)
CHRISTMAS = Derogation(
    insee=PARIS_INSEE,
    elements={"vitrine", "enseigne"},
    reference="Arrêté préfectoral n° 2024-1224",
    reason="illuminations de Noël",
    valid_from=date(2024, 12, 24),
    valid_until=date(2024, 12, 24),
)


def test_local_rule_makes_advertising_at_23_30_a_violation_and_cites_its_source():
    result = verdict("publicite", "2024-06-04T23:30", commune=ANGERS, local_rules=[ANGERS_ADS])

    assert result.status == "violation"
    assert window(result) == ("23:00", "07:00")
    assert result.rule.reference == ANGERS_ADS.source
    assert ANGERS_ADS.source in said(result)


def test_local_rule_of_another_commune_is_ignored():
    result = verdict("publicite", "2024-06-04T23:30", commune="44109", local_rules=[ANGERS_ADS])

    assert result.status == "allowed"
    assert window(result) == ("01:00", "06:00")


def test_local_rule_out_of_its_validity_is_ignored():
    result = verdict("publicite", "2031-06-04T23:30", commune=ANGERS, local_rules=[ANGERS_ADS])

    assert result.status == "allowed"


def test_local_rule_still_lets_a_window_stay_lit_one_hour_after_closing():
    local = LocalRule(
        insee=ANGERS,
        element="vitrine",
        off_from=time(23),
        on_until=time(7),
        source="Arrêté municipal",
        valid_from=date(2020, 1, 1),
    )
    hours, rules = "Mo-Sa 09:00-23:30", [local]

    before = verdict(
        "vitrine", "2024-06-05T00:15", opening_hours=hours, commune=ANGERS, local_rules=rules
    )
    after = verdict(
        "vitrine", "2024-06-05T00:45", opening_hours=hours, commune=ANGERS, local_rules=rules
    )

    assert before.status == "allowed"
    assert after.status == "violation"
    assert window(after) == ("00:30", "07:00")


def test_local_rule_without_opening_hours_is_uncertain_before_the_national_hour():
    local = LocalRule(
        insee=ANGERS,
        element="vitrine",
        off_from=time(23),
        on_until=time(7),
        source="Arrêté municipal",
        valid_from=date(2020, 1, 1),
    )

    result = verdict("vitrine", "2024-06-04T23:30", commune=ANGERS, local_rules=[local])

    assert result.status == "uncertain"


def test_local_rule_must_overlap_the_national_night():
    with pytest.raises(ValueError, match="overlap"):
        LocalRule(
            insee=ANGERS,
            element="vitrine",
            off_from=time(19),
            on_until=time(23),
            source="x",
            valid_from=date(2020, 1, 1),
        )


def test_local_rule_rejects_an_unknown_element():
    with pytest.raises(ValueError, match="element"):
        LocalRule(
            insee=ANGERS,
            element="facade",
            off_from=time(23),
            on_until=time(7),
            source="x",
            valid_from=date(2020, 1, 1),
        )


def test_derogation_makes_a_lit_window_allowed_and_says_which():
    result = verdict("vitrine", "2024-12-25T02:30", commune=PARIS_INSEE, derogations=[CHRISTMAS])

    assert result.status == "allowed"
    assert window(result) == (None, None)
    assert result.rule.reference == CHRISTMAS.reference
    assert "illuminations de Noël" in said(result)


def test_derogation_covers_only_its_nights():
    result = verdict("vitrine", "2024-12-26T02:30", commune=PARIS_INSEE, derogations=[CHRISTMAS])

    assert result.status == "violation"


def test_derogation_covers_only_its_elements():
    result = verdict("interieur", "2024-12-25T02:30", commune=PARIS_INSEE, derogations=[CHRISTMAS])

    assert result.status == "violation"


def test_derogation_of_another_commune_is_ignored():
    result = verdict("vitrine", "2024-12-25T02:30", commune=ANGERS, derogations=[CHRISTMAS])

    assert result.status == "violation"


def test_derogation_does_not_lift_the_ecowatt_obligation():
    derogation = Derogation(
        insee=PARIS_INSEE,
        elements={"publicite"},
        reference="Arrêté municipal",
        reason="fête locale",
        valid_from=date(2024, 1, 10),
    )

    result = verdict(
        "publicite", "2024-01-10T19:00", ecowatt=3, commune=PARIS_INSEE, derogations=[derogation]
    )

    assert result.status == "violation"


def test_derogation_rejects_unknown_elements():
    with pytest.raises(ValueError, match="elements"):
        Derogation(
            insee=PARIS_INSEE,
            elements={"facade"},
            reference="x",
            reason="x",
            valid_from=date(2024, 1, 1),
        )


# --- rules in force by date ------------------------------------------------------------------


def test_no_known_rule_for_shop_windows_before_2019_is_uncertain():
    result = verdict("vitrine", "2018-06-05T02:30")

    assert result.status == "uncertain"
    assert window(result) == (None, None)
    assert result.rule.reference == ""
    assert result.rule.summary.key == "no_rule"


def test_sign_rule_applies_since_july_2012():
    assert verdict("enseigne", "2015-06-05T02:30").status == "violation"
    assert verdict("enseigne", "2012-06-05T02:30").status == "uncertain"


def test_advertising_rule_applies_everywhere_from_7_october_2022():
    assert verdict("publicite", "2022-10-06T02:30").status == "uncertain"
    assert verdict("publicite", "2022-10-07T02:30").status == "violation"


# --- bad input ------------------------------------------------------------------------------


def test_unknown_element_is_rejected_naming_the_field():
    with pytest.raises(InvalidInput) as error:
        verdict("facade", "2024-06-05T02:30")

    assert error.value.field == "element"
    assert "facade" in error_said(error.value)


def test_malformed_opening_hours_are_rejected_naming_the_problem():
    with pytest.raises(InvalidOpeningHours) as error:
        verdict("vitrine", "2024-06-05T02:30", opening_hours="Mo-Sa 25:00-99")

    assert error.value.field == "opening_hours"
    assert "Mo-Sa 25:00-99" in error_said(error.value)
    assert "caractère 7" in error_said(error.value)


def test_too_long_opening_hours_are_rejected():
    with pytest.raises(InvalidOpeningHours) as error:
        verdict("vitrine", "2024-06-05T02:30", opening_hours="Mo 09:00-19:00;" * 20)

    assert "trop longs" in error_said(error.value)


def test_opening_hours_that_are_not_text_are_rejected():
    with pytest.raises(InvalidOpeningHours):
        verdict("vitrine", "2024-06-05T02:30", opening_hours=1900)


def test_empty_opening_hours_mean_unknown_hours():
    result = verdict("vitrine", "2024-06-05T02:30", opening_hours="  ")

    assert result.hours_known is False


def test_already_parsed_opening_hours_give_the_same_verdict_as_text():
    parsed = verdict("enseigne", "2024-06-05T02:30", opening_hours=OpeningHours(BAR))
    text = verdict("enseigne", "2024-06-05T02:30", opening_hours=BAR)

    assert parsed == text


@pytest.mark.parametrize(
    ("field", "arguments"),
    [
        ("at", {"at": "hier soir"}),
        ("at", {"at": date(2024, 6, 5)}),
        ("ecowatt", {"ecowatt": 5}),
        ("ecowatt", {"ecowatt": True}),
        ("commune", {"commune": "7505"}),
        ("placement", {"placement": "roof"}),
    ],
)
def test_bad_input_is_rejected_naming_the_field(field, arguments):
    with pytest.raises(InvalidInput) as error:
        verdict(**{"element": "publicite", "at": "2024-06-05T02:30", **arguments})

    assert error.value.field == field


# --- serialisation for the API --------------------------------------------------------------


def test_verdict_serialises_to_json_ready_message_keys():
    shape = verdict("vitrine", "2024-06-05T02:30", opening_hours=SHOP).as_data()

    assert shape["verdict"] == "violation"
    assert (shape["forbidden_from"], shape["forbidden_until"]) == ("01:00", "07:00")
    assert shape["hours"] == SHOP
    assert shape["rule"]["summary"] == ["summary.vitrine.2019", {}]
    assert shape["lines"][0] == ["headline.violation.vitrine", {"at": "02:30"}]
    assert ["window", {"night": "2024-06-04", "start": "01:00", "end": "07:00"}] in shape["lines"]


def test_the_explanation_reads_in_english_with_no_french_left():
    result = verdict("vitrine", "2024-06-05T02:30", opening_hours=SHOP)

    english = said(result, "en")

    assert english.startswith("At 2:30, the shop window should be off.")
    assert "night of 4 to 5 June" in english
    assert "vitrine" not in english
    assert " à " not in english


def test_a_night_without_switch_off_serialises_as_nulls():
    shape = verdict("vitrine", "2024-06-05T02:30", opening_hours="24/7").as_data()

    assert (shape["forbidden_from"], shape["forbidden_until"]) == (None, None)


# --- properties -----------------------------------------------------------------------------

moments = st.datetimes(min_value=datetime(2023, 1, 1), max_value=datetime(2026, 12, 31))
utc_instants = st.datetimes(
    min_value=datetime(2023, 1, 1), max_value=datetime(2026, 12, 31), timezones=st.just(UTC)
)
activity_elements = st.sampled_from(["vitrine", "interieur", "enseigne"])
elements = st.sampled_from(data.ELEMENTS)
ecowatt_signals = st.sampled_from([None, *data.ECOWATT_VALUES])
evenings = st.dates(min_value=date(2023, 1, 1), max_value=date(2026, 12, 31))
night_moments = st.builds(
    lambda evening, minutes: datetime.combine(evening, time(23)) + timedelta(minutes=minutes),
    evenings,
    st.integers(0, 9 * 60),
)
offsets = st.lists(st.integers(0, 24 * 60 - 1), min_size=1, max_size=6)


def _clock_text(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _in_window(clock: time, result) -> bool:
    start, end = result.forbidden_from, result.forbidden_until
    if start is None:
        return False
    return start <= clock < end if start < end else start <= clock or clock < end


@st.composite
def opening_hours(draw):
    days = draw(st.sampled_from(["Mo-Su", "Mo-Sa", "Tu-Sa", "Mo-Fr", "We,Fr-Su"]))
    opens = draw(st.integers(3 * 4, 12 * 4)) * 15
    closes = draw(st.integers(14 * 4, 28 * 4)) * 15
    return f"{days} {_clock_text(opens)}-{_clock_text(closes)}"


@PROPERTY
@given(element=activity_elements, at=moments, ecowatt=ecowatt_signals)
def test_a_shop_open_around_the_clock_is_never_in_violation(element, at, ecowatt):
    assert verdict(element, at, opening_hours="24/7", ecowatt=ecowatt).status != "violation"


@PROPERTY
@given(element=elements, at=moments | night_moments, hours=st.none() | opening_hours())
def test_a_violation_always_lies_inside_the_reported_window(element, at, hours):
    result = verdict(element, at, opening_hours=hours)

    if result.status == "violation":
        assert result.window_start <= at.replace(tzinfo=PARIS) < result.window_end


@PROPERTY
@given(element=elements, evening=evenings, hours=st.none() | opening_hours(), minutes=offsets)
def test_a_time_of_day_outside_the_window_is_never_a_violation(element, evening, hours, minutes):
    noon = datetime.combine(evening, time(12))
    for moment in (noon + timedelta(minutes=m) for m in minutes):
        result = verdict(element, moment, opening_hours=hours)
        assert _in_window(moment.time(), result) or result.status != "violation"


@PROPERTY
@given(element=elements, evening=evenings, hours=st.none() | opening_hours(), minutes=offsets)
def test_every_moment_of_a_night_gets_the_same_window(element, evening, hours, minutes):
    noon = datetime.combine(evening, time(12))
    windows = {
        window(verdict(element, noon + timedelta(minutes=m), opening_hours=hours)) for m in minutes
    }

    assert len(windows) <= 1


@PROPERTY
@given(
    element=activity_elements,
    opens=st.integers(3 * 4, 12 * 4 - 1),
    closes=st.integers(17 * 4, 29 * 4),
)
def test_window_follows_the_law_for_any_closing_and_opening_time(element, opens, closes):
    opens, closes = opens * 15, closes * 15
    hours = f"Mo-Su {_clock_text(opens)}-{_clock_text(closes)}"
    # Minutes from the evening's midnight: the law's off and on hours, then the margins.
    off_floor = {"vitrine": 25 * 60, "interieur": 0, "enseigne": 25 * 60}[element]
    on_cap = {"vitrine": 31 * 60, "interieur": 31 * 60, "enseigne": 30 * 60}[element]
    start, end = max(off_floor, closes + 60), min(on_cap, 24 * 60 + opens - 60)
    expected = (_clock_text(start % 1440), _clock_text(end % 1440)) if start < end else (None, None)

    assert window(verdict(element, "2024-06-05T03:00", opening_hours=hours)) == expected


@PROPERTY
@given(
    element=elements,
    at=moments,
    hours=st.none() | opening_hours(),
    off_from=st.sampled_from([time(20), time(22), time(23), time(0), time(0, 30)]),
    on_until=st.sampled_from([time(6), time(6, 30), time(7), time(8)]),
)
def test_a_local_rule_never_turns_a_violation_into_anything_else(
    element, at, hours, off_from, on_until
):
    local = LocalRule(
        insee=ANGERS,
        element=element,
        off_from=off_from,
        on_until=on_until,
        source="x",
        valid_from=date(2020, 1, 1),
    )
    national = verdict(element, at, opening_hours=hours)
    stricter = verdict(element, at, opening_hours=hours, commune=ANGERS, local_rules=[local])

    assert national.status != "violation" or stricter.status == "violation"


@PROPERTY
@given(element=elements, at=moments, hours=st.none() | opening_hours())
def test_a_derogation_always_allows(element, at, hours):
    derogation = Derogation(
        insee=PARIS_INSEE,
        elements=set(data.ELEMENTS),
        reference="x",
        reason="x",
        valid_from=date(2022, 12, 31),
    )

    result = verdict(
        element, at, opening_hours=hours, commune=PARIS_INSEE, derogations=[derogation]
    )

    assert result.status == "allowed"
    assert result.forbidden_hours == 0


@PROPERTY
@given(element=elements, instant=utc_instants, hours=st.none() | opening_hours())
def test_the_same_instant_gets_the_same_verdict_in_any_timezone(element, instant, hours):
    in_utc = verdict(element, instant, opening_hours=hours)
    in_paris = verdict(element, instant.astimezone(PARIS), opening_hours=hours)

    assert in_utc == in_paris
