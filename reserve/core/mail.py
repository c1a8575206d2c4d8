"""E-mail through an outbox: every message is stored, then delivered by a background task.

`OutboxBackend` is the project's EMAIL_BACKEND, so every e-mail (ours and allauth's) is recorded
in `OutboxMessage` in the same transaction as the work that caused it, and a task delivers it with
the real transport (EMAIL_DELIVERY_BACKEND). A failed delivery is retried later with a growing
delay; staff see every message and can retry failed ones.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone

from .models import OutboxMessage


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        from .tasks import deliver_outbox_message

        for message in email_messages:
            stored = store(message)
            deliver_outbox_message.enqueue(stored.pk)
        return len(email_messages)


def store(message) -> OutboxMessage:
    html = next((c for c, mime in getattr(message, "alternatives", []) if mime == "text/html"), "")
    return OutboxMessage.objects.create(
        subject=message.subject[:300],
        from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
        recipients="\n".join(message.to),
        cc=list(message.cc),
        bcc=list(message.bcc),
        reply_to=list(message.reply_to),
        headers=dict(message.extra_headers),
        body=message.body,
        html_body=html,
    )


def as_email(stored: OutboxMessage) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        subject=stored.subject,
        body=stored.body,
        from_email=stored.from_email,
        to=stored.recipients_list,
        cc=stored.cc,
        bcc=stored.bcc,
        reply_to=stored.reply_to,
        headers=stored.headers,
        connection=get_connection(settings.EMAIL_DELIVERY_BACKEND),
    )
    if stored.html_body:
        email.attach_alternative(stored.html_body, "text/html")
    return email


def retry_delay(attempts: int) -> timedelta:
    """1, 4, 16, 64... minutes: a short outage heals fast, a long one does not flood the server."""
    return timedelta(minutes=4 ** (attempts - 1))


def deliver(message_id: int) -> OutboxMessage | None:
    """Send one queued message; on failure keep it, note the error and schedule another try."""
    with transaction.atomic():
        stored = OutboxMessage.objects.select_for_update().filter(pk=message_id).first()
        if stored is None or stored.status == OutboxMessage.Status.SENT:
            return stored
        stored.attempts += 1
        try:
            as_email(stored).send()
        except Exception as error:  # noqa: BLE001 - any transport error must keep the message
            stored.last_error = f"{type(error).__name__}: {error}"[:2000]
            exhausted = stored.attempts >= settings.OUTBOX_MAX_ATTEMPTS
            stored.status = (
                OutboxMessage.Status.FAILED if exhausted else OutboxMessage.Status.QUEUED
            )
            stored.save(update_fields=["attempts", "last_error", "status"])
            if not exhausted:
                schedule_retry(stored)
            return stored
        stored.status = OutboxMessage.Status.SENT
        stored.sent_at = timezone.now()
        stored.last_error = ""
        stored.save(update_fields=["attempts", "last_error", "status", "sent_at"])
        return stored


def schedule_retry(stored: OutboxMessage) -> None:
    from .tasks import deliver_outbox_message

    run_after = timezone.now() + retry_delay(stored.attempts)
    deliver_outbox_message.using(run_after=run_after).enqueue(stored.pk)


def retry(messages) -> int:
    """Staff action: queue failed messages again, with a fresh count of attempts."""
    from .tasks import deliver_outbox_message

    count = 0
    for stored in messages.exclude(status=OutboxMessage.Status.SENT):
        stored.status = OutboxMessage.Status.QUEUED
        stored.attempts = 0
        stored.save(update_fields=["status", "attempts"])
        deliver_outbox_message.enqueue(stored.pk)
        count += 1
    return count
