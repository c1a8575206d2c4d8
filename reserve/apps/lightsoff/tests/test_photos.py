"""Reporters' photos are private until moderated, and stored under unguessable names."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from reserve.apps.lightsoff import services
from reserve.apps.lightsoff.models import Report

from .test_report_flow import jpeg_with_gps

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_photo(client, shop, media):
    seen_at = (timezone.localtime() - timedelta(days=1)).replace(hour=3, minute=30)
    client.post(
        reverse("lightsoff:report", args=[shop.pk]),
        {
            "element": "vitrine",
            "seen_at": seen_at.strftime("%Y-%m-%dT%H:%M"),
            "photo": SimpleUploadedFile("devanture.jpg", jpeg_with_gps((800, 600))),
        },
    )
    return Report.objects.get()


def test_a_photo_is_stored_under_a_random_name(with_photo):
    assert with_photo.photo.name.startswith("lightsoff/photos/")
    assert "devanture" not in with_photo.photo.name


def test_a_photo_waiting_for_moderation_is_not_served_to_a_stranger(client, with_photo):
    response = client.get(reverse("lightsoff:photo", args=[with_photo.public_id]))

    assert response.status_code == 404


def test_moderators_see_the_photo_they_are_to_judge(client, staff, with_photo):
    client.force_login(staff)

    response = client.get(reverse("lightsoff:photo", args=[with_photo.public_id]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"


def test_a_moderated_photo_is_public_on_the_shop_page(client, staff, with_photo):
    services.moderate_report(staff, with_photo, approve=True)
    url = reverse("lightsoff:photo", args=[with_photo.public_id])

    page = client.get(reverse("lightsoff:shop", args=[with_photo.shop_id])).content.decode()

    assert url in page
    assert with_photo.photo.name not in page
    assert client.get(url).status_code == 200
