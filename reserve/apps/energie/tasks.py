"""Énergie periodic jobs (listed on the AppConfig, enqueued by `manage.py scheduler`)."""

from django_tasks import task

from . import distribution, services


@task()
def send_follow_ups() -> int:
    return distribution.send_follow_ups()


@task()
def purge_stale_files() -> int:
    return services.purge_stale()
