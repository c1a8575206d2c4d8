"""Rate limits count people, not the reverse proxy in front of them."""

import pytest
from django.test import RequestFactory

from reserve.apps.lightsoff.tests.factories import ShopFactory
from reserve.core.checks import rate_limits_are_shared
from reserve.core.clients import client_ip, hit_rate_limit

from .test_settings import run_manage

PROXY = "10.0.0.2"


def request(forwarded=None, **headers):
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", REMOTE_ADDR=PROXY, **headers)


def test_with_no_proxy_declared_the_connection_is_the_client(settings):
    settings.TRUSTED_PROXY_HOPS = 0

    assert client_ip(request("203.0.113.7")) == PROXY


@pytest.mark.parametrize(
    ("hops", "forwarded", "client"),
    [
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # the client wrote the first one
        (2, "6.6.6.6, 203.0.113.7, 198.51.100.1", "203.0.113.7"),
        (2, "203.0.113.7", PROXY),  # fewer entries than proxies: it bypassed them
        (1, "not-an-address", PROXY),
    ],
)
def test_behind_trusted_proxies_the_client_is_counted_from_the_right(
    settings, hops, forwarded, client
):
    settings.TRUSTED_PROXY_HOPS = hops

    assert client_ip(request(forwarded)) == client


def test_a_trusted_header_names_the_client(settings):
    settings.TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"

    assert client_ip(request("6.6.6.6", HTTP_X_REAL_IP="203.0.113.7")) == "203.0.113.7"


@pytest.mark.django_db
def test_two_people_behind_the_proxy_have_their_own_report_limit(client, settings):
    settings.TRUSTED_PROXY_HOPS = 1
    settings.LIGHTSOFF_REPORTS_PER_IP_HOUR = 1
    shop = ShopFactory()

    def report(person):
        return client.post(
            "/api/lightsoff/reports",
            {"shop_id": shop.pk, "element": "vitrine"},
            content_type="application/json",
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=person,
        ).status_code

    assert [report("203.0.113.7"), report("203.0.113.7"), report("198.51.100.9")] == [201, 429, 201]


def test_allauth_reads_the_same_proxy_settings():
    result = run_manage(
        "shell",
        "-c",
        "from allauth import app_settings as a; "
        "print(a.TRUSTED_PROXY_COUNT, a.TRUSTED_CLIENT_IP_HEADER)",
        DEBUG="1",
        TRUSTED_PROXY_HOPS="2",
        TRUSTED_CLIENT_IP_HEADER="X-Real-IP",
    )

    assert result.stdout.split()[-2:] == ["2", "X-Real-IP"], result.stderr


def test_several_processes_without_a_shared_cache_are_warned(settings):
    settings.DEBUG = False
    settings.WEB_CONCURRENCY = 4
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

    assert [warning.id for warning in rate_limits_are_shared(None)] == ["core.W001"]

    settings.CACHES = {"default": {"BACKEND": "reserve.core.tests.test_health.UnreachableCache"}}
    assert rate_limits_are_shared(None) == []


def test_a_rate_limit_counts_each_key_on_its_own():
    hits = [hit_rate_limit("test", "203.0.113.7", limit=2) for _ in range(3)]

    assert hits == [False, False, True]
    assert hit_rate_limit("test", "203.0.113.8", limit=2) is False
