from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from reserve.challenges import services as challenge_services
from reserve.challenges.models import Challenge, Status
from reserve.core.lifecycle import TransitionRefused
from reserve.core.models import Notification
from reserve.sprints import impact
from reserve.sprints.models import Measurement, Reminder

from .factories import indicator


def entry(day=None, value="5", **fields):
    return {
        "date": day or timezone.localdate(),
        "value": Decimal(value),
        "source": "Relevé",
        "evidence_url": "",
        **fields,
    }


def test_the_sponsor_or_the_team_records_a_measurement(sprint):
    gauge = indicator(sprint.challenge)

    impact.record_measurement(sprint.sponsor, gauge, entry(value="4"))
    impact.record_measurement(sprint.member, gauge, entry(timezone.localdate() - timedelta(1)))

    assert Measurement.objects.count() == 2
    with pytest.raises(PermissionDenied):
        impact.record_measurement(
            sprint.outsider, gauge, entry(timezone.localdate() - timedelta(2))
        )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"value": "-3"}, "value"),
        ({"value": "50000"}, "value"),
        ({"day": "future"}, "date"),
        ({"day": "before_baseline"}, "date"),
    ],
)
def test_absurd_values_and_dates_out_of_range_are_refused_with_the_field(sprint, fields, field):
    gauge = indicator(sprint.challenge)
    days = {
        "future": timezone.localdate() + timedelta(days=1),
        "before_baseline": gauge.baseline_date - timedelta(days=1),
    }
    day = days.get(fields.pop("day", None))

    with pytest.raises(ValidationError) as refusal:
        impact.record_measurement(sprint.member, gauge, entry(day, **fields))

    assert field in refusal.value.error_dict
    assert not Measurement.objects.exists()


def test_a_second_measurement_the_same_day_is_refused(sprint):
    gauge = indicator(sprint.challenge)
    impact.record_measurement(sprint.member, gauge, entry())

    with pytest.raises(ValidationError) as refusal:
        impact.record_measurement(sprint.member, gauge, entry(value="6"))
    assert "date" in refusal.value.error_dict


def delivered(sprint, days_ago):
    challenge = challenge_services.transition(sprint.staff, sprint.challenge, "deliver", "Note.")
    Challenge.objects.filter(pk=challenge.pk).update(
        delivered_at=timezone.now() - timedelta(days=days_ago)
    )
    return Challenge.objects.get(pk=challenge.pk)


def test_measurements_are_reminded_at_one_three_and_six_months_once_each(sprint):
    indicator(sprint.challenge)
    challenge = delivered(sprint, days_ago=35)

    assert impact.remind_measurements() == 1
    assert impact.remind_measurements() == 0
    assert Reminder.objects.filter(challenge=challenge, kind=Reminder.MEASUREMENT).count() == 1
    told = set(Notification.objects.values_list("user", flat=True))
    assert {sprint.member.pk, sprint.sponsor.pk} <= told

    Challenge.objects.filter(pk=challenge.pk).update(delivered_at=timezone.now() - timedelta(100))
    assert impact.remind_measurements() == 1


def test_the_challenge_closes_after_the_last_planned_measurement(sprint):
    gauge = indicator(sprint.challenge, baseline_date=timezone.localdate() - timedelta(days=300))
    challenge = delivered(sprint, days_ago=200)
    Challenge.objects.filter(pk=challenge.pk).update(status=Status.IMPACT_FOLLOW_UP)

    assert impact.close_finished() == (0, 0)
    with pytest.raises(TransitionRefused):
        challenge_services.transition(sprint.staff, challenge, "close")

    Measurement.objects.create(indicator=gauge, date=timezone.localdate(), value=18, source="x")
    assert impact.close_finished() == (1, 0)
    assert Challenge.objects.get(pk=challenge.pk).status == Status.CLOSED


def test_staff_close_early_with_a_note(sprint):
    challenge = delivered(sprint, days_ago=10)
    Challenge.objects.filter(pk=challenge.pk).update(status=Status.IMPACT_FOLLOW_UP)

    challenge = challenge_services.transition(
        sprint.staff, challenge, "close", "Le porteur a arrêté le service."
    )
    assert challenge.status == Status.CLOSED


class FakeCitizenApp:
    label = "fake"
    title = "Application de test"
    challenge_slug = "defi-de-test"

    def impact_indicators(self):
        return [
            {"key": "shops", "label": "Vitrines éteintes", "value": 42, "unit": "", "source": "App"}
        ]


def test_citizen_apps_feed_the_indicators_with_the_same_plugin_key(monkeypatch, db):
    from .factories import make_sprint

    sprint = make_sprint(slug="defi-de-test")
    fed = indicator(sprint.challenge, key="vitrines", plugin_key="shops", target=Decimal(100))
    indicator(sprint.challenge, key="autre")
    monkeypatch.setattr(impact, "citizen_app_configs", lambda: [FakeCitizenApp()])

    assert impact.feed_from_citizen_apps() == 1
    assert impact.feed_from_citizen_apps() == 1  # the same day: updated, not duplicated

    measurement = Measurement.objects.get()
    assert (measurement.indicator, measurement.value) == (fed, Decimal(42))
