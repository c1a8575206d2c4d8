import json

import pytest
from django.urls import reverse

from .factories import ProfileFactory

pytestmark = pytest.mark.django_db


def test_the_data_download_includes_the_whole_profile(client):
    profile = ProfileFactory(bio="Ma présentation", skills={"design.ux": 3})
    client.force_login(profile.user)

    data = json.loads(client.post(reverse("accounts:export")).content)

    exported = data["reservists"]["profile"]
    assert exported["bio"] == "Ma présentation"
    assert exported["skills"] == [{"skill": "design.ux", "level": 3}]
    assert exported["consents"]["data_use"] is True


def test_contact_details_are_not_shown_to_other_reservists(client):
    profile = ProfileFactory(user__phone="0611223344")
    other = ProfileFactory()
    client.force_login(other.user)

    assert client.get(reverse("reservists:profile", args=[profile.pk])).status_code == 403
