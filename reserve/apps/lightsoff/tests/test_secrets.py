"""LightsOff secrets stay secret: report tokens, the shopkeeper's link, the contact queue."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from reserve.accounts.tests.factories import UserFactory
from reserve.apps.lightsoff import services
from reserve.apps.lightsoff.models import Shop, ShopStatus
from reserve.core.models import AuditEntry

from .factories import ReservistFactory, ShopFactory

pytestmark = pytest.mark.django_db


def last_night():
    return (timezone.localtime() - timedelta(days=1)).replace(hour=3, minute=30)


@pytest.fixture
def queued(db):
    shop = ShopFactory(in_queue=True, status=ShopStatus.REPORTED)
    services.report_lit_shop(shop, element="vitrine", seen_at=last_night())
    return Shop.objects.get(pk=shop.pk)


def test_the_public_shop_page_shows_no_report_token(client, queued):
    report = queued.reports.get()

    page = client.get(reverse("lightsoff:shop", args=[queued.pk])).content.decode()

    assert report.token not in page
    assert f"?signalement={report.public_id}" in page


def test_only_the_volunteer_holding_the_claim_sees_the_shopkeeper_link(client, queued):
    holder, other = ReservistFactory(), ReservistFactory()
    services.claim_shop(holder, queued.pk)
    client.force_login(other)

    letter = client.get(reverse("lightsoff:letter", args=[queued.pk]))
    contact = client.get(reverse("lightsoff:contact", args=[queued.pk]))

    assert letter.status_code == contact.status_code == 302
    client.force_login(holder)
    page = client.get(reverse("lightsoff:letter", args=[queued.pk])).content.decode()
    assert queued.token in page


def test_a_reservist_without_a_confirmed_profile_cannot_join_the_queue(client, queued):
    client.force_login(UserFactory(is_reservist=True))

    response = client.get(reverse("lightsoff:queue"))

    assert response.status_code == 403
    assert "complétez d&#x27;abord votre profil" in response.content.decode()


def test_a_reservist_without_a_confirmed_profile_cannot_claim(queued):
    with pytest.raises(PermissionDenied):
        services.claim_shop(UserFactory(is_reservist=True), queued.pk)

    assert Shop.objects.get().claimed_by is None


def test_staff_revoke_a_volunteer_whose_claims_are_freed(client, queued, staff):
    volunteer = ReservistFactory()
    services.claim_shop(volunteer, queued.pk)

    services.revoke_volunteer(staff, volunteer, "Appels insistants")

    assert Shop.objects.get().claimed_by is None
    client.force_login(volunteer)
    assert client.get(reverse("lightsoff:queue")).status_code == 403
    assert AuditEntry.objects.get(action="lightsoff.volunteer_revoked").actor == staff


def test_staff_withdraw_queue_access_from_the_admin_through_the_service(client, queued):
    admin = UserFactory(is_staff=True, is_superuser=True)
    volunteer = ReservistFactory()
    client.force_login(admin)

    client.post(
        reverse("admin:lightsoff_volunteerrevocation_add"),
        {"user": volunteer.pk, "reason": "Ton agressif au téléphone"},
    )

    assert AuditEntry.objects.get(action="lightsoff.volunteer_revoked").actor == admin
    with pytest.raises(PermissionDenied):
        services.claim_shop(volunteer, queued.pk)
