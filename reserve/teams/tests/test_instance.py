import copy
import json
from datetime import date
from pathlib import Path

import pytest

from reserve.teams.instance import InstanceError, load_instance, parse_instance

DOC = Path(__file__).resolve().parents[3] / "docs" / "matching-instance-format.md"

MINIMAL = {
    "as_of": "2025-03-01",
    "reservists": [
        {"id": "r-1", "skills": [{"skill": "ux", "level": "expert"}], "weekly_hours": 8},
    ],
    "challenges": [
        {
            "id": "c-1",
            "sprint": {"start": "2025-03-17", "end": "2025-04-13"},
            "slots": [
                {
                    "id": "c-1/ux",
                    "skill": "ux",
                    "min_level": "confident",
                    "weekly_hours": 6,
                    "location": {"mode": "remote"},
                }
            ],
        }
    ],
}


def documented_example() -> dict:
    block = DOC.read_text(encoding="utf-8").split("## Example")[1]
    return json.loads(block.split("```json")[1].split("```")[0])


def with_change(change) -> dict:
    data = copy.deepcopy(MINIMAL)
    change(data)
    return data


def error_of(data) -> str:
    with pytest.raises(InstanceError) as caught:
        parse_instance(data)
    return str(caught.value)


def test_documented_example_is_a_valid_instance():
    instance = parse_instance(documented_example())

    assert [r.id for r in instance.reservists] == ["r-001", "r-002", "r-003", "r-004"]
    assert instance.challenges[0].slots[1].count == 2
    assert instance.skill_labels["securite"] == "Sécurité"


def test_minimal_instance_gets_default_settings_and_values():
    instance = parse_instance(MINIMAL)

    assert instance.settings.max_concurrent_challenges == 2
    assert instance.settings.weights.level == 25
    assert instance.reservists[0].work_mode == "both"
    assert instance.reservists[0].availability == ()
    assert instance.challenges[0].urgency == "normal"
    assert instance.challenges[0].slots[0].count == 1
    assert instance.challenges[0].slots[0].challenge_id == "c-1"


def test_dates_are_parsed_and_open_ended_periods_have_no_end():
    data = with_change(
        lambda d: d["reservists"][0].update(availability=[{"start": "2025-01-01", "end": None}])
    )

    period = parse_instance(data).reservists[0].availability[0]

    assert period.start == date(2025, 1, 1)
    assert period.end is None


def test_unknown_level_names_the_field_path():
    data = with_change(lambda d: d["reservists"][0]["skills"][0].update(level="pro"))

    assert error_of(data) == (
        "reservists[0].skills[0].level: expected one of discovering/confident/expert, got 'pro'"
    )


def test_missing_required_field_is_named():
    data = with_change(lambda d: d["challenges"][0]["slots"][0].pop("skill"))

    assert error_of(data) == "challenges[0].slots[0].skill: missing required field"


def test_misspelt_field_is_rejected_rather_than_ignored():
    data = with_change(lambda d: d.update(settings={"weights": {"levle": 3}}))

    assert error_of(data) == "settings.weights.levle: unknown field"


def test_wrong_type_is_named_with_what_was_found():
    data = with_change(lambda d: d["reservists"][0].update(weekly_hours="8"))

    assert error_of(data) == "reservists[0].weekly_hours: expected a number of hours, got a string"


def test_boolean_is_not_accepted_as_a_count():
    data = with_change(lambda d: d["challenges"][0]["slots"][0].update(count=True))

    assert error_of(data).startswith(
        "challenges[0].slots[0].count: expected a non-negative integer"
    )


def test_zero_hour_role_is_rejected():
    data = with_change(lambda d: d["challenges"][0]["slots"][0].update(weekly_hours=0))

    assert error_of(data).startswith("challenges[0].slots[0].weekly_hours: expected more than 0")


def test_malformed_date_is_named():
    data = with_change(lambda d: d.update(as_of="01/03/2025"))

    assert error_of(data) == "as_of: expected a date as YYYY-MM-DD, got '01/03/2025'"


def test_period_ending_before_it_starts_is_rejected():
    data = with_change(
        lambda d: d["challenges"][0].update(sprint={"start": "2025-04-01", "end": "2025-03-01"})
    )

    assert error_of(data) == "challenges[0].sprint.end: ends before it starts"


def test_sprint_needs_an_end():
    data = with_change(lambda d: d["challenges"][0].update(sprint={"start": "2025-04-01"}))

    assert error_of(data) == "challenges[0].sprint.end: a sprint needs an end date"


def test_duplicate_reservist_id_is_rejected():
    data = with_change(lambda d: d["reservists"].append(copy.deepcopy(d["reservists"][0])))

    assert error_of(data) == "reservists[1].id: duplicate value 'r-1'"


def test_same_skill_twice_for_one_person_is_rejected():
    data = with_change(
        lambda d: d["reservists"][0]["skills"].append({"skill": "ux", "level": "confident"})
    )

    assert error_of(data) == "reservists[0].skills[1].skill: duplicate value 'ux'"


def test_slot_ids_must_be_unique_across_challenges():
    def add_second_challenge(d):
        second = copy.deepcopy(d["challenges"][0])
        second["id"] = "c-2"
        d["challenges"].append(second)

    assert error_of(with_change(add_second_challenge)) == (
        "challenges[1].slots[0].id: duplicate id 'c-1/ux'"
    )


def test_on_site_role_needs_a_departement():
    data = with_change(
        lambda d: d["challenges"][0]["slots"][0].update(location={"mode": "on_site"})
    )

    assert error_of(data) == (
        "challenges[0].slots[0].location.departement: required for an on-site role"
    )


def test_invalid_departement_code_is_rejected():
    data = with_change(lambda d: d["reservists"][0].update(location={"departement": "20"}))

    assert error_of(data).startswith("reservists[0].location.departement: expected a département")


def test_corsican_and_overseas_departements_are_accepted():
    for code in ("2A", "2B", "974", "01", "95"):
        data = with_change(
            lambda d, code=code: d["reservists"][0].update(location={"departement": code})
        )

        assert parse_instance(data).reservists[0].departement == code


def test_lock_on_unknown_slot_is_named():
    data = with_change(lambda d: d.update(locks=[{"reservist": "r-1", "slot": "c-9/ux"}]))

    assert error_of(data) == "locks[0].slot: unknown slot 'c-9/ux'"


def test_more_locks_than_seats_is_rejected():
    def lock_twice(d):
        d["reservists"].append({"id": "r-2", "skills": [], "weekly_hours": 4})
        d["locks"] = [{"reservist": r, "slot": "c-1/ux"} for r in ("r-1", "r-2")]

    assert error_of(with_change(lock_twice)) == "locks[1]: slot 'c-1/ux' has only 1 seat(s)"


def test_exclusion_contradicting_a_lock_is_rejected():
    def lock_and_exclude(d):
        d["locks"] = [{"reservist": "r-1", "slot": "c-1/ux"}]
        d["exclusions"] = [{"reservist": "r-1", "challenge": "c-1"}]

    assert error_of(with_change(lock_and_exclude)) == (
        "exclusions[0]: contradicts a lock on the same challenge"
    )


def test_missing_top_level_field_is_named_alone():
    assert error_of(with_change(lambda d: d.pop("as_of"))) == "as_of: missing required field"


def test_unsupported_format_version_is_rejected():
    assert error_of(with_change(lambda d: d.update(format_version=2))) == (
        "format_version: expected 1, got 2"
    )


def test_too_many_concurrent_challenges_is_rejected():
    data = with_change(lambda d: d.update(settings={"max_concurrent_challenges": 11}))

    assert error_of(data) == "settings.max_concurrent_challenges: must be at most 10"


def test_oversized_weight_is_rejected():
    data = with_change(lambda d: d.update(settings={"weights": {"level": 5000}}))

    assert error_of(data) == "settings.weights.level: must be at most 1000"


def test_loading_a_file_that_is_not_json_names_the_problem(tmp_path):
    path = tmp_path / "instance.json"
    path.write_text("{not json", encoding="utf-8")

    with pytest.raises(InstanceError) as caught:
        load_instance(path)

    assert str(caught.value).startswith("$: not valid JSON")


def test_loading_a_missing_file_says_so(tmp_path):
    with pytest.raises(InstanceError) as caught:
        load_instance(tmp_path / "absent.json")

    assert str(caught.value).startswith("$: cannot read file")


DROP = object()


def changed(where: tuple, value) -> dict:
    """The documented example with the value at `where` (keys and indexes) replaced, added when
    the key is new, or dropped when `value` is DROP."""
    data = documented_example()
    *parents, last = where
    holder = data
    for key in parents:
        holder = holder[key]
    if value is DROP:
        del holder[last]
    else:
        holder[last] = value
    return data


@pytest.mark.parametrize(
    ("where", "value", "expected"),
    [
        # A required field dropped, at every depth.
        (("as_of",), DROP, "as_of: missing required field"),
        (("reservists", 2, "id"), DROP, "reservists[2].id: missing required field"),
        (
            ("reservists", 2, "skills", 1, "level"),
            DROP,
            "reservists[2].skills[1].level: missing required field",
        ),
        (
            ("challenges", 0, "sprint", "start"),
            DROP,
            "challenges[0].sprint.start: missing required field",
        ),
        (
            ("challenges", 0, "slots", 2, "location", "mode"),
            DROP,
            "challenges[0].slots[2].location.mode: missing required field",
        ),
        (("locks", 0, "slot"), DROP, "locks[0].slot: missing required field"),
        # A value of the wrong type.
        (("reservists",), {}, "reservists: expected a list, got an object"),
        (("reservists", 1), "r-002", "reservists[1]: expected an object, got a string"),
        (
            ("reservists", 1, "skills", 0),
            None,
            "reservists[1].skills[0]: expected an object, got null",
        ),
        (
            ("reservists", 3, "location"),
            [],
            "reservists[3].location: expected an object, got a list",
        ),
        (
            ("reservists", 3, "availability"),
            "always",
            "reservists[3].availability: expected a list, got a string",
        ),
        (
            ("reservists", 2, "themes", 1),
            7,
            "reservists[2].themes[1]: expected a non-empty string, got 7",
        ),
        (
            ("reservists", 0, "skills", 1, "skill"),
            " ",
            "reservists[0].skills[1].skill: expected a non-empty string, got a string",
        ),
        (
            ("reservists", 1, "weekly_hours"),
            True,
            "reservists[1].weekly_hours: expected a number of hours, got a boolean",
        ),
        (
            ("reservists", 1, "current_challenges"),
            -1,
            "reservists[1].current_challenges: expected a non-negative integer, got -1",
        ),
        (
            ("reservists", 1, "work_mode"),
            "hybrid",
            "reservists[1].work_mode: expected one of remote/on_site/both, got 'hybrid'",
        ),
        (
            ("reservists", 0, "location", "city"),
            69,
            "reservists[0].location.city: expected a non-empty string, got 69",
        ),
        (
            ("challenges", 0, "sprint"),
            "2025-03",
            "challenges[0].sprint: expected an object, got a string",
        ),
        (
            ("challenges", 0, "slots", 1, "count"),
            0,
            "challenges[0].slots[1].count: must be at least 1",
        ),
        (
            ("challenges", 0, "slots", 2, "min_level"),
            "pro",
            "challenges[0].slots[2].min_level: "
            "expected one of discovering/confident/expert, got 'pro'",
        ),
        (
            ("challenges", 0, "slots", 0, "location", "departement"),
            "20",
            "challenges[0].slots[0].location.departement: "
            "expected a département code such as '75' or '2A', got '20'",
        ),
        (
            ("challenges", 0, "slots"),
            [],
            "challenges[0].slots: a challenge needs at least one slot",
        ),
        (
            ("exclusions", 0, "challenge"),
            ["c-lightsoff"],
            "exclusions[0].challenge: expected a non-empty string, got a list",
        ),
        (
            ("settings", "weights", "level"),
            "high",
            "settings.weights.level: expected a non-negative integer, got 'high'",
        ),
        (
            ("labels", "skills", "ux"),
            "",
            "labels.skills.ux: expected a non-empty string, got a string",
        ),
        # A bad date.
        (
            ("reservists", 1, "availability", 0, "start"),
            "2025-02-30",
            "reservists[1].availability[0].start: expected a date as YYYY-MM-DD, got '2025-02-30'",
        ),
        (
            ("reservists", 2, "availability", 0, "end"),
            "2025-4-30",
            "reservists[2].availability[0].end: expected a date as YYYY-MM-DD, got '2025-4-30'",
        ),
        (
            ("reservists", 1, "last_engagement_end"),
            20241115,
            "reservists[1].last_engagement_end: expected a date as YYYY-MM-DD, got 20241115",
        ),
        (
            ("reservists", 0, "availability", 0, "end"),
            "2025-02-01",
            "reservists[0].availability[0].end: ends before it starts",
        ),
        (
            ("challenges", 0, "sprint", "end"),
            None,
            "challenges[0].sprint.end: a sprint needs an end date",
        ),
        # A duplicate.
        (("reservists", 3, "id"), "r-001", "reservists[3].id: duplicate value 'r-001'"),
        (
            ("reservists", 2, "skills", 1, "skill"),
            "dev-backend",
            "reservists[2].skills[1].skill: duplicate value 'dev-backend'",
        ),
        (
            ("reservists", 2, "themes"),
            ["sante", "energie", "sante"],
            "reservists[2].themes[2]: duplicate value 'sante'",
        ),
        (
            ("challenges", 0, "slots", 2, "id"),
            "c-lightsoff/ux",
            "challenges[0].slots[2].id: duplicate id 'c-lightsoff/ux'",
        ),
        # An unknown field (the first in alphabetical order is named).
        (("version",), 1, "version: unknown field"),
        (("reservists", 1, "name"), "Camille", "reservists[1].name: unknown field"),
        (
            ("reservists", 1, "location", "region"),
            "IDF",
            "reservists[1].location.region: unknown field",
        ),
        (
            ("reservists", 1, "availability", 0, "until"),
            None,
            "reservists[1].availability[0].until: unknown field",
        ),
        (
            ("challenges", 0, "slots", 1, "location", "zip"),
            "69001",
            "challenges[0].slots[1].location.zip: unknown field",
        ),
        (("challenges", 0, "sprint", "length"), 4, "challenges[0].sprint.length: unknown field"),
        (("settings", "weight"), {}, "settings.weight: unknown field"),
        (("labels", "levels"), {}, "labels.levels: unknown field"),
        (
            ("reservists", 2, "skills", 0, "years"),
            3,
            "reservists[2].skills[0].years: unknown field",
        ),
        (("locks", 0, "note"), "", "locks[0].note: unknown field"),
        (("exclusions", 0, "why"), "", "exclusions[0].why: unknown field"),
        # A dangling reference.
        (
            ("exclusions", 0, "reservist"),
            "r-999",
            "exclusions[0].reservist: unknown reservist 'r-999'",
        ),
    ],
)
def test_error_names_the_field_and_the_problem(where, value, expected):
    assert error_of(changed(where, value)) == expected


def test_error_path_and_message_are_also_attributes():
    with pytest.raises(InstanceError) as caught:
        parse_instance(changed(("reservists", 2, "skills", 1, "level"), "pro"))

    assert caught.value.path == "reservists[2].skills[1].level"
    assert caught.value.message == "expected one of discovering/confident/expert, got 'pro'"


def test_document_that_is_not_an_object_is_named_dollar():
    assert error_of(["not", "an", "instance"]) == "$: expected an object, got a list"


def test_first_problem_is_reported_in_a_fixed_order():
    data = changed(("reservists", 1, "name"), "Camille")
    del data["reservists"][1]["id"]
    data["reservists"][1]["zone"] = "?"
    data["reservists"][3]["weekly_hours"] = -1
    data["challenges"][0]["id"] = ""

    # Missing fields before unknown ones, unknown ones alphabetically, then items in order.
    assert error_of(data) == "reservists[1].id: missing required field"
    data["reservists"][1]["id"] = "r-002"
    assert error_of(data) == "reservists[1].name: unknown field"
    del data["reservists"][1]["name"], data["reservists"][1]["zone"]
    assert error_of(data) == "reservists[3].weekly_hours: expected 0 to 168 hours, got -1"


def test_skills_are_checked_before_the_other_fields_of_a_reservist():
    data = changed(("reservists", 0, "id"), "")
    data["reservists"][0]["skills"][1]["level"] = "novice"

    assert error_of(data).startswith("reservists[0].skills[1].level: expected one of")
