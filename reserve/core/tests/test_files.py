"""Private files are served only after a permission check, by Django or by the proxy."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404

from reserve.core import files


@pytest.fixture
def stored(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    name = default_storage.save(
        files.unguessable_name("private", "Étude.PDF"), ContentFile(b"%PDF")
    )
    return default_storage.open(name)


class Stored:
    """What a model's FileField gives: the name, the storage, the path."""

    def __init__(self, name):
        self.name = name
        self.storage = default_storage

    def __bool__(self):
        return bool(self.name)

    @property
    def path(self):
        return self.storage.path(self.name)

    def open(self, mode="rb"):
        return self.storage.open(self.name, mode)


def test_stored_names_are_random_and_keep_only_the_extension():
    first = files.unguessable_name("lightsoff/photos", "facade rue Sainte-Catherine.JPG")
    second = files.unguessable_name("lightsoff/photos", "facade rue Sainte-Catherine.JPG")

    assert first != second
    assert first.startswith("lightsoff/photos/")
    assert first.endswith(".jpg")
    assert "facade" not in first


def test_in_development_django_streams_the_file(stored, settings):
    settings.PRIVATE_FILES_SERVER = "django"

    response = files.serve(Stored(stored.name), download_name="étude.pdf", as_attachment=True)

    assert b"".join(response.streaming_content) == b"%PDF"
    assert response["Cache-Control"] == "private, no-store"
    assert "attachment" in response["Content-Disposition"]


def test_behind_nginx_the_proxy_sends_the_file_from_an_internal_location(stored, settings):
    settings.PRIVATE_FILES_SERVER = "nginx"
    settings.PRIVATE_FILES_INTERNAL_URL = "/private-media/"

    response = files.serve(Stored(stored.name))

    assert response["X-Accel-Redirect"] == f"/private-media/{stored.name}"
    assert response.content == b""
    assert response["Content-Type"] == "application/pdf"


def test_with_sendfile_the_server_gets_the_absolute_path(stored, settings):
    settings.PRIVATE_FILES_SERVER = "sendfile"

    response = files.serve(Stored(stored.name))

    assert response["X-Sendfile"] == default_storage.path(stored.name)


def test_a_missing_file_is_a_404(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    with pytest.raises(Http404):
        files.serve(Stored("private/gone.pdf"))
