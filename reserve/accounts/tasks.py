from django_tasks import task

from . import expiry


@task()
def expire_accounts() -> dict:
    return expiry.expire_accounts()
