"""E-mail through an outbox: every message is stored, then delivered by a background task.

`OutboxBackend` is the project's EMAIL_BACKEND, so every e-mail (ours and allauth's) is recorded
in `OutboxMessage` in the same transaction as the work that caused it, and a task delivers it with
the real transport (EMAIL_DELIVERY_BACKEND). A failed delivery is retried later with a growing
delay; staff see every message and can retry failed ones. docs/workers.md says what is guaranteed.
"""

import logging
from datetime import datetime, timedelta
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from .models import OutboxMessage

logger = logging.getLogger(__name__)


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
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
    headers = {"Message-ID": message_id_of(stored), **stored.headers}
    email = EmailMultiAlternatives(
        subject=stored.subject,
        body=stored.body,
        from_email=stored.from_email,
        to=stored.recipients_list,
        cc=stored.cc,
        bcc=stored.bcc,
        reply_to=stored.reply_to,
        headers=headers,
        # Django's SMTP backend bounds connecting and every exchange by EMAIL_TIMEOUT.
        connection=get_connection(settings.EMAIL_DELIVERY_BACKEND),
    )
    if stored.html_body:
        email.attach_alternative(stored.html_body, "text/html")
    return email


def message_id_of(stored: OutboxMessage) -> str:
    """The same Message-ID at every attempt: a resend after a crash is recognisably a duplicate."""
    domain = parseaddr(stored.from_email)[1].rpartition("@")[2] or "lareserve.localhost"
    return f"<outbox.{stored.pk}.{stored.created_at:%Y%m%d%H%M%S}@{domain}>"


def retry_delay(attempts: int) -> timedelta:
    """1, 4, 16, 64... minutes: a short outage heals fast, a long one does not flood the server."""
    return timedelta(minutes=4 ** (attempts - 1))


def lease_expired_before(now: datetime) -> datetime:
    return now - timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)


@task()
def deliver_outbox_message(message_id: int) -> None:
    deliver(message_id)


def deliver(message_id: int) -> OutboxMessage | None:
    """Send one queued message; on failure keep it, note the error and schedule another try.

    Three short steps, so that a slow or hanging mail server never holds a database lock: claim
    the message (one UPDATE), talk to the server with no transaction open, record the outcome
    (one UPDATE, only while the claim is still ours). A message already sent is never sent again.
    """
    claimed_at = claim(message_id)
    if claimed_at is None:
        return OutboxMessage.objects.filter(pk=message_id).first()
    stored = OutboxMessage.objects.get(pk=message_id)
    try:
        as_email(stored).send()
    except Exception as error:  # noqa: BLE001 - any transport error must keep the message
        record_failure(stored, claimed_at, f"{type(error).__name__}: {error}"[:2000])
    else:
        record_success(stored, claimed_at)
    return stored


def claim(message_id: int):
    """Take a queued message (or one whose sender's claim lapsed); the claim time, or None."""
    now = timezone.now()
    claimable = Q(status=OutboxMessage.Status.QUEUED) | Q(
        status=OutboxMessage.Status.SENDING, claimed_at__lt=lease_expired_before(now)
    )
    taken = OutboxMessage.objects.filter(claimable, pk=message_id).update(
        status=OutboxMessage.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    return now if taken else None


def _still_claimed(stored: OutboxMessage, claimed_at):
    return OutboxMessage.objects.filter(
        pk=stored.pk, status=OutboxMessage.Status.SENDING, claimed_at=claimed_at
    )


def record_success(stored: OutboxMessage, claimed_at) -> None:
    stored.status = OutboxMessage.Status.SENT
    stored.sent_at = timezone.now()
    stored.last_error = ""
    recorded = _still_claimed(stored, claimed_at).update(
        status=stored.status, sent_at=stored.sent_at, last_error=""
    )
    if not recorded:
        logger.warning("Outbox message %s was sent after its claim lapsed", stored.pk)


def record_failure(stored: OutboxMessage, claimed_at, error: str) -> None:
    exhausted = stored.attempts >= settings.OUTBOX_MAX_ATTEMPTS
    stored.status = OutboxMessage.Status.FAILED if exhausted else OutboxMessage.Status.QUEUED
    stored.last_error = error
    recorded = _still_claimed(stored, claimed_at).update(status=stored.status, last_error=error)
    if recorded and not exhausted:
        schedule_retry(stored)


def schedule_retry(stored: OutboxMessage) -> None:
    run_after = timezone.now() + retry_delay(stored.attempts)
    deliver_outbox_message.using(run_after=run_after).enqueue(stored.pk)


def retry(messages) -> int:
    """Staff action: queue failed messages again, with a fresh count of attempts."""
    count = 0
    retriable = [OutboxMessage.Status.QUEUED, OutboxMessage.Status.FAILED]
    for stored in messages.filter(status__in=retriable):
        stored.status = OutboxMessage.Status.QUEUED
        stored.attempts = 0
        stored.save(update_fields=["status", "attempts"])
        deliver_outbox_message.enqueue(stored.pk)
        count += 1
    return count
