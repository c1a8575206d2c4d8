import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from reserve.challenges.choices import Status
from reserve.impact import services
from reserve.sprints.models import Measurement

from .factories import deliverable, delivered_challenge, handover, hours, indicator, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def delivered():
    challenge = delivered_challenge(title="Alerte sécheresse", slug="alerte-secheresse")
    shown = member(challenge)
    shown.first_name = "Inès"
    shown.save()
    services.set_visibility(shown, on_impact_pages=True, public_profile=False)
    hidden = member(challenge, skill="design.ux")
    hidden.first_name = "Hugo"
    hidden.save()
    hours(challenge, shown, date(2026, 1, 5), "10")
    hours(challenge, hidden, date(2026, 1, 5), "6")
    hours(challenge, hidden, date(2026, 1, 12), "40", validated=False)
    deliverable(challenge)
    handover(challenge)
    alerts = indicator(challenge)
    Measurement.objects.create(indicator=alerts, date=date(2026, 2, 20), value=420, source="Logs")
    return challenge


def test_it_shows_what_was_built_hours_value_and_the_assumption(client, delivered):
    page = client.get(reverse("impact:challenge", args=["alerte-secheresse"])).content.decode()
    assert "Le service d&#x27;alerte" in page
    assert "Heures validées</dt><dd>16</dd>" in page
    assert "480 €" in page  # 16 h × 30 € (hourly ceiling 2026)
    assert "plafond horaire de la sécurité sociale" in page
    assert "DDT de la Gironde" in page


def test_it_names_only_members_who_accepted(client, delivered):
    page = client.get(reverse("impact:challenge", args=["alerte-secheresse"])).content.decode()
    assert "Inès" in page
    assert "Hugo" not in page
    assert "2 réservistes dans l'équipe" in page


def test_an_indicator_has_a_chart_and_a_data_table(client, delivered):
    page = client.get(reverse("impact:challenge", args=["alerte-secheresse"])).content.decode()
    assert "<svg" in page
    assert "<polyline" in page
    assert "Mesures — Alertes envoyées" in page
    assert "420 alertes" in page


def test_a_new_measurement_shows_despite_the_cache(client, delivered):
    url = reverse("impact:challenge", args=["alerte-secheresse"])
    client.get(url)
    Measurement.objects.create(
        indicator=delivered.indicators.get(), date=date(2026, 3, 20), value=777, source="Logs"
    )
    assert "777 alertes" in client.get(url).content.decode()


def test_a_challenge_not_yet_delivered_has_no_impact_page(client):
    delivered_challenge(slug="en-cours", status=Status.IN_SPRINT)
    assert client.get(reverse("impact:challenge", args=["en-cours"])).status_code == 404


def test_the_programme_page_counts_reservists_hours_and_organisations(client, delivered):
    page = client.get(reverse("impact:programme")).content.decode()
    assert "Réservistes mobilisés</dt><dd>2</dd>" in page
    assert "Organisations aidées</dt><dd>1</dd>" in page
    assert "Alerte sécheresse" in page
    assert "Gironde" in page


def test_the_open_data_holds_no_names(client, delivered):
    rows = list(
        csv.DictReader(io.StringIO(client.get(reverse("impact:open_data_csv")).content.decode()))
    )
    assert rows[0]["slug"] == "alerte-secheresse"
    assert rows[0]["hours"] == "16.0"
    data = client.get(reverse("impact:open_data_json")).content.decode()
    assert "alerte-secheresse" in data
    for name in ("Inès", "Hugo", "@"):
        assert name not in data
        assert name not in rows[0].values()


def test_the_feed_lists_measurements(client, delivered):
    feed = client.get(reverse("impact:feed")).content.decode()
    assert "Alertes envoyées = 420 alertes" in feed


def test_the_api_answers_for_the_programme_and_a_challenge(client, delivered):
    programme = client.get("/api/impact").json()
    assert programme["reservists_mobilised"] == 2
    assert programme["hours"] == 16.0
    detail = client.get("/api/impact/alerte-secheresse").json()
    assert detail["indicators"][0]["measurements"][0]["value"] == 420.0
    missing = client.get("/api/impact/inconnu")
    assert missing.status_code == 404
    assert missing.json()["errors"][0]["field"] == "slug"


def test_the_api_is_in_the_openapi_schema(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/impact" in paths
    assert "/api/impact/{slug}" in paths


def test_the_challenge_page_links_its_impact_page_once_delivered(client, delivered):
    page = client.get(delivered.get_absolute_url()).content.decode()
    assert reverse("impact:challenge", args=["alerte-secheresse"]) in page
    sprinting = delivered_challenge(slug="sprint", status=Status.IN_SPRINT)
    assert "/impact/defis/sprint/" not in client.get(sprinting.get_absolute_url()).content.decode()


def test_the_programme_maps_challenges_by_region(client, delivered):
    delivered_challenge(slug="lozere", territory_level="departement", territory_name="Lozère")
    delivered_challenge(slug="partout", territory_level="national", territory_name="")
    page = client.get(reverse("impact:programme")).content.decode()
    assert 'aria-labelledby="carte-legende"' in page
    assert '<th scope="row">Nouvelle-Aquitaine</th><td>NAQ</td><td>1</td>' in page
    assert '<th scope="row">Occitanie</th><td>OCC</td><td>1</td>' in page
    assert "1 défi national ou communal n'est pas placé sur la carte." in page
