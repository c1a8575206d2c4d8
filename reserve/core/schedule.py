"""Periodic jobs: purges, reminders, imports.

An app lists its jobs on its AppConfig as `periodic_tasks = [(task, timedelta(...)), ...]`, where
`task` is a django-tasks task taking no argument. `manage.py scheduler` (run by `make run`, and in
production next to the workers) enqueues each job when its interval has passed; the workers run it.
"""

from datetime import timedelta

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from .models import ScheduledJob


def periodic_tasks():
    for config in apps.get_app_configs():
        yield from getattr(config, "periodic_tasks", [])


def enqueue_due(now=None) -> list[str]:
    """Enqueue every job whose interval has passed; returns their names."""
    now = now or timezone.now()
    enqueued = []
    for task, interval in periodic_tasks():
        if _claim(task.module_path, interval, now):
            task.enqueue()
            enqueued.append(task.module_path)
    return enqueued


@transaction.atomic
def _claim(name: str, interval: timedelta, now) -> bool:
    job = ScheduledJob.objects.select_for_update().filter(name=name).first()
    if job is None:
        ScheduledJob.objects.create(name=name, last_enqueued_at=now)
        return True
    if job.last_enqueued_at + interval > now:
        return False
    job.last_enqueued_at = now
    job.save(update_fields=["last_enqueued_at"])
    return True
