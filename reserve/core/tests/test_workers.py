"""A worker killed in the middle of a task loses nothing: the sweep queues its work again."""

import threading
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import send_mail
from django.db import connection
from django.utils import timezone
from django_tasks import task
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from reserve.core import workers
from reserve.core.mail import deliver_outbox_message
from reserve.core.models import OutboxMessage, TaskHeartbeat
from reserve.core.tasks import recover_lost_work

release = threading.Event()


@task()
def wait_for_release() -> str:
    release.wait(30)
    return "done"


def killed_mid_task(result_id, *, workers_lost=1, minutes_ago=10):
    """What a worker killed by SIGKILL leaves: the task "running", no heartbeat."""
    DBTaskResult.objects.filter(pk=result_id).update(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - timedelta(minutes=minutes_ago),
        worker_ids=[f"dead-{n}" for n in range(workers_lost)],
    )


@pytest.mark.django_db
def test_a_message_whose_worker_was_killed_is_delivered_once(run_tasks):
    send_mail("Bienvenue", "Bonjour", None, ["camille@exemple.fr"])
    killed_mid_task(DBTaskResult.objects.get().pk)
    run_tasks()
    assert mail.outbox == []

    assert workers.requeue_abandoned_tasks() == {"requeued": 1, "failed": 0}
    run_tasks()
    run_tasks()

    assert OutboxMessage.objects.get().status == OutboxMessage.Status.SENT
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_task_that_keeps_killing_its_worker_is_failed(settings):
    settings.TASK_MAX_ATTEMPTS = 3
    result = wait_for_release.enqueue()
    killed_mid_task(result.id, workers_lost=3)

    assert workers.requeue_abandoned_tasks() == {"requeued": 0, "failed": 1}
    assert DBTaskResult.objects.get().status == TaskResultStatus.FAILED


@pytest.mark.django_db
def test_a_task_running_within_its_lease_is_left_alone():
    result = wait_for_release.enqueue()
    killed_mid_task(result.id, minutes_ago=0)

    assert workers.requeue_abandoned_tasks() == {"requeued": 0, "failed": 0}


@pytest.mark.django_db
def test_a_message_queued_with_no_task_is_queued_again(run_tasks):
    send_mail("Bienvenue", "Bonjour", None, ["camille@exemple.fr"])
    DBTaskResult.objects.all().delete()

    summary = recover_lost_work.call()
    run_tasks()

    assert summary["messages"] == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_message_with_a_waiting_task_gets_no_second_one():
    send_mail("Bienvenue", "Bonjour", None, ["camille@exemple.fr"])

    assert workers.requeue_stranded_messages() == 0
    assert DBTaskResult.objects.filter(task_path=deliver_outbox_message.module_path).count() == 1


@pytest.mark.django_db
def test_a_message_whose_sender_died_is_queued_again(settings):
    send_mail("Bienvenue", "Bonjour", None, ["camille@exemple.fr"])
    DBTaskResult.objects.all().delete()
    lapsed = timezone.now() - timedelta(seconds=settings.OUTBOX_LEASE_SECONDS + 1)
    OutboxMessage.objects.update(status=OutboxMessage.Status.SENDING, claimed_at=lapsed)

    assert workers.requeue_stranded_messages() == 1


@pytest.mark.django_db(transaction=True)
def test_a_long_task_keeps_its_worker_alive_past_the_lease(settings):
    settings.TASK_HEARTBEAT_SECONDS = 0.1
    settings.TASK_LEASE_SECONDS = 1
    release.clear()
    result = wait_for_release.enqueue()
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=1,
        worker_id="living-worker",
        excluded_queue_names=[],
    )

    def work():
        try:
            worker.run()
        finally:
            connection.close()

    thread = threading.Thread(target=work)
    thread.start()
    try:
        time.sleep(2.5)
        swept = workers.requeue_abandoned_tasks()
    finally:
        release.set()
        thread.join(10)

    assert swept == {"requeued": 0, "failed": 0}
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL
    assert not TaskHeartbeat.objects.exists()
