"""LightsOff in the street: dark after sunset, a remembered switch, search, a pin, the camera."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from reserve.apps.lightsoff import night
from reserve.apps.lightsoff.models import Shop, ShopWord
from reserve.core import theme as site_theme

from .factories import ShopFactory

PARIS = night.PARIS


@pytest.fixture
def clock(monkeypatch):
    """`clock(moment)`: the server's now, for the theme."""

    def set_to(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_to


def minutes(moment: datetime) -> int:
    return moment.hour * 60 + moment.minute


@pytest.mark.parametrize(
    ("day", "place", "sunrise", "sunset"),
    [
        # Paris almanac (UTC; 5:47 and 21:58 summer time at the solstice), within 3 minutes.
        (date(2026, 6, 21), PARIS, 3 * 60 + 47, 19 * 60 + 58),
        (date(2026, 12, 2), PARIS, 7 * 60 + 24, 15 * 60 + 56),
    ],
)
def test_sunrise_and_sunset_match_the_published_times(day, place, sunrise, sunset):
    rise, set_ = night.sun_times(day, *place)

    assert abs(minutes(rise) - sunrise) <= 3
    assert abs(minutes(set_) - sunset) <= 3


def test_night_starts_at_sunset_and_ends_at_sunrise_in_paris():
    assert not night.is_night(datetime(2026, 12, 2, 15, 50, tzinfo=UTC), *PARIS)
    assert night.is_night(datetime(2026, 12, 2, 16, 5, tzinfo=UTC), *PARIS)
    assert night.is_night(datetime(2026, 12, 2, 7, 0, tzinfo=UTC), *PARIS)
    assert not night.is_night(datetime(2026, 12, 2, 7, 45, tzinfo=UTC), *PARIS)


def test_beyond_the_polar_circle_the_winter_is_night_and_the_summer_day():
    svalbard = (78.2, 15.6)

    assert night.sun_times(date(2026, 12, 2), *svalbard) is None
    assert night.is_night(datetime(2026, 12, 2, 12, tzinfo=UTC), *svalbard)
    assert not night.is_night(datetime(2026, 6, 21, 0, tzinfo=UTC), *svalbard)


@pytest.mark.django_db
def test_the_street_pages_are_dark_after_sunset_and_light_by_day(client, clock):
    clock(datetime(2026, 12, 2, 21, 0, tzinfo=UTC))
    assert 'data-theme="dark"' in client.get(reverse("lightsoff:index")).content.decode()

    clock(datetime(2026, 12, 2, 11, 0, tzinfo=UTC))
    page = client.get(reverse("lightsoff:index")).content.decode()
    assert 'data-theme="light"' in page
    assert "Passer en thème sombre" in page


@pytest.mark.django_db
def test_the_sun_is_the_readers_where_they_stand(client, clock):
    # At 16:10 UTC the sun has set in Strasbourg (15:35) but not yet in Brest (16:20).
    clock(datetime(2026, 12, 2, 16, 10, tzinfo=UTC))
    brest = ShopFactory(lat=48.39, lon=-4.486)
    strasbourg = ShopFactory(lat=48.573, lon=7.752)

    def theme_of(shop):
        page = client.get(reverse("lightsoff:report", args=[shop.pk])).content.decode()
        return "dark" if 'data-theme="dark"' in page else "light"

    assert (theme_of(brest), theme_of(strasbourg)) == ("light", "dark")


@pytest.mark.django_db
def test_the_theme_switch_is_remembered_and_returns_to_the_page(client, clock):
    clock(datetime(2026, 12, 2, 21, 0, tzinfo=UTC))
    back_to = reverse("lightsoff:index") + "?q=rue"

    response = client.post(reverse("lightsoff:theme"), {"theme": "light", "next": back_to})

    assert response.status_code == 302
    assert response.url == back_to
    assert 'data-theme="light"' in client.get(reverse("lightsoff:index")).content.decode()


@pytest.mark.django_db
def test_the_sites_theme_choice_wins_over_the_night_and_the_street_switch_writes_it(client, clock):
    clock(datetime(2026, 12, 2, 21, 0, tzinfo=UTC))
    client.cookies[site_theme.COOKIE] = "light"  # as the header's switch (core/theme.js) writes it
    assert 'data-theme="light"' in client.get(reverse("lightsoff:index")).content.decode()

    response = client.post(reverse("lightsoff:theme"), {"theme": "dark"})

    cookie = response.cookies[site_theme.COOKIE]
    assert cookie.value == "dark"
    assert not cookie["httponly"]  # the header's switch reads and rewrites the same choice


@pytest.mark.django_db
def test_the_theme_switch_refuses_an_unknown_theme_and_a_foreign_return_address(client):
    refused = client.post(reverse("lightsoff:theme"), {"theme": "pink"})
    elsewhere = client.post(
        reverse("lightsoff:theme"), {"theme": "dark", "next": "https://evil.example/"}
    )

    assert refused.status_code == 400
    assert "theme" in refused.content.decode()
    assert elsewhere.url == reverse("lightsoff:index")


@pytest.mark.django_db
def test_shops_are_found_by_street_without_accents_or_case(client):
    ShopFactory(name="Fleurs d'Élise", address="8 rue de l'Épée de Bois")
    ShopFactory(name="Boulangerie Mouffetard", address="3 rue Mouffetard")

    by_street = client.get(reverse("lightsoff:index"), {"q": "EPEE de bois"}).context["shops"]
    by_name = client.get(reverse("lightsoff:index"), {"q": "boulang"}).context["shops"]
    nothing = client.get(reverse("lightsoff:index"), {"q": "epee mouffetard"}).context["shops"]

    assert [s.name for s in by_street] == ["Fleurs d'Élise"]
    assert [s.name for s in by_name] == ["Boulangerie Mouffetard"]
    assert list(nothing) == []


@pytest.mark.django_db
def test_a_renamed_shop_is_found_by_its_new_name_only():
    shop = ShopFactory(name="Ancien nom", address="")
    shop.name = "Nouvelle enseigne"
    shop.save()

    assert list(Shop.objects.search("nouvelle")) == [shop]
    assert not Shop.objects.search("ancien").exists()
    assert set(ShopWord.objects.values_list("word", flat=True)) >= {"nouvelle", "enseigne"}


@pytest.mark.django_db
def test_a_missing_shop_without_a_pin_is_asked_to_drop_one(client):
    response = client.post(
        reverse("lightsoff:shop_add"), {"name": "Chez Zoé", "category": "restaurant"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Touchez la carte à l&#x27;endroit du commerce" in page
    assert 'id="ls-pin-map"' in page
    assert 'type="hidden" name="lat"' in page
    assert not Shop.objects.exists()


@pytest.mark.django_db
def test_a_dropped_pin_adds_the_shop_there(client):
    data = {"name": "Chez Zoé", "category": "restaurant", "lat": "45.764100", "lon": "4.835700"}

    response = client.post(reverse("lightsoff:shop_add"), data)

    shop = Shop.objects.get()
    assert response.url == reverse("lightsoff:report", args=[shop.pk])
    assert (shop.lat, shop.lon) == (45.7641, 4.8357)


@pytest.mark.django_db
def test_the_add_page_opens_its_map_where_the_reader_stands_or_in_paris(client):
    located = client.get(reverse("lightsoff:shop_add"), {"lat": "45.7641", "lon": "4.8357"})
    anywhere = client.get(reverse("lightsoff:shop_add"))

    assert 'data-lat="45.764100"' in located.content.decode()
    assert 'data-lat="48.856600"' in anywhere.content.decode()


@pytest.mark.django_db
def test_the_photo_opens_the_back_camera(client, shop):
    page = client.get(reverse("lightsoff:report", args=[shop.pk])).content.decode()

    assert 'accept="image/*"' in page
    assert 'capture="environment"' in page
