"""No 500 from absurd numbers: API lists answer 422 naming the parameter, pages clamp theirs."""

import pytest

from reserve.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HUGE = "726660222763486209376256"


@pytest.mark.parametrize("path", ["/api/organisations", "/api/challenges"])
@pytest.mark.parametrize(
    ("parameter", "value"), [("page", HUGE), ("page", "0"), ("page_size", HUGE)]
)
def test_api_lists_refuse_an_absurd_page_naming_it(client, path, parameter, value):
    response = client.get(path, {parameter: value})

    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == [parameter]


def test_an_unknown_challenge_is_a_404_naming_its_slug(client):
    response = client.get("/api/challenges/nulle-part")

    assert response.status_code == 404
    assert response.json()["errors"][0]["field"] == "slug"


def test_a_body_that_is_not_json_is_a_400_naming_the_body(client):
    response = client.post("/api/lightsoff/reports", "\x00", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "body"


@pytest.mark.parametrize("page", [HUGE, "-1", "abc", "1e308"])
def test_pages_clamp_an_absurd_page_number(client, page):
    client.force_login(UserFactory(is_staff=True))

    assert client.get("/defis/", {"page": page}).status_code == 200
    assert client.get("/reserve/vivier/", {"page": page}).status_code == 200
