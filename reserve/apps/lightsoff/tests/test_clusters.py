from collections import Counter

import pytest

from reserve.apps.lightsoff import services
from reserve.apps.lightsoff.models import ShopStatus

from .factories import ShopFactory

pytestmark = pytest.mark.django_db

URL = "/api/lightsoff/shops/clusters"
BORDEAUX_BOX = "-0.7,44.7,-0.4,45.0"


def a_city_of_shops():
    """Shops spread around Bordeaux in a few statuses, and one in Lyon, outside the box."""
    statuses = [ShopStatus.REPORTED] * 5 + [ShopStatus.CONFIRMED_OFF] * 3 + [ShopStatus.STILL_LIT]
    for n, status in enumerate(statuses):
        ShopFactory(lat=44.80 + n * 0.01, lon=-0.60 + (n % 3) * 0.05, status=status)
    ShopFactory(lat=44.84, lon=-0.57)  # never reported: off the impact map
    ShopFactory(lat=44.84, lon=-0.57, status=ShopStatus.REPORTED, hidden=True)
    ShopFactory(lat=45.76, lon=4.83, status=ShopStatus.REPORTED)
    return Counter(statuses)


def clusters(client, bbox=BORDEAUX_BOX, zoom=8, **extra):
    response = client.get(URL, {"bbox": bbox, "zoom": zoom, **extra})
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/geo+json"
    return response.json()


def status_totals(features):
    totals = Counter()
    for f in features:
        p = f["properties"]
        totals.update(p["statuses"] if p["cluster"] else {p["status"]: 1})
    return totals


@pytest.mark.parametrize("zoom", [0, 5, 8, 11, 13])
def test_cluster_counts_sum_to_the_reported_shops_in_the_box(client, zoom):
    expected = a_city_of_shops()

    body = clusters(client, zoom=zoom)

    assert body["type"] == "FeatureCollection"
    assert sum(f["properties"]["count"] for f in body["features"]) == sum(expected.values())
    assert status_totals(body["features"]) == expected


def test_a_cluster_counts_each_status_and_sits_at_the_mean_position(client):
    ShopFactory(lat=44.84, lon=-0.58, status=ShopStatus.REPORTED)
    ShopFactory(lat=44.85, lon=-0.57, status=ShopStatus.REPORTED)
    ShopFactory(lat=44.86, lon=-0.56, status=ShopStatus.CONFIRMED_OFF)

    [feature] = clusters(client, zoom=6)["features"]

    assert feature["properties"] == {
        "cluster": True,
        "count": 3,
        "statuses": {"reported": 2, "confirmed_off": 1},
        "dominant": "reported",
    }
    lon, lat = feature["geometry"]["coordinates"]
    assert (lat, lon) == (pytest.approx(44.85), pytest.approx(-0.57))


def test_a_lone_shop_in_its_cell_comes_as_the_shop_itself(client):
    shop = ShopFactory(status=ShopStatus.STILL_LIT, report_count=2)

    [feature] = clusters(client, zoom=4)["features"]

    assert feature["id"] == shop.pk
    assert feature["geometry"]["coordinates"] == [shop.lon, shop.lat]
    assert feature["properties"]["cluster"] is False
    assert feature["properties"]["name"] == shop.name
    assert feature["properties"]["status"] == "still_lit"
    assert feature["properties"]["reports"] == 2


def test_a_high_zoom_returns_individual_shops(client):
    shops = [ShopFactory(status=ShopStatus.REPORTED) for _ in range(3)]  # all at one point

    features = clusters(client, bbox="-0.575,44.840,-0.571,44.842", zoom=17)["features"]
    assert sorted(f["id"] for f in features) == sorted(s.pk for s in shops)
    assert all(f["properties"]["cluster"] is False for f in features)

    [cluster] = clusters(client, bbox="-0.575,44.840,-0.571,44.842", zoom=15)["features"]
    assert cluster["properties"]["count"] == 3


def test_the_answer_covers_whole_cells_and_never_shows_hidden_shops(client):
    ShopFactory(status=ShopStatus.REPORTED, hidden=True)

    body = clusters(client, bbox="-0.58,44.83,-0.56,44.85", zoom=10)

    west, south, east, north = body["bbox"]
    assert (west, south) <= (-0.58, 44.83)
    assert east >= -0.56
    assert north >= 44.85
    assert body["features"] == []


def test_never_reported_shops_come_only_when_asked_for(client):
    ShopFactory()

    assert clusters(client)["features"] == []
    [feature] = clusters(client, listed="true")["features"]
    assert feature["properties"]["status"] == "listed"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"bbox": "1,2,3", "zoom": 5}, "bbox"),
        ({"bbox": "a,b,c,d", "zoom": 5}, "bbox"),
        ({"bbox": "0,50,-1,40", "zoom": 5}, "bbox"),
        ({"bbox": "nan,nan,nan,nan", "zoom": 5}, "bbox"),
        ({"bbox": "-5,41,10,51", "zoom": 14}, "bbox"),  # all of France cell by cell: too many
        ({"zoom": 5}, "bbox"),
        ({"bbox": BORDEAUX_BOX, "zoom": -1}, "zoom"),
        ({"bbox": BORDEAUX_BOX, "zoom": 23}, "zoom"),
        ({"bbox": BORDEAUX_BOX, "zoom": "près"}, "zoom"),
        ({"bbox": BORDEAUX_BOX}, "zoom"),
    ],
)
def test_bad_parameters_are_refused_naming_the_field(client, params, field):
    response = client.get(URL, params)

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == field


def test_clusters_are_in_the_openapi_schema(client):
    paths = client.get("/api/openapi.json").json()["paths"]

    assert "/api/lightsoff/shops/clusters" in paths


@pytest.mark.parametrize("zoom", [6, 17])
def test_one_query_whatever_the_number_of_shops(client, settings, django_assert_num_queries, zoom):
    settings.LIGHTSOFF_MAP_CACHE_SECONDS = 0
    box = "-0.58,44.83,-0.56,44.85"
    ShopFactory(status=ShopStatus.REPORTED)
    with django_assert_num_queries(1):
        clusters(client, bbox=box, zoom=zoom)

    ShopFactory.create_batch(20, status=ShopStatus.CONFIRMED_OFF)
    ShopFactory.create_batch(20, status=ShopStatus.REPORTED, lat=44.845, lon=-0.565)
    with django_assert_num_queries(1):
        body = clusters(client, bbox=box, zoom=zoom)
    assert sum(f["properties"]["count"] for f in body["features"]) == 41


def test_a_cached_answer_is_forgotten_when_a_shop_changes(client, django_assert_num_queries):
    shop = ShopFactory(status=ShopStatus.REPORTED)
    assert clusters(client)["features"][0]["properties"]["status"] == "reported"
    with django_assert_num_queries(0):
        clusters(client)

    services.answer_as_shopkeeper(shop, "switched_off")

    [feature] = clusters(client)["features"]
    assert feature["properties"]["status"] != "reported"
