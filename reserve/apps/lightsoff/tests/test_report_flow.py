import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from reserve.apps.lightsoff.models import Report, Shop, ShopStatus

from .factories import ShopFactory

pytestmark = pytest.mark.django_db


def jpeg_with_gps(size=(3000, 2000)) -> bytes:
    image = Image.new("RGB", size, "orange")
    exif = Image.Exif()
    exif[0x8825] = {2: (44.0, 50.0, 0.0)}  # GPSInfo: latitude
    exif[0x010F] = "PhoneMaker"
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def last_night(hour=3, minute=30):
    """A moment of last night, as the form writes it (3:30 exists even when clocks change)."""
    moment = (timezone.localtime() - timedelta(days=1)).replace(hour=hour, minute=minute)
    return moment.strftime("%Y-%m-%dT%H:%M")


def report(client, shop, **data):
    fields = {"element": "vitrine", "seen_at": last_night(), **data}
    return client.post(reverse("lightsoff:report", args=[shop.pk]), fields)


def test_located_visitors_see_nearby_shops_nearest_first(client):
    far = ShopFactory(name="Loin", lat=44.8430)
    near = ShopFactory(name="Tout près", lat=44.8411)
    ShopFactory(name="Autre ville", lat=45.76, lon=4.83)

    response = client.get(reverse("lightsoff:index"), {"lat": 44.841, "lon": -0.573})

    names = [s.name for s in response.context["shops"]]
    assert names == [near.name, far.name]
    assert "Autre ville" not in response.content.decode()


def test_a_position_outside_france_is_explained(client):
    response = client.get(reverse("lightsoff:index"), {"lat": 40.7, "lon": -74.0}, follow=True)

    assert "hors de France" in response.content.decode()


def test_visitors_can_search_a_shop_by_name(client, shop):
    response = client.get(reverse("lightsoff:index"), {"q": shop.name})

    assert shop.name in response.content.decode()


def test_adding_a_shop_near_a_similar_one_suggests_it_first(client, shop):
    data = {
        "name": shop.name.upper(),
        "category": "clothes",
        "lat": shop.lat + 0.0001,
        "lon": shop.lon,
    }

    response = client.post(reverse("lightsoff:shop_add"), data)

    assert response.status_code == 200
    assert "Est-ce l'un de ceux-ci" in response.content.decode()
    assert Shop.objects.count() == 1


def test_a_shop_can_still_be_added_after_confirming_it_is_another_one(client, shop):
    data = {"name": shop.name, "category": "clothes", "lat": shop.lat, "lon": shop.lon}

    response = client.post(reverse("lightsoff:shop_add"), {**data, "confirm_new": "True"})

    assert Shop.objects.count() == 2
    assert response.url == reverse("lightsoff:report", args=[Shop.objects.latest("pk").pk])


def test_adding_a_shop_outside_france_is_refused_next_to_the_field(client):
    data = {"name": "Diner", "category": "restaurant", "lat": 40.7, "lon": -74.0}

    response = client.post(reverse("lightsoff:shop_add"), data)

    assert "hors de France" in response.content.decode()
    assert not Shop.objects.exists()


def test_a_report_shows_the_verdict_the_waste_and_three_ways_to_act(client, shop):
    response = report(client, shop)
    page = client.get(response.url).content.decode()

    assert "Infraction probable" in page
    assert "kWh par nuit" in page
    assert 'href="tel:05 56 00 00 00"' in page
    assert "Copier le message 3" in page
    assert "Confier aux bénévoles" in page
    assert Shop.objects.get().status == ShopStatus.REPORTED


def test_a_report_in_the_future_is_refused_keeping_the_input(client, shop):
    future = timezone.localtime() + timedelta(days=1)

    response = report(
        client, shop, seen_at=future.strftime("%Y-%m-%dT%H:%M"), comment="Très lumineux"
    )

    page = response.content.decode()
    assert "dans le futur" in page
    assert "Très lumineux" in page
    assert not Report.objects.exists()


def test_an_email_without_consent_is_refused(client, shop):
    response = report(client, shop, email="voisin@exemple.fr")

    assert "Cochez la case" in response.content.decode()
    assert not Report.objects.exists()


def test_an_email_with_consent_is_kept_for_the_follow_up(client, shop):
    report(client, shop, email="Voisin@Exemple.fr", consent="on")

    assert Report.objects.get().email == "voisin@exemple.fr"


def test_a_photo_is_resized_and_loses_its_exif_and_gps(client, shop, media):
    upload = SimpleUploadedFile("nuit.jpg", jpeg_with_gps(), content_type="image/jpeg")

    report(client, shop, photo=upload)

    stored = Image.open(Report.objects.get().photo.path)
    assert max(stored.size) == 1600
    assert not stored.getexif()
    assert Report.objects.get().moderation == "pending"


def test_a_fake_image_is_refused_next_to_the_field(client, shop, media):
    fake = SimpleUploadedFile("nuit.jpg", b"not an image at all", content_type="image/jpeg")

    response = report(client, shop, photo=fake)

    assert response.status_code == 200
    assert response.context["form"].errors["photo"]
    assert not Report.objects.exists()


def test_a_huge_photo_is_refused(client, shop, media, settings):
    settings.LIGHTSOFF_PHOTO_MAX_BYTES = 1000
    upload = SimpleUploadedFile("nuit.jpg", jpeg_with_gps((400, 300)), content_type="image/jpeg")

    response = report(client, shop, photo=upload)

    assert "trop lourde" in response.content.decode()


def test_a_flood_of_reports_gets_429_with_a_clear_message_and_keeps_the_input(
    client, shop, settings
):
    settings.LIGHTSOFF_REPORTS_PER_IP_HOUR = 1
    report(client, shop)

    response = report(client, shop, comment="Encore allumé")

    assert response.status_code == 429
    assert "Trop de signalements" in response.content.decode()
    assert "Encore allumé" in response.content.decode()
    assert Report.objects.count() == 1


def test_too_many_reports_from_one_email_get_429(client, shop, settings):
    settings.LIGHTSOFF_REPORTS_PER_EMAIL_HOUR = 1
    report(client, shop, email="a@exemple.fr", consent="on")

    response = report(client, shop, email="a@exemple.fr", consent="on")

    assert response.status_code == 429


def test_letting_the_volunteers_do_it_puts_the_shop_in_their_queue(client, shop):
    report(client, shop)
    token = Report.objects.get().token

    client.post(reverse("lightsoff:report_action", args=[token]), {"action": "volunteers"})

    assert Report.objects.get().action == "volunteers"
    assert Shop.objects.get().in_queue


def test_an_unknown_action_is_explained_and_not_recorded(client, shop):
    report(client, shop)
    token = Report.objects.get().token

    response = client.post(
        reverse("lightsoff:report_action", args=[token]), {"action": "x"}, follow=True
    )

    assert "Action inconnue" in response.content.decode()
    assert Report.objects.get().action == ""


def test_premium_rate_numbers_are_never_offered_to_call(client):
    shop = ShopFactory(phone="08 99 12 34 56")
    report(client, shop)

    page = client.get(reverse("lightsoff:report_result", args=[Report.objects.get().token]))

    assert "tel:" not in page.content.decode()


def test_a_shop_switched_off_can_be_reported_again(client):
    shop = ShopFactory(status=ShopStatus.CONFIRMED_OFF)

    report(client, shop)

    assert Shop.objects.get().status == ShopStatus.REPORTED


def test_a_shop_with_opening_hours_osm_got_wrong_is_judged_as_unknown_hours(client):
    shop = ShopFactory(opening_hours="Mo-Zz n'importe quoi")

    response = report(client, shop, seen_at=last_night(3, 30))

    assert response.status_code == 302
    stored = Report.objects.get()
    assert stored.verdict == "violation"
    assert stored.opening_hours_used == ""
    assert ["hours.unknown", {}] in stored.explanation_lines
    assert (
        "ne sont pas connus : nous appliquons la règle nationale"
        in client.get(response.url).content.decode()
    )


def test_a_shop_allowed_to_be_lit_gets_a_thank_you_and_nothing_to_send(client, shop):
    response = report(client, shop, seen_at=last_night(0, 30))

    page = client.get(response.url).content.decode()
    assert Report.objects.get().verdict == "allowed"
    assert "Merci de votre vigilance" in page
    assert "Confier aux bénévoles" not in page
    assert "Copier le message" not in page
    assert "Ce que cela gaspille" not in page


def test_an_uncertain_verdict_is_said_honestly_and_asks_nothing_of_the_shop(client, shop):
    response = report(client, shop, element="interieur", seen_at=last_night(0, 30))

    page = client.get(response.url).content.decode()
    assert Report.objects.get().verdict == "uncertain"
    assert "Nous ne pouvons pas conclure" in page
    assert "Confier aux bénévoles" not in page


def test_the_volunteers_cannot_be_asked_for_a_shop_allowed_to_be_lit(client, shop):
    report(client, shop, seen_at=last_night(0, 30))
    token = Report.objects.get().token

    client.post(reverse("lightsoff:report_action", args=[token]), {"action": "volunteers"})

    assert not Shop.objects.get().in_queue


def test_the_result_page_shows_the_stored_verdict_even_after_the_shop_changes(client, shop):
    response = report(client, shop)
    Shop.objects.update(opening_hours="24/7")

    page = client.get(response.url).content.decode()

    assert "Infraction probable" in page
    assert "Mo-Sa 10:00-19:00" in page


def test_the_result_page_reads_in_english(client, shop):
    response = report(client, shop)

    page = client.get(response.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Probable breach" in page
    assert "the shop window should be off" in page
    assert "devrait" not in page


@pytest.mark.parametrize("query", ["lat=nan&lon=nan", "lat=1e400&lon=2", "q=" + "%25" * 300])
def test_odd_search_parameters_never_break_the_page(client, query):
    assert client.get(reverse("lightsoff:index") + "?" + query).status_code == 200


def test_the_scripts_sentences_reach_an_english_reader_translated(client, shop):
    """lightsoff.js has no sentence of its own: it shows the data-* attributes of the page."""
    response = report(client, shop)

    result = client.get(response.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    index = client.get(reverse("lightsoff:index"), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert 'data-copied="Message copied: paste it wherever you like."' in result
    assert 'data-locating="Locating you…"' in index
    assert 'data-failed="Position unavailable: search for the shop by its name."' in index


def test_the_shop_page_shows_its_status_with_the_sites_badge(client, shop):
    report(client, shop)

    page = client.get(reverse("lightsoff:shop", args=[shop.pk])).content.decode()

    assert '<span class="badge tone-warning status-reported">' in page
    assert "Signalé" in page
