from django_tasks import task

from . import services


@task()
def send_pool_email(profile_ids: list[int], subject: str, body: str) -> int:
    return services.deliver_pool_email(profile_ids, subject, body)
