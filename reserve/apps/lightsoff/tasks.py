"""LightsOff periodic jobs (listed on the AppConfig, enqueued by `manage.py scheduler`)."""

from django_tasks import task

from reserve.core.audit import SYSTEM

from . import services


@task()
def send_follow_ups() -> int:
    return services.send_follow_ups()


@task()
def purge_personal_data() -> int:
    return services.purge_personal_data(SYSTEM)


@task()
def fetch_ecowatt() -> int:
    return services.fetch_ecowatt_from_rte()


@task()
def release_expired_claims() -> int:
    return services.release_expired_claims()
