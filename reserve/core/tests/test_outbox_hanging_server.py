"""A mail server that accepts the connection and never answers must not stop the site writing.

Real connections (a transactional test): the delivery runs in a thread with its own connection
while the test's connection writes, as a worker and a web process would.
"""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from reserve.accounts.tests.factories import UserFactory
from reserve.core import mail as outbox
from reserve.core.models import OutboxMessage

pytestmark = pytest.mark.django_db(transaction=True)


class HangingBackend:
    """Blocks inside `send_messages` until the test releases it, then delivers to mail.outbox."""

    entered = threading.Event()
    release = threading.Event()

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        type(self).entered.set()
        type(self).release.wait(30)
        mail.outbox.extend(messages)
        return len(messages)


@pytest.fixture
def hanging_server(settings):
    settings.EMAIL_DELIVERY_BACKEND = f"{__name__}.HangingBackend"
    HangingBackend.entered.clear()
    HangingBackend.release.clear()
    yield HangingBackend
    HangingBackend.release.set()


def queued_message() -> OutboxMessage:
    return OutboxMessage.objects.create(
        subject="Bienvenue", from_email="contact@lareserve.fr", recipients="a@exemple.fr", body="."
    )


def deliver_in_thread(message_id: int) -> threading.Thread:
    def work():
        try:
            outbox.deliver(message_id)
        finally:
            connection.close()

    thread = threading.Thread(target=work)
    thread.start()
    return thread


def writes_in_thread(*writes) -> list:
    """Run the writes on another connection; what they raised, or None if still blocked."""
    outcome = []

    def work():
        try:
            for write in writes:
                write()
        except Exception as error:  # noqa: BLE001 - the test reports it
            outcome.append(error)
        finally:
            connection.close()
            outcome.append("done")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(5)
    return outcome if outcome else None


def test_the_site_writes_while_the_mail_server_hangs(hanging_server):
    message = queued_message()
    thread = deliver_in_thread(message.pk)
    assert hanging_server.entered.wait(10)

    outcome = writes_in_thread(
        lambda: UserFactory(email="pendant@exemple.fr"),
        lambda: OutboxMessage.objects.filter(pk=message.pk).update(body="modifié pendant l'envoi"),
    )

    hanging_server.release.set()
    assert outcome == ["done"]
    thread.join(10)
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT
    assert [m.subject for m in mail.outbox] == ["Bienvenue"]


def test_a_message_being_sent_is_not_sent_by_a_second_worker(hanging_server):
    message = queued_message()
    thread = deliver_in_thread(message.pk)
    assert hanging_server.entered.wait(10)

    during = outbox.deliver(message.pk)

    hanging_server.release.set()
    thread.join(10)
    assert during.status == OutboxMessage.Status.SENDING
    assert len(mail.outbox) == 1


def test_a_message_whose_sender_died_is_sent_after_the_lease(settings):
    message = queued_message()
    lapsed = timezone.now() - timedelta(seconds=settings.OUTBOX_LEASE_SECONDS + 1)
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxMessage.Status.SENDING, claimed_at=lapsed, attempts=1
    )

    outbox.deliver(message.pk)

    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT
    assert message.attempts == 2
    assert len(mail.outbox) == 1


def test_every_attempt_carries_the_same_message_id():
    message = queued_message()

    first, second = outbox.as_email(message).message(), outbox.as_email(message).message()

    assert first["Message-ID"] == second["Message-ID"]
    assert first["Message-ID"].endswith("@lareserve.fr>")
