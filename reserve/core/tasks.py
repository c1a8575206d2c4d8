from django_tasks import task

from . import mail


@task()
def deliver_outbox_message(message_id: int) -> None:
    mail.deliver(message_id)
