from django.db import transaction
from django_tasks import task

from . import services


@task()
def send_pool_email(profile_ids: list[int], subject: str, body: str) -> int:
    # All or nothing: run again after a worker's death, it must not e-mail the first ones twice.
    with transaction.atomic():
        return services.deliver_pool_email(profile_ids, subject, body)


@task()
def handle_inactive_reservists() -> None:
    services.remind_inactive()
    services.anonymise_inactive()
