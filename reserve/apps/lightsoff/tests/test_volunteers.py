from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reserve.apps.lightsoff import services
from reserve.apps.lightsoff.models import ContactAttempt, Shop, ShopStatus

from .factories import ReservistFactory, ShopFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(db):
    return ShopFactory(
        in_queue=True, status=ShopStatus.REPORTED, last_verdict="violation", report_count=1
    )


def test_the_queue_is_for_reservists_only(client, user):
    client.force_login(user)

    assert client.get(reverse("lightsoff:queue")).status_code == 403


def test_the_queue_lists_violations_and_most_reported_first(client, reservist):
    ShopFactory(name="Incertain", in_queue=True, last_verdict="uncertain", report_count=5)
    ShopFactory(name="Infraction", in_queue=True, last_verdict="violation", report_count=1)
    ShopFactory(name="Infraction x3", in_queue=True, last_verdict="violation", report_count=3)
    ShopFactory(name="Pas demandé", in_queue=False)
    client.force_login(reservist)

    shops = list(client.get(reverse("lightsoff:queue")).context["shops"])

    assert [s.name for s in shops] == ["Infraction x3", "Infraction", "Incertain"]


def test_a_volunteer_claims_a_shop_and_a_second_cannot(client, reservist, queued):
    other = ReservistFactory()

    assert services.claim_shop(reservist, queued.pk)
    assert not services.claim_shop(other, queued.pk)
    client.force_login(other)
    response = client.post(reverse("lightsoff:claim", args=[queued.pk]), follow=True)
    assert "Un autre bénévole" in response.content.decode()


def test_an_expired_claim_can_be_taken_by_someone_else(reservist, queued):
    other = ReservistFactory()
    services.claim_shop(reservist, queued.pk, now=timezone.now() - timedelta(hours=2))

    assert services.claim_shop(other, queued.pk)


def test_logging_a_call_marks_the_shop_contacted_and_frees_it(client, reservist, queued):
    client.force_login(reservist)
    client.post(reverse("lightsoff:claim", args=[queued.pk]))

    response = client.post(
        reverse("lightsoff:contact", args=[queued.pk]),
        {"outcome": "positive", "notes": "Très aimable"},
    )

    assert response.url == reverse("lightsoff:queue")
    queued.refresh_from_db()
    assert queued.status == ShopStatus.CONTACTED
    assert queued.claimed_by is None
    assert ContactAttempt.objects.get().notes == "Très aimable"


def test_a_volunteer_without_the_claim_cannot_log_a_contact(client, reservist, queued):
    services.claim_shop(ReservistFactory(), queued.pk)
    client.force_login(reservist)

    response = client.post(reverse("lightsoff:contact", args=[queued.pk]), {"outcome": "positive"})

    assert response.status_code == 302
    assert not ContactAttempt.objects.exists()


def test_a_shop_contacted_within_30_days_is_not_offered_again(reservist, queued):
    Shop.objects.filter(pk=queued.pk).update(last_contacted_at=timezone.now() - timedelta(days=29))

    assert not services.claim_shop(reservist, queued.pk)
    Shop.objects.filter(pk=queued.pk).update(last_contacted_at=timezone.now() - timedelta(days=31))
    assert services.claim_shop(reservist, queued.pk)


def test_a_shop_that_answered_is_never_contacted_again(reservist, queued):
    services.answer_as_shopkeeper(queued, "switched_off")

    assert not services.claim_shop(reservist, queued.pk)


@pytest.mark.parametrize(
    ("phone", "premium"),
    [("08 99 12 34 56", True), ("0891234567", True), ("+33 8 92 00 00 00", True), ("3650", True),
     ("05 56 00 00 00", False), ("+33 1 40 00 00 00", False), ("06 12 34 56 78", False)],
)  # fmt: skip
def test_premium_rate_numbers_are_recognised(phone, premium):
    assert services.is_premium_rate(phone) is premium


def test_the_volunteer_is_warned_not_to_call_a_premium_number(client, reservist):
    shop = ShopFactory(in_queue=True, phone="0899 00 00 00")
    client.force_login(reservist)
    client.post(reverse("lightsoff:claim", args=[shop.pk]))

    page = client.get(reverse("lightsoff:contact", args=[shop.pk])).content.decode()

    assert "tel:" not in page
    assert "surtaxé" in page


def last_night_at(hour, minute=0):
    return (timezone.localtime() - timedelta(days=1)).replace(hour=hour, minute=minute)


def test_the_printable_letter_carries_a_qr_code_to_the_shopkeeper_page(client, reservist, queued):
    services.report_lit_shop(queued, element="vitrine", seen_at=last_night_at(3, 30))
    client.force_login(reservist)
    client.post(reverse("lightsoff:claim", args=[queued.pk]))

    page = client.get(reverse("lightsoff:letter", args=[queued.pk])).content.decode()

    assert "<svg" in page
    assert reverse("lightsoff:shopkeeper", args=[queued.token]) in page


def test_the_letter_gives_the_hours_of_the_verdict(client, reservist, queued):
    report = services.report_lit_shop(queued, element="vitrine", seen_at=last_night_at(3, 30))
    client.force_login(reservist)
    client.post(reverse("lightsoff:claim", args=[queued.pk]))

    page = client.get(reverse("lightsoff:letter", args=[queued.pk])).content.decode()

    assert (report.forbidden_from, report.forbidden_until) == (time(1), time(7))
    assert "de 1 h à 7 h" in page


def test_there_is_no_letter_for_a_shop_without_a_probable_violation(client, reservist, queued):
    services.report_lit_shop(queued, element="vitrine", seen_at=last_night_at(0, 30))
    client.force_login(reservist)
    client.post(reverse("lightsoff:claim", args=[queued.pk]))

    assert client.get(reverse("lightsoff:letter", args=[queued.pk])).status_code == 404
