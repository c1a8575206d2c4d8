from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task

from reserve.core import schedule
from reserve.core.models import ScheduledJob

pytestmark = pytest.mark.django_db

RUNS = []


@task()
def count_a_run():
    RUNS.append(1)


@pytest.fixture
def daily_job(monkeypatch):
    RUNS.clear()
    monkeypatch.setattr(schedule, "periodic_tasks", lambda: [(count_a_run, timedelta(days=1))])


def test_a_job_is_enqueued_once_per_interval(daily_job, run_tasks):
    now = timezone.now()

    first = schedule.enqueue_due(now)
    again = schedule.enqueue_due(now + timedelta(hours=23))
    next_day = schedule.enqueue_due(now + timedelta(days=1, minutes=1))
    run_tasks()

    assert (len(first), again, len(next_day)) == (1, [], 1)
    assert len(RUNS) == 2
    assert ScheduledJob.objects.get().last_enqueued_at == now + timedelta(days=1, minutes=1)


def test_the_scheduler_command_reports_what_it_enqueued(daily_job, capsys):
    call_command("scheduler", once=True)

    assert "1 periodic job(s) enqueued" in capsys.readouterr().out
