import pytest

from reserve.accounts.tests.factories import UserFactory
from reserve.core.caching import invalidate

pytestmark = pytest.mark.django_db


def test_the_anonymous_home_page_is_served_from_the_cache(client, django_assert_num_queries):
    first = client.get("/")
    UserFactory(is_reservist=True)

    with django_assert_num_queries(0):
        second = client.get("/")

    assert second.content == first.content
    assert "csrftoken" not in second.cookies


def test_invalidation_refreshes_the_cached_pages(client, settings):
    client.get("/")
    UserFactory(is_reservist=True)
    from django.core.cache import cache

    cache.delete("core:public-counters")
    invalidate("default")

    response = client.get("/")

    counters = {counter.key: counter.value for counter in response.context["counters"]}
    assert counters["reservists"] == 1


def test_signed_in_visitors_get_a_fresh_page(client, user):
    client.get("/")
    client.force_login(user)

    response = client.get("/")

    assert "Aller à mon espace" in response.content.decode()


def test_a_pending_message_is_not_lost_to_the_cache(client, user):
    client.get("/")
    client.force_login(user)
    response = client.post("/compte/supprimer/", {"confirm_email": user.email}, follow=True)

    assert "Votre compte et vos données ont été supprimés" in response.content.decode()


def test_each_language_has_its_own_cached_page(client):
    client.get("/")
    client.get("/langue/en/")

    response = client.get("/")

    assert '<html lang="en">' in response.content.decode()
