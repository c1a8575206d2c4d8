from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.core.mail import send_mail

from reserve.core import mail as outbox
from reserve.core.models import OutboxMessage

pytestmark = pytest.mark.django_db


class BrokenBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise SMTPServerDisconnected("Connection unexpectedly closed")


def test_it_stores_the_message_before_sending(run_tasks):
    send_mail("Bienvenue", "Bonjour", None, ["camille@exemple.fr"])

    message = OutboxMessage.objects.get()
    assert message.status == OutboxMessage.Status.QUEUED
    assert message.recipients_list == ["camille@exemple.fr"]
    assert mail.outbox == []


def test_the_worker_delivers_queued_messages(run_tasks):
    send_mail("Bienvenue", "Bonjour", None, ["camille@exemple.fr"])

    run_tasks()

    message = OutboxMessage.objects.get()
    assert message.status == OutboxMessage.Status.SENT
    assert message.attempts == 1
    assert [m.subject for m in mail.outbox] == ["Bienvenue"]


def test_an_smtp_outage_loses_no_message(settings, run_tasks):
    settings.EMAIL_DELIVERY_BACKEND = f"{__name__}.BrokenBackend"
    send_mail("Bienvenue", "Bonjour", None, ["camille@exemple.fr"])

    run_tasks()

    message = OutboxMessage.objects.get()
    assert message.status == OutboxMessage.Status.QUEUED
    assert message.attempts == 1
    assert "Connection unexpectedly closed" in message.last_error


def test_a_message_fails_after_the_last_attempt(settings):
    settings.EMAIL_DELIVERY_BACKEND = f"{__name__}.BrokenBackend"
    settings.OUTBOX_MAX_ATTEMPTS = 2
    send_mail("Bienvenue", "Bonjour", None, ["camille@exemple.fr"])
    message = OutboxMessage.objects.get()

    outbox.deliver(message.pk)
    outbox.deliver(message.pk)

    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.FAILED
    assert message.attempts == 2


def test_staff_can_retry_a_failed_message(settings, run_tasks):
    settings.EMAIL_DELIVERY_BACKEND = f"{__name__}.BrokenBackend"
    settings.OUTBOX_MAX_ATTEMPTS = 1
    send_mail("Bienvenue", "Bonjour", None, ["camille@exemple.fr"])
    run_tasks()
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    retried = outbox.retry(OutboxMessage.objects.all())
    run_tasks()

    assert retried == 1
    assert OutboxMessage.objects.get().status == OutboxMessage.Status.SENT
    assert len(mail.outbox) == 1


def test_staff_retry_from_the_admin(settings, client, run_tasks):
    from reserve.accounts.tests.factories import UserFactory

    settings.EMAIL_DELIVERY_BACKEND = f"{__name__}.BrokenBackend"
    settings.OUTBOX_MAX_ATTEMPTS = 1
    send_mail("Bienvenue", "Bonjour", None, ["camille@exemple.fr"])
    run_tasks()
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    message = OutboxMessage.objects.get()

    response = client.post(
        "/admin/core/outboxmessage/",
        {"action": "retry", "_selected_action": [message.pk]},
        follow=True,
    )
    run_tasks()

    assert "1 message remis en file." in response.content.decode()
    assert len(mail.outbox) == 1


def test_retry_delay_grows():
    assert [outbox.retry_delay(n).total_seconds() for n in (1, 2, 3)] == [60, 240, 960]


def test_a_sent_message_is_never_sent_twice(run_tasks):
    send_mail("Bienvenue", "Bonjour", None, ["camille@exemple.fr"])
    run_tasks()

    outbox.deliver(OutboxMessage.objects.get().pk)

    assert len(mail.outbox) == 1
