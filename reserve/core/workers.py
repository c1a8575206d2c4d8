"""A worker that dies loses nothing.

django-tasks-db marks a task "running" when a worker takes it and never looks at it again: if
the worker is killed, the task stays "running" for ever. Here, while a task runs, its worker
writes a heartbeat every TASK_HEARTBEAT_SECONDS (a thread, so a long task keeps beating); the
periodic sweep `recover_lost_work` queues again every running task with no heartbeat for
TASK_LEASE_SECONDS, and every outbox message that waits with no live task to deliver it.
docs/workers.md says what this guarantees.
"""

import logging
import threading
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Q
from django.utils import timezone
from django_tasks.signals import task_finished, task_started
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from . import mail
from .models import OutboxMessage, TaskHeartbeat

logger = logging.getLogger(__name__)

_beating: dict[str, tuple[threading.Event, threading.Thread]] = {}


def beat(task_id, worker_id: str) -> None:
    TaskHeartbeat.objects.update_or_create(
        task_id=task_id, defaults={"worker_id": worker_id[:64], "seen_at": timezone.now()}
    )


def _beat_until(stopped: threading.Event, task_id, worker_id: str) -> None:
    try:
        while not stopped.wait(settings.TASK_HEARTBEAT_SECONDS):
            try:
                beat(task_id, worker_id)
            except DatabaseError:
                # A busy database delays one beat; the lease allows several missed ones.
                logger.warning("Heartbeat of task %s missed", task_id, exc_info=True)
    finally:
        connection.close()


def _from_database_backend(sender) -> bool:
    backend = sender if isinstance(sender, type) else type(sender)
    return issubclass(backend, DatabaseBackend)


def on_task_started(sender, task_result, **kwargs) -> None:
    if not _from_database_backend(sender) or not task_result.worker_ids:
        return
    worker_id = task_result.worker_ids[-1]
    beat(task_result.id, worker_id)
    stopped = threading.Event()
    thread = threading.Thread(
        target=_beat_until, args=(stopped, task_result.id, worker_id), daemon=True
    )
    _beating[str(task_result.id)] = (stopped, thread)
    thread.start()


def on_task_finished(sender, task_result, **kwargs) -> None:
    beating = _beating.pop(str(task_result.id), None)
    if beating is None:
        return
    stopped, thread = beating
    stopped.set()
    thread.join()
    TaskHeartbeat.objects.filter(task_id=task_result.id).delete()


def connect_signals() -> None:
    task_started.connect(on_task_started, dispatch_uid="reserve.core.workers.started")
    task_finished.connect(on_task_finished, dispatch_uid="reserve.core.workers.finished")


def requeue_abandoned_tasks(now=None) -> dict[str, int]:
    """Queue again the running tasks whose worker stopped beating; fail those tried too often."""
    now = now or timezone.now()
    stale = now - timedelta(seconds=settings.TASK_LEASE_SECONDS)
    alive = TaskHeartbeat.objects.filter(seen_at__gte=stale).values("task_id")
    abandoned = DBTaskResult.objects.running().filter(started_at__lt=stale).exclude(id__in=alive)
    counts = {"requeued": 0, "failed": 0}
    for result in abandoned:
        unchanged = DBTaskResult.objects.filter(
            pk=result.pk, status=TaskResultStatus.RUNNING, started_at=result.started_at
        )
        if len(result.worker_ids) >= settings.TASK_MAX_ATTEMPTS:
            done = unchanged.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path="reserve.core.workers.WorkerLost",
                traceback=f"Worker lost {len(result.worker_ids)} times: {result.worker_ids}",
            )
            counts["failed"] += done
        else:
            done = unchanged.update(status=TaskResultStatus.READY, started_at=None)
            counts["requeued"] += done
        if done:
            logger.warning("Task %s (%s) lost its worker", result.pk, result.task_path)
    TaskHeartbeat.objects.filter(seen_at__lt=stale).delete()
    return counts


def requeue_stranded_messages(now=None) -> int:
    """Queue a delivery for every message waiting with no live task (or whose sender died)."""
    if not isinstance(mail.deliver_outbox_message.get_backend(), DatabaseBackend):
        return 0
    now = now or timezone.now()
    live = DBTaskResult.objects.filter(
        task_path=mail.deliver_outbox_message.module_path,
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
    ).values_list("args_kwargs", flat=True)
    delivered_by_a_live_task = {args_kwargs["args"][0] for args_kwargs in live}
    waiting = OutboxMessage.objects.filter(
        Q(status=OutboxMessage.Status.QUEUED)
        | Q(status=OutboxMessage.Status.SENDING, claimed_at__lt=mail.lease_expired_before(now))
    ).values_list("pk", flat=True)
    stranded = [pk for pk in waiting if pk not in delivered_by_a_live_task]
    for pk in stranded:
        mail.deliver_outbox_message.enqueue(pk)
    return len(stranded)
