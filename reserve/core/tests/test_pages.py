import pytest

from reserve.accounts.tests.factories import UserFactory
from reserve.organisations.models import Part
from reserve.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_home_page_explains_the_programme_with_live_counters(client):
    UserFactory(is_reservist=True)
    UserFactory(is_reservist=True)
    OrganisationFactory(kind="company", parts=Part.EMPLOYER.value)

    response = client.get("/")

    assert "Comment ça marche" in response.content.decode()
    counters = {counter.key: counter.value for counter in response.context["counters"]}
    assert (counters["reservists"], counters["employers"]) == (2, 1)
    assert "<dt>réservistes</dt><dd>2</dd>" in response.content.decode()


def test_the_counters_are_cached_for_a_minute(client, django_assert_num_queries):
    client.get("/")

    with django_assert_num_queries(0):
        client.get("/")


def test_the_site_speaks_english_on_request(client):
    response = client.get("/langue/en/?next=/organisations/", follow=True)

    assert response.redirect_chain == [("/organisations/", 302)]
    assert '<html lang="en">' in response.content.decode()
    assert "Partners" in response.content.decode()


def test_the_language_switch_never_redirects_elsewhere(client):
    response = client.get("/langue/en/?next=https://evil.example.com/")

    assert response["Location"] == "/"


def test_unknown_pages_get_a_friendly_404(client):
    response = client.get("/nulle-part/")

    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_a_forbidden_page_explains_why(client):
    client.force_login(UserFactory())

    response = client.get("/organisations/a-verifier/")

    assert response.status_code == 403
    assert "Cette page est réservée : Équipe du programme." in response.content.decode()


def test_staff_see_their_navigation(client):
    client.force_login(UserFactory(is_staff=True))

    page = client.get("/").content.decode()

    assert "Vivier" in page
    assert "Pipeline" in page


def test_staff_find_their_tools_on_their_home(client):
    client.force_login(UserFactory(is_staff=True))

    page = client.get("/compte/").content.decode()

    assert "Organisations à vérifier" in page
    assert "Guide de style" in page


def test_a_post_without_csrf_token_is_refused(user):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(user)

    response = csrf_client.post("/compte/profil/", {"first_name": "Léa"})

    assert response.status_code == 403


def test_emails_are_signed_with_the_site_name(client, run_tasks):
    from django.core import mail

    client.post("/compte/password/reset/", {"email": UserFactory().email})
    run_tasks()

    assert "La Réserve" in mail.outbox[-1].body


def test_a_single_reservist_is_counted_in_the_singular(client):
    UserFactory(is_reservist=True)

    assert "<dt>réserviste</dt><dd>1</dd>" in client.get("/").content.decode()


def test_citizen_apps_appear_in_the_navigation(client):
    page = client.get("/").content.decode()

    assert '<a href="/lightsoff/">Commerces éclairés</a>' in page
    assert "Modération LightsOff" not in page


def test_staff_get_the_citizen_apps_staff_pages_on_their_home(client):
    client.force_login(UserFactory(is_staff=True))

    page = client.get("/compte/").content.decode()

    assert '<a href="/lightsoff/moderation/">Modération LightsOff</a>' in page
