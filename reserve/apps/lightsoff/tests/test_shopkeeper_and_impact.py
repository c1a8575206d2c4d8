import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reserve.apps.lightsoff import services
from reserve.apps.lightsoff.models import Shop, ShopkeeperAnswer, ShopStatus

from .factories import ShopFactory

pytestmark = pytest.mark.django_db


def reported_shop(**fields):
    shop = ShopFactory(**fields)
    services.report_lit_shop(shop, element="vitrine", seen_at=timezone.now() - timedelta(hours=3))
    shop.refresh_from_db()
    return shop


def test_the_shopkeeper_who_switched_off_is_thanked_with_the_savings(client):
    shop = reported_shop()

    response = client.post(
        reverse("lightsoff:shopkeeper", args=[shop.token]), {"answer": "switched_off"}
    )

    page = response.content.decode()
    assert "Merci pour votre réponse" in page
    assert f"{shop.eur_per_year:.0f} €" in page
    shop.refresh_from_db()
    assert shop.status == ShopStatus.ANSWERED
    assert shop.answered_at is not None


def test_a_shopkeeper_open_at_night_makes_the_shop_not_applicable(client):
    shop = reported_shop()

    client.post(
        reverse("lightsoff:shopkeeper", args=[shop.token]),
        {"answer": "reason", "reason": "open_at_night"},
    )

    assert Shop.objects.get().status == ShopStatus.NOT_APPLICABLE


def test_a_reason_must_be_chosen(client):
    shop = reported_shop()

    response = client.post(reverse("lightsoff:shopkeeper", args=[shop.token]), {"answer": "reason"})

    assert "Choisissez une raison" in response.content.decode()
    assert not ShopkeeperAnswer.objects.exists()


def test_do_not_contact_takes_the_shop_out_of_the_queue_for_good(client):
    shop = reported_shop(in_queue=True)

    client.post(reverse("lightsoff:shopkeeper", args=[shop.token]), {"answer": "do_not_contact"})

    shop.refresh_from_db()
    assert shop.do_not_contact
    assert not Shop.objects.contactable().exists()


def test_the_shopkeeper_page_needs_the_exact_token(client, shop):
    assert client.get(reverse("lightsoff:shopkeeper", args=["guess"])).status_code == 404
    assert client.get(reverse("lightsoff:shopkeeper", args=[shop.token])).status_code == 200


def test_the_shopkeeper_page_is_rate_limited(client, shop):
    url = reverse("lightsoff:shopkeeper", args=[shop.token])

    statuses = [client.post(url, {"answer": "nope"}).status_code for _ in range(31)]

    assert statuses[-1] == 429


def test_the_public_impact_page_changes_when_a_shopkeeper_answers(client):
    shop = reported_shop()
    before = client.get(reverse("lightsoff:impact"))
    assert before.context["figures"][4]["value"] == 0

    client.post(reverse("lightsoff:shopkeeper", args=[shop.token]), {"answer": "switched_off"})
    after = client.get(reverse("lightsoff:impact"))

    answers = next(f for f in after.context["figures"] if f["key"] == "answers")
    assert answers["value"] == 1


def test_open_data_exports_hold_no_personal_data(client):
    shop = reported_shop()
    shop.reports.update(email="secret@exemple.fr")

    csv_text = client.get(reverse("lightsoff:impact_csv")).content.decode()
    geojson = json.loads(client.get(reverse("lightsoff:impact_geojson")).content)

    assert shop.name in csv_text
    assert "secret@" not in csv_text
    assert "token" not in csv_text
    assert geojson["features"][0]["properties"]["name"] == shop.name
    assert "token" not in geojson["features"][0]["properties"]


def test_never_reported_shops_are_not_in_the_exports(client, shop):
    assert shop.name not in client.get(reverse("lightsoff:impact_csv")).content.decode()


def test_the_impact_page_shows_cities_and_the_assumptions(client):
    reported_shop()

    page = client.get(reverse("lightsoff:impact")).content.decode()

    assert "Bordeaux" in page
    assert "Comment ces chiffres sont calculés" in page


def test_the_impact_page_charts_the_reports_of_each_month(client):
    reported_shop()
    this_month = timezone.localdate().strftime("%m")

    page = client.get(reverse("lightsoff:impact"), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "<figcaption>Reports per month</figcaption>" in page
    month_name = ["January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"][int(this_month) - 1]  # fmt: skip
    assert f'<th scope="row">{month_name} {timezone.localdate().year}</th><td>1</td>' in page
