"""Workspace attachments: stored under unguessable names, served after the participant check."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reserve.challenges.models import Attachment

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(client, challenge, sponsor):
    client.force_login(sponsor)
    client.post(
        f"/defis/{challenge.pk}/messages/",
        {"body": "Pièce", "attachment": SimpleUploadedFile("budget 2026.csv", b"a;b\n1;2\n")},
    )
    return Attachment.objects.get()


def test_an_attachment_is_stored_under_a_random_name_and_keeps_its_own(client, challenge, sponsor):
    attachment = upload(client, challenge, sponsor)

    assert attachment.name == "budget 2026.csv"
    assert "budget" not in attachment.file.name
    assert attachment.file.name.endswith(".csv")


def test_behind_nginx_a_participant_gets_the_file_through_x_accel_redirect(
    client, challenge, sponsor, settings
):
    settings.PRIVATE_FILES_SERVER = "nginx"
    attachment = upload(client, challenge, sponsor)

    response = client.get(f"/defis/{challenge.pk}/pieces/{attachment.pk}/")

    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/private-media/{attachment.file.name}"


def test_a_stranger_gets_no_file_and_no_redirect(client, challenge, sponsor, user, settings):
    settings.PRIVATE_FILES_SERVER = "nginx"
    attachment = upload(client, challenge, sponsor)
    client.force_login(user)

    response = client.get(f"/defis/{challenge.pk}/pieces/{attachment.pk}/")

    assert response.status_code == 404
    assert "X-Accel-Redirect" not in response
