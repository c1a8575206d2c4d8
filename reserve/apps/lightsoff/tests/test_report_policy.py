"""A report's policy (rate limits, consent, time window) lives in the service; all obey it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reserve.apps.lightsoff import services
from reserve.apps.lightsoff.models import Report

pytestmark = pytest.mark.django_db


def last_night():
    return (timezone.localtime() - timedelta(days=1)).replace(hour=3, minute=30)


def test_the_service_refuses_an_email_without_consent_naming_the_field(shop):
    with pytest.raises(services.ServiceError) as error:
        services.report_lit_shop(
            shop, element="vitrine", seen_at=last_night(), email="a@exemple.fr"
        )

    assert "consent" in error.value.message_dict
    assert not Report.objects.exists()


def test_the_service_refuses_a_moment_older_than_the_window(shop):
    with pytest.raises(services.ServiceError) as error:
        services.report_lit_shop(
            shop, element="vitrine", seen_at=timezone.now() - timedelta(days=40)
        )

    assert "seen_at" in error.value.message_dict


def test_the_page_and_the_api_share_one_rate_limit_per_address(client, shop, settings):
    settings.LIGHTSOFF_REPORTS_PER_IP_HOUR = 1
    client.post(
        reverse("lightsoff:report", args=[shop.pk]),
        {"element": "vitrine", "seen_at": last_night().strftime("%Y-%m-%dT%H:%M")},
    )

    response = client.post(
        "/api/lightsoff/reports",
        {"shop_id": shop.pk, "element": "vitrine"},
        content_type="application/json",
    )

    assert response.status_code == 429
    assert Report.objects.count() == 1


def test_the_consent_promise_reads_the_purge_delay_setting(client, shop, settings):
    settings.LIGHTSOFF_PURGE_DAYS = 45

    page = client.get(reverse("lightsoff:report", args=[shop.pk])).content.decode()

    assert "effacé après 45 jours" in page
    assert "90 jours" not in page
