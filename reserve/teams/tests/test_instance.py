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
