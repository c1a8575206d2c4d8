from datetime import timedelta

import pytest
from django.utils import timezone

from reserve.apps.lightsoff.models import Report, Shop

from .factories import ShopFactory

pytestmark = pytest.mark.django_db


def last_night(hour: int, minute: int) -> str:
    """Paris wall-clock time of last night, as reporters send it (reports are for recent nights)."""
    return f"{timezone.localdate() - timedelta(days=1)}T{hour:02d}:{minute:02d}"


def test_verdict_answers_the_public_shape_for_a_window_lit_at_2_30(client):
    response = client.get(
        "/api/lightsoff/verdict", {"element": "vitrine", "at": "2026-11-20T02:30"}
    )

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"verdict", "forbidden_from", "forbidden_until", "rule", "explanation"}
    assert body["verdict"] == "violation"
    assert (body["forbidden_from"], body["forbidden_until"]) == ("01:00", "07:00")
    assert set(body["rule"]) == {"reference", "summary"}


def test_verdict_uses_opening_hours_and_reads_an_offset(client):
    response = client.get(
        "/api/lightsoff/verdict",
        {
            "element": "vitrine",
            "at": "2026-11-20T23:30+00:00",
            "opening_hours": "Mo-Su 00:00-24:00",
        },
    )

    assert response.json()["verdict"] == "allowed"
    assert response.json()["forbidden_from"] is None


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"element": "lampadaire", "at": "2026-11-20T02:30"}, "element"),
        ({"element": "vitrine", "at": "hier soir"}, "at"),
        (
            {"element": "vitrine", "at": "2026-11-20T02:30", "opening_hours": "Mo-Zz 25:00"},
            "opening_hours",
        ),
        ({"element": "vitrine", "at": "2026-11-20T02:30", "commune": "Paris"}, "commune"),
        ({"at": "2026-11-20T02:30"}, "element"),
    ],
)
def test_verdict_refuses_bad_input_naming_the_field(client, params, field):
    response = client.get("/api/lightsoff/verdict", params)

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == field


def test_verdict_names_every_bad_field_at_once(client):
    response = client.get(
        "/api/lightsoff/verdict",
        {"element": "lampadaire", "at": "hier soir", "opening_hours": "Mo-Zz", "commune": "Paris"},
    )

    assert response.status_code == 422
    errors = response.json()["errors"]
    assert [e["field"] for e in errors] == ["element", "at", "opening_hours", "commune"]
    assert all(e["message"] for e in errors)


def test_verdict_is_in_the_openapi_schema(client):
    paths = client.get("/api/openapi.json").json()["paths"]

    assert "/api/lightsoff/verdict" in paths
    assert "/api/lightsoff/shops" in paths


def test_shops_in_a_bbox_come_as_geojson_bounded_in_size(client):
    ShopFactory.create_batch(3)
    ShopFactory(lat=45.76, lon=4.83)

    response = client.get("/api/lightsoff/shops", {"bbox": "-0.6,44.8,-0.5,44.9", "limit": 2})

    body = response.json()
    assert response["Content-Type"] == "application/geo+json"
    assert body["type"] == "FeatureCollection"
    assert len(body["features"]) == 2
    assert body["truncated"] is True
    assert body["features"][0]["geometry"]["coordinates"] == [-0.573, 44.841]


def test_shops_in_a_bbox_never_includes_hidden_shops(client):
    ShopFactory(hidden=True)

    response = client.get("/api/lightsoff/shops", {"bbox": "-0.6,44.8,-0.5,44.9"})

    assert response.json()["features"] == []


@pytest.mark.parametrize("bbox", ["1,2,3", "a,b,c,d", "0,50,-1,40", "-200,0,10,10"])
def test_a_malformed_bbox_is_refused_naming_it(client, bbox):
    response = client.get("/api/lightsoff/shops", {"bbox": bbox})

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "bbox"


def test_stats_count_reports_and_switched_off_shops(client, shop):
    client.post(
        "/api/lightsoff/reports",
        {"shop_id": shop.pk, "element": "vitrine", "seen_at": last_night(2, 30)},
        content_type="application/json",
    )
    Shop.objects.filter(pk=shop.pk).update(status="confirmed_off")

    body = client.get("/api/lightsoff/stats").json()

    assert body["counters"]["reports"] == 1
    assert body["counters"]["confirmed_off"] == 1
    assert body["counters"]["kwh_avoided"] > 0
    assert body["by_city"][0]["city"] == "Bordeaux"


def test_submitting_a_report_returns_its_verdict_and_waste(client, shop):
    response = client.post(
        "/api/lightsoff/reports",
        {"shop_id": shop.pk, "element": "enseigne", "seen_at": last_night(3, 0)},
        content_type="application/json",
    )

    assert response.status_code == 201
    assert response.json()["verdict"]["verdict"] == "violation"
    assert response.json()["kwh_per_night"] > 0
    assert Report.objects.get().token == response.json()["token"]


def test_a_report_in_the_future_is_refused_and_nothing_is_stored(client, shop):
    future = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        "/api/lightsoff/reports",
        {"shop_id": shop.pk, "element": "vitrine", "seen_at": future},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "seen_at"
    assert not Report.objects.exists()


def test_a_report_with_an_unknown_element_or_shop_is_refused(client, shop):
    bad_element = client.post(
        "/api/lightsoff/reports",
        {"shop_id": shop.pk, "element": "lune"},
        content_type="application/json",
    )
    bad_shop = client.post(
        "/api/lightsoff/reports",
        {"shop_id": 999, "element": "vitrine"},
        content_type="application/json",
    )

    assert bad_element.json()["errors"][0]["field"] == "element"
    assert bad_shop.status_code == 404


def test_a_flood_of_reports_from_one_connection_gets_429(client, shop, settings):
    settings.LIGHTSOFF_REPORTS_PER_IP_HOUR = 2
    payload = {"shop_id": shop.pk, "element": "vitrine", "seen_at": last_night(2, 30)}

    statuses = [
        client.post("/api/lightsoff/reports", payload, content_type="application/json").status_code
        for _ in range(3)
    ]

    assert statuses == [201, 201, 429]
    assert Report.objects.count() == 2


def test_a_report_with_a_malformed_email_is_refused_naming_it(client, shop):
    response = client.post(
        "/api/lightsoff/reports",
        {"shop_id": shop.pk, "element": "vitrine", "email": "pas-un-email", "consent": True},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "email"


def test_an_email_is_only_kept_with_consent(client, shop):
    response = client.post(
        "/api/lightsoff/reports",
        {"shop_id": shop.pk, "element": "vitrine", "email": "a@exemple.fr"},
        content_type="application/json",
    )

    assert response.json()["errors"][0]["field"] == "consent"
    assert not Report.objects.exists()


def test_the_map_shows_a_shop_added_after_the_area_was_viewed(client):
    url, bbox = "/api/lightsoff/shops", {"bbox": "-0.6,44.8,-0.5,44.9"}
    assert client.get(url, bbox).json()["features"] == []

    client.post(
        "/lightsoff/commerces/ajouter/",
        {"name": "Nouvelle boutique", "category": "clothes", "lat": 44.84, "lon": -0.57},
    )

    features = client.get(url, bbox).json()["features"]
    assert [f["properties"]["name"] for f in features] == ["Nouvelle boutique"]


@pytest.mark.parametrize("at", ["9999-12-31T23:00", "0001-01-01T00:30", "2026-13-01T00:00"])
def test_a_date_out_of_range_is_refused_naming_it_never_a_500(client, at):
    response = client.get("/api/lightsoff/verdict", {"element": "vitrine", "at": at})

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "at"


@pytest.mark.parametrize("bbox", ["nan,nan,nan,nan", "inf,0,1,1", "0,0,0,0", ""])
def test_a_degenerate_bbox_is_refused_never_a_500(client, bbox):
    response = client.get("/api/lightsoff/shops", {"bbox": bbox})

    assert response.status_code == 422


@pytest.mark.parametrize("seen_at", ["2000-01-01T02:00", "0001-01-01T00:00", "bientôt"])
def test_a_report_for_a_night_long_ago_or_unreadable_is_refused(client, shop, seen_at):
    response = client.post(
        "/api/lightsoff/reports",
        {"shop_id": shop.pk, "element": "vitrine", "seen_at": seen_at},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "seen_at"
    assert not Report.objects.exists()


def test_the_verdict_follows_accept_language(client):
    params = {"element": "vitrine", "at": "2026-11-20T02:30"}

    english = client.get("/api/lightsoff/verdict", params, HTTP_ACCEPT_LANGUAGE="en").json()
    french = client.get("/api/lightsoff/verdict", params, HTTP_ACCEPT_LANGUAGE="fr").json()

    assert english["explanation"].startswith("At 2:30, the shop window should be off.")
    assert english["rule"]["summary"].startswith("Shop windows go off at 1:00")
    assert french["explanation"].startswith("À 2 h 30, la vitrine devrait être éteinte.")


def test_field_errors_follow_accept_language(client):
    response = client.get(
        "/api/lightsoff/verdict", {"element": "facade"}, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.json()["errors"][0] == {
        "field": "element",
        "message": "Unknown value “facade”: choose among vitrine, interieur, enseigne, publicite.",
    }


def test_a_submitted_report_answers_with_the_verdict_it_stored(client, shop):
    response = client.post(
        "/api/lightsoff/reports",
        {"shop_id": shop.pk, "element": "vitrine", "seen_at": last_night(3, 30)},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    body = response.json()
    stored = Report.objects.get()
    assert body["verdict"]["verdict"] == stored.verdict == "violation"
    assert body["verdict"]["explanation"].startswith("At 3:30, the shop window should be off.")
    assert (body["verdict"]["forbidden_from"], body["verdict"]["forbidden_until"]) == (
        stored.forbidden_from.strftime("%H:%M"),
        stored.forbidden_until.strftime("%H:%M"),
    )
