import pytest
from django.apps import apps
from django.core.management import call_command

from reserve.apps.lightsoff.models import Report, Shop, ShopStatus
from reserve.apps.lightsoff.tests.factories import ShopFactory
from reserve.challenges.models import Status
from reserve.challenges.tests.factories import ChallengeFactory

pytestmark = pytest.mark.django_db


def test_the_app_declares_itself_as_a_plugin():
    config = apps.get_app_config("lightsoff")

    assert config.challenge_slug == "commerces-eclaires-la-nuit"
    assert config.url_prefix == "lightsoff/"
    assert {f["key"] for f in config.impact_figures()} >= {
        "reports",
        "confirmed_off",
        "kwh_avoided",
    }


def test_the_platform_mounts_its_pages_and_api(client):
    assert client.get("/lightsoff/").status_code == 200
    assert client.get("/api/lightsoff/stats").status_code == 200


def test_its_counters_reach_the_platform_stats(client):
    stats = client.get("/api/stats").json()

    assert "lightsoff_reports" in stats


def test_the_navigation_links_to_it(client, monkeypatch):
    from reserve.core import plugins

    # The label is the AppConfig's, changed here: a link written in a template would not follow.
    monkeypatch.setattr(apps.get_app_config("lightsoff"), "nav_label", "Vitrines la nuit")
    plugins.navigation.cache_clear()
    try:
        page = client.get("/defis/").content.decode()
    finally:
        plugins.navigation.cache_clear()

    assert '<li><a href="/lightsoff/">Vitrines la nuit</a></li>' in page


def test_demo_data_is_deterministic_and_idempotent():
    from reserve.apps.lightsoff import demo

    demo.seed({})
    first = sorted(Shop.objects.values_list("osm_id", "name"))
    reports = Report.objects.count()
    demo.seed({})

    assert sorted(Shop.objects.values_list("osm_id", "name")) == first
    assert Report.objects.count() == reports
    assert len(first) == 300
    assert set(Shop.objects.values_list("city", flat=True)) == {"Paris", "Lyon", "Nantes"}
    assert Shop.objects.exclude(status="listed").values("status").distinct().count() >= 5
    chatelet = (48.8600, 2.3470)
    paris = Shop.objects.filter(city="Paris")
    assert all(abs(s.lat - chatelet[0]) < 0.01 and abs(s.lon - chatelet[1]) < 0.01 for s in paris)
    assert Shop.objects.search("rivoli").filter(city="Paris").exists()


def test_migrations_are_up_to_date():
    call_command("makemigrations", "lightsoff", "--check", "--dry-run", verbosity=0)


def test_a_volunteers_contacts_are_in_their_personal_data_export(reservist):
    from reserve.apps.lightsoff import services

    from .factories import ShopFactory

    shop = ShopFactory(in_queue=True)
    services.claim_shop(reservist, shop.pk)
    services.log_contact(reservist, Shop.objects.get(pk=shop.pk), "positive", "Aimable")

    data = apps.get_app_config("lightsoff").personal_data(reservist)["lightsoff"]

    assert data["contacts"][0]["notes"] == "Aimable"


def test_the_challenge_it_came_from_shows_its_impact(client):

    ChallengeFactory(slug="commerces-eclaires-la-nuit", status=Status.DELIVERED)
    ShopFactory(status=ShopStatus.CONFIRMED_OFF)
    ShopFactory(status=ShopStatus.CONFIRMED_OFF)

    page = client.get("/defis/commerces-eclaires-la-nuit/").content.decode()

    assert "Le service né de ce défi : LightsOff" in page
    assert "<dt>commerces éteints</dt><dd>2</dd>" in page
    assert '<a class="button" href="/lightsoff/">Utiliser le service</a>' in page
    assert '<li><a href="/lightsoff/">Commerces éclairés</a></li>' in page


def test_other_challenges_show_no_citizen_app(client):

    ChallengeFactory(slug="secheresse", status=Status.DELIVERED)

    assert "Le service né de ce défi" not in client.get("/defis/secheresse/").content.decode()
