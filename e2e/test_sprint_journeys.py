"""Sprints in the browser: a member's check-in with a blocker puts the sprint at risk on the staff
board; the sponsor accepts the delivery and fills the handover; a measurement entered on the
sprint page appears in the team space's chart."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e.session import logged_in
from reserve.sprints.models import Handover, Measurement
from reserve.sprints.tests.factories import deliverable, indicator, make_sprint

pytestmark = pytest.mark.e2e


def test_a_blocker_in_a_check_in_shows_the_sprint_at_risk_on_the_board(
    live_server, new_page, assert_accessible, db
):
    sprint = make_sprint("Sobriété des mairies", started_days_ago=3)
    member = logged_in(new_page, live_server, sprint.member)
    member.goto(f"/sprints/defi/{sprint.challenge.pk}/")
    assert_accessible(member)

    member.get_by_text("Poster le point de la semaine").click()
    member.get_by_label("Avancement").fill("Maquette testée avec deux mairies.")
    member.get_by_label("Blocages").fill("Pas d'accès aux consommations des bâtiments.")
    member.get_by_label("Confiance").select_option(label="À risque")
    member.get_by_label(re.compile("Heures données cette semaine par Bruno")).fill("7")
    member.get_by_role("button", name="Publier le point").click()
    expect(member.get_by_text("Point hebdomadaire publié.")).to_be_visible()
    expect(member.get_by_text("Pas d'accès aux consommations des bâtiments.")).to_be_visible()
    assert_accessible(member)

    staff = logged_in(new_page, live_server, sprint.staff)
    staff.goto("/sprints/tableau/")
    row = staff.get_by_role("row", name=re.compile("Sobriété des mairies"))
    expect(row.get_by_text("À risque", exact=True)).to_be_visible()
    expect(row.get_by_text("L'équipe se dit à risque")).to_be_visible()
    assert_accessible(staff)


def test_the_sponsor_accepts_the_delivery_and_fills_the_handover(
    live_server, new_page, assert_accessible, db
):
    sprint = make_sprint("Alerte chaleur dans les écoles")
    item = deliverable(sprint.challenge, name="Service d'alerte")
    member = logged_in(new_page, live_server, sprint.member)
    member.goto(f"/sprints/defi/{sprint.challenge.pk}/#livraison")
    member.locator("#livraison").get_by_label("Lien").fill("https://code.example.org/alerte")
    member.get_by_role("button", name=re.compile("Marquer comme livré")).click()
    expect(member.get_by_text("« Service d'alerte » livré.")).to_be_visible()

    sponsor = logged_in(new_page, live_server, sprint.sponsor)
    sponsor.goto(f"/sprints/defi/{sprint.challenge.pk}/#livraison")
    sponsor.get_by_label("Livraison acceptée").check()
    sponsor.get_by_role("button", name="Donner ma décision").click()
    expect(sponsor.get_by_text("Livraison acceptée").first).to_be_visible()
    assert_accessible(sponsor)

    handover = sponsor.locator("#passation")
    handover.get_by_label("Qui possède et fait vivre le produit").fill("Mairie de Bordeaux, DSI")
    handover.get_by_label("Hébergement").fill("Serveurs de la ville")
    handover.get_by_label("Données personnelles et sécurité").fill("Aucune donnée personnelle.")
    handover.get_by_label("Analyse d'impact (AIPD)").select_option(label="Pas nécessaire")
    handover.get_by_label("Pourquoi").fill("Aucun traitement de données personnelles.")
    handover.get_by_label("Contact pour la maintenance").fill("dsi@bordeaux.example.org")
    handover.get_by_label("Si personne ne le reprend").fill("Le code reste publié.")
    sponsor.get_by_role("button", name="Enregistrer la fiche de passation").click()
    expect(sponsor.get_by_text("Fiche de passation enregistrée.")).to_be_visible()
    assert_accessible(sponsor)

    assert Handover.objects.get().owner == "Mairie de Bordeaux, DSI"
    item.refresh_from_db()
    assert item.accepted_at is not None


def test_a_measurement_appears_in_the_team_space_chart(
    live_server, new_page, assert_accessible, db
):
    sprint = make_sprint("Mairies éteintes la nuit")
    gauge = indicator(sprint.challenge)
    sponsor = logged_in(new_page, live_server, sprint.sponsor)
    sponsor.goto(f"/sprints/defi/{sprint.challenge.pk}/#impact")
    measure = sponsor.locator(f"#indicateur-{gauge.pk}")
    measure.get_by_text("Saisir une mesure").click()
    measure.get_by_label("Date").fill(timezone.localdate().isoformat())
    measure.get_by_role("spinbutton", name="Valeur").fill("99999")
    measure.get_by_label("Source").fill("Relevé des communes")
    measure.get_by_role("button", name="Enregistrer la mesure").click()
    expect(sponsor.get_by_text(re.compile("vérifiez l'unité"))).to_be_visible()
    assert_accessible(sponsor)

    measure = sponsor.locator(f"#indicateur-{gauge.pk}")
    measure.get_by_role("spinbutton", name="Valeur").fill("12")
    measure.get_by_role("button", name="Enregistrer la mesure").click()
    expect(sponsor.get_by_text("Mesure enregistrée.")).to_be_visible()
    assert Measurement.objects.get().value == 12

    member = logged_in(new_page, live_server, sprint.member)
    member.goto(f"/equipes/defi/{sprint.challenge.pk}/espace/")
    chart = member.locator("#sprint")
    expect(chart.locator("svg circle")).to_have_count(1)
    expect(chart.get_by_role("cell", name="12 mairies")).to_be_visible()
    assert_accessible(member)
