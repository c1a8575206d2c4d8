import pytest
from django.core.cache.backends.base import BaseCache
from django.db import DatabaseError

from reserve.core import health

pytestmark = pytest.mark.django_db


class UnreachableCache(BaseCache):
    """A shared cache whose server is down."""

    def __init__(self, location, params):
        super().__init__(params)

    def set(self, *args, **kwargs):
        raise ConnectionError("Connection refused")

    get = set

    def clear(self):
        pass


def test_liveness_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/sante/")

    assert response.content == b"ok"


def test_readiness_answers_ok_when_the_database_answers(client):
    response = client.get("/sante/pret/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}
    assert "no-cache" in response["Cache-Control"]


def test_readiness_fails_naming_the_database_when_it_is_down(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", refuse)

    response = client.get("/sante/pret/")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "unavailable (DatabaseError)"}


def test_readiness_checks_a_shared_cache(client, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    assert not health.shared_cache_configured()
    settings.CACHES = {"default": {"BACKEND": f"{__name__}.UnreachableCache"}}

    response = client.get("/sante/pret/")

    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "ok"
    assert response.json()["checks"]["cache"] == "unavailable (ConnectionError)"
