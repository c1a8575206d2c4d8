"""POST /api/energie/diagnostic: the answer, each part explained, and every bad field named."""

import pytest

URL = "/api/energie/diagnostic"
VALID = {
    "household_size": 3,
    "reference_tax_income": 14_000,
    "region": "other",
    "surface_m2": 60,
    "primary_energy_kwh_m2": 430,
    "ghg_kg_m2": 20,
    "annual_energy_bill_eur": 1_800,
}


def post(client, payload, **headers):
    return client.post(URL, payload, content_type="application/json", **headers)


@pytest.mark.django_db
def test_it_answers_aids_dpe_and_effort_rate_with_sources(client):
    body = post(client, {**VALID, "date": "2026-03-01"}).json()
    assert body["cheque_energie"]["amount_eur"] == 63
    assert body["cheque_energie"]["rule"] == "cheque.amount"
    assert "1,8 unités de consommation" in body["cheque_energie"]["explanation"]
    assert "Arrêté du 24 février 2021" in body["cheque_energie"]["source"]
    assert body["maprimerenov"]["category"] == "blue"
    assert body["dpe"]["class"] == "G"
    assert body["dpe"]["rental"]["banned"] is True
    assert body["effort_rate"] == 0.1286
    assert body["precarity"]["precarious"] is True
    assert {line["measure"] for line in body["advice"]} >= {"thermostat", "led"}


@pytest.mark.django_db
def test_only_the_first_three_fields_are_required(client):
    body = post(client, {"household_size": 1, "reference_tax_income": 5_000, "region": "other"})
    assert body.status_code == 200
    assert body.json()["dpe"] is None
    assert body.json()["effort_rate"] is None


@pytest.mark.django_db
def test_a_past_date_gives_the_rules_then_in_force(client):
    payload = {"household_size": 1, "reference_tax_income": 5_000, "region": "other"}
    assert (
        post(client, {**payload, "date": "2018-06-01"}).json()["cheque_energie"]["amount_eur"]
        == 144
    )
    assert (
        post(client, {**payload, "date": "2024-06-01"}).json()["cheque_energie"]["amount_eur"]
        == 194
    )
    body = post(client, {**payload, "reference_tax_income": 17_100, "date": "2024-06-01"}).json()
    assert body["maprimerenov"]["category"] == "yellow"


@pytest.mark.django_db
def test_explanations_follow_accept_language(client):
    body = post(client, VALID, HTTP_ACCEPT_LANGUAGE="en").json()
    assert "consumption units" in body["cheque_energie"]["explanation"]
    assert "A simulation, not a decision" in body["disclaimer"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"household_size": 0}, "household_size"),
        ({"household_size": 2.5}, "household_size"),
        ({"household_size": "trois"}, "household_size"),
        ({"household_size": None}, "household_size"),
        ({"reference_tax_income": -1}, "reference_tax_income"),
        ({"reference_tax_income": "beaucoup"}, "reference_tax_income"),
        ({"region": "bretagne"}, "region"),
        ({"surface_m2": 0}, "surface_m2"),
        ({"primary_energy_kwh_m2": -3}, "primary_energy_kwh_m2"),
        ({"ghg_kg_m2": 9_999}, "ghg_kg_m2"),
        ({"ghg_kg_m2": None}, "ghg_kg_m2"),  # the DPE figures come in pairs
        ({"annual_energy_bill_eur": "cher"}, "annual_energy_bill_eur"),
        ({"date": "2026-13-40"}, "date"),
        ({"heating_energy": "charbon"}, "heating_energy"),
    ],
)
def test_each_bad_field_is_named(client, changes, field):
    response = post(client, {**VALID, **changes})
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == [field]


@pytest.mark.django_db
def test_every_bad_field_is_named_at_once(client):
    response = post(
        client, {"household_size": "x", "reference_tax_income": -1, "region": "?", "date": "hier"}
    )
    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"household_size", "reference_tax_income", "region", "date"}


@pytest.mark.django_db
def test_a_body_that_is_not_an_object_is_refused(client):
    response = client.post(URL, "[1, 2]", content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body"


@pytest.mark.django_db
def test_it_is_rate_limited_per_connection(client, settings):
    settings.ENERGIE_DIAGNOSTICS_PER_IP_HOUR = 2
    assert [post(client, VALID).status_code for _ in range(3)] == [200, 200, 429]


@pytest.mark.django_db
def test_it_is_in_the_openapi_schema_with_its_fields(client):
    schema = client.get("/api/openapi.json").json()
    body = schema["paths"]["/api/energie/diagnostic"]["post"]["requestBody"]
    fields = body["content"]["application/json"]["schema"]["properties"]
    assert {"household_size", "reference_tax_income", "region", "date"} <= set(fields)
