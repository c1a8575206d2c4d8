"""Shops move through one lifecycle; the admin is no back door around the services."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reserve.accounts.tests.factories import UserFactory
from reserve.apps.lightsoff import services
from reserve.apps.lightsoff.models import (
    ContactAttempt,
    EcoWattDay,
    LocalRule,
    Shop,
    ShopStatus,
)
from reserve.core.audit import SYSTEM
from reserve.core.models import AuditEntry

from .factories import ShopFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def last_night(hour=3, minute=30):
    return (timezone.localtime() - timedelta(days=1)).replace(hour=hour, minute=minute)


def test_every_status_change_is_an_audited_transition(shop):
    services.report_lit_shop(shop, element="vitrine", seen_at=last_night())

    entry = AuditEntry.objects.get(action="shop.report")
    assert (entry.data["from_status"], entry.data["to_status"]) == ("listed", "reported")


def test_a_follow_up_the_lifecycle_refuses_is_explained(client, shop):
    report = services.report_lit_shop(shop, element="vitrine", seen_at=last_night())
    services.answer_as_shopkeeper(shop, "reason", "open_at_night")

    response = client.post(
        reverse("lightsoff:follow_up", args=[report.token]), {"answer": "still_lit"}
    )

    assert "le commerce est « Non concerné »" in response.content.decode()
    assert Shop.objects.get().status == ShopStatus.NOT_APPLICABLE


def test_after_the_shopkeeper_answered_the_volunteer_can_still_record_the_contact(reservist):
    shop = ShopFactory(in_queue=True, status=ShopStatus.REPORTED)
    assert services.claim_shop(reservist, shop.pk)
    services.answer_as_shopkeeper(Shop.objects.get(pk=shop.pk), "switched_off")

    services.log_contact(reservist, Shop.objects.get(pk=shop.pk), "positive", "Déjà éteint")

    assert ContactAttempt.objects.get().notes == "Déjà éteint"
    assert Shop.objects.get().status == ShopStatus.ANSWERED


def test_the_contact_page_stays_open_to_the_claim_holder_after_the_answer(client, reservist):
    shop = ShopFactory(in_queue=True, status=ShopStatus.REPORTED)
    client.force_login(reservist)
    client.post(reverse("lightsoff:claim", args=[shop.pk]))
    services.answer_as_shopkeeper(Shop.objects.get(pk=shop.pk), "switched_off")

    response = client.post(
        reverse("lightsoff:contact", args=[shop.pk]), {"outcome": "positive", "notes": "Ok"}
    )

    assert response.url == reverse("lightsoff:queue")
    assert ContactAttempt.objects.exists()


def test_the_shop_status_cannot_be_changed_in_the_admin(admin_client, shop):
    page = admin_client.get(reverse("admin:lightsoff_shop_change", args=[shop.pk]))

    assert 'name="status"' not in page.content.decode()


def test_a_local_rule_saved_in_the_admin_is_audited_and_used_at_once(admin_client):
    night = timezone.localdate() - timedelta(days=1)
    hours = {"opening_hours": "Mo-Su 09:00-19:00", "commune": "33063"}
    before = services.verdict_for("vitrine", f"{night}T23:30", **hours)
    data = {
        "commune": "33063",
        "element": "vitrine",
        "off_from": "23:00",
        "on_until": "07:00",
        "source": "Arrêté municipal n° 12",
        "valid_from": "2020-01-01",
        "valid_until": "",
    }

    admin_client.post(reverse("admin:lightsoff_localrule_add"), data)

    after = services.verdict_for("vitrine", f"{night}T23:30", **hours)
    entry = AuditEntry.objects.get(action="lightsoff.localrule_created")
    assert LocalRule.objects.count() == 1
    assert entry.actor.is_superuser
    assert (before.status, after.status) == ("allowed", "violation")


def test_an_ecowatt_day_entered_in_the_admin_goes_through_the_service(admin_client):
    admin_client.post(
        reverse("admin:lightsoff_ecowattday_add"),
        {"day": "2026-01-15", "value": "3", "message": ""},
    )

    assert EcoWattDay.objects.get().day == date(2026, 1, 15)
    assert AuditEntry.objects.get(action="lightsoff.ecowatt_set").actor.is_superuser


def test_the_purge_is_recorded_as_done_by_the_platform(shop):
    report = services.report_lit_shop(
        shop, element="vitrine", seen_at=last_night(), email="a@exemple.fr", consent=True
    )
    report.__class__.objects.update(created_at=timezone.now() - timedelta(days=120))

    assert services.purge_personal_data(SYSTEM) == 1

    entry = AuditEntry.objects.get(action="lightsoff.purged")
    assert entry.actor is None
    assert entry.data == {"reports": 1, "by_platform": True}
