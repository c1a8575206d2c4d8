"""LightsOff tells people through reserve.core.notify: templates, consent, people's choices."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from reserve.accounts.tests.factories import UserFactory
from reserve.apps.lightsoff import services
from reserve.apps.lightsoff.models import ContactAttempt, Report, Shop, TenseDayAlert
from reserve.core.audit import SYSTEM
from reserve.core.models import Notification

from .factories import ShopFactory

pytestmark = pytest.mark.django_db


def old_report(shop, **fields):
    report = services.report_lit_shop(
        shop, element="vitrine", seen_at=timezone.now() - timedelta(hours=1), **fields
    )
    Report.objects.filter(pk=report.pk).update(created_at=timezone.now() - timedelta(days=8))
    return report


def test_the_reporters_follow_up_comes_from_the_templates_with_the_purge_delay(
    shop, run_tasks, settings
):
    settings.LIGHTSOFF_PURGE_DAYS = 60
    report = old_report(shop, email="voisin@exemple.fr", consent=True)

    services.send_follow_ups()
    run_tasks()

    message = mail.outbox[0]
    assert message.subject == f"{shop.name} est-il éteint ? Repassez le voir"
    assert reverse("lightsoff:follow_up", args=[report.token]) in message.body
    assert "effacée 60 jours après" in message.body


def test_a_reporter_whose_account_refuses_optional_emails_gets_no_follow_up(shop, run_tasks):
    UserFactory(email="voisin@exemple.fr", receive_optional_emails=False)
    old_report(shop, email="voisin@exemple.fr", consent=True)

    services.send_follow_ups()
    run_tasks()

    assert mail.outbox == []


def test_the_volunteers_follow_up_is_a_notification_leading_to_their_own_page(reservist, run_tasks):
    shop = ShopFactory(in_queue=True)
    report = old_report(shop)
    services.claim_shop(reservist, shop.pk)
    services.log_contact(reservist, Shop.objects.get(pk=shop.pk), "will_fix")
    ContactAttempt.objects.update(created_at=timezone.now() - timedelta(days=8))

    services.send_follow_ups()
    run_tasks()

    notification = Notification.objects.get(user=reservist)
    assert notification.url == reverse("lightsoff:volunteer_follow_up", args=[shop.pk])
    assert report.token not in mail.outbox[0].body


def test_a_tense_day_notifies_volunteers_but_emails_only_those_who_want_optional_emails(
    run_tasks,
):
    keen = UserFactory(is_reservist=True)
    quiet = UserFactory(is_reservist=True, receive_optional_emails=False)
    TenseDayAlert.objects.create(user=keen)
    TenseDayAlert.objects.create(user=quiet)

    services.set_ecowatt(SYSTEM, timezone.localdate() + timedelta(days=1), 3)
    run_tasks()

    assert [m.to for m in mail.outbox] == [[keen.email]]
    assert mail.outbox[0].subject == "Jour EcoWatt rouge : chaque vitrine éteinte compte"
    assert Notification.objects.filter(user=quiet).exists()
