import pytest

from reserve.organisations.models import Part, Verification
from reserve.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_openapi_schema_lists_the_endpoints(client):
    schema = client.get("/api/openapi.json").json()

    assert {"/api/stats", "/api/organisations"} <= set(schema["paths"])


def test_the_api_docs_page_is_served(client):
    assert client.get("/api/docs").status_code == 200


def test_the_stats_match_the_database(client):
    OrganisationFactory(kind="company", parts=Part.EMPLOYER.value)
    OrganisationFactory(verification=Verification.PENDING)

    stats = client.get("/api/stats").json()

    platform = {key: stats[key] for key in ("organisations", "administrations", "employers")}
    assert platform == {"organisations": 1, "administrations": 0, "employers": 1}
    assert all(isinstance(value, int) for value in stats.values())


def test_the_organisations_list_filters_by_part_and_hides_unverified(client):
    OrganisationFactory(name="Employeur", kind="company", parts="employer funder")
    OrganisationFactory(name="Porteur", parts="sponsor")
    OrganisationFactory(name="En attente", parts="employer", verification=Verification.PENDING)

    body = client.get("/api/organisations?part=employer").json()

    assert body["count"] == 1
    assert body["items"][0]["name"] == "Employeur"
    assert body["items"][0]["parts"] == ["employer", "funder"]


@pytest.mark.parametrize(
    ("query", "field"),
    [("kind=planete", "kind"), ("page=zero", "page"), ("q=" + "x" * 101, "q")],
)
def test_invalid_parameters_get_a_4xx_naming_the_field(client, query, field):
    response = client.get(f"/api/organisations?{query}")

    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == [field]


def test_an_oversized_form_is_refused_without_a_server_error(client, user):
    client.force_login(user)

    response = client.post("/compte/profil/", {"first_name": "x" * 3_000_000})

    assert response.status_code == 400
    assert user.first_name == "Camille"
