"""Impact journeys: a measurement reaches the public page, an employer downloads a time
statement, a reservist downloads their certificate."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from reserve.accounts.tests.factories import UserFactory
from reserve.impact.tests.factories import (
    deliverable,
    delivered_challenge,
    employer_with_admin,
    hours,
    indicator,
    member,
    seconded,
)

from .session import logged_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_measurement_appears_on_the_public_impact_page(new_page, live_server, assert_accessible):
    challenge = delivered_challenge(title="Alerte sécheresse", slug="alerte-secheresse")
    deliverable(challenge)
    alerts = indicator(challenge, baseline_date=timezone.localdate() - timedelta(days=40))
    visitor = new_page()
    visitor.goto("/impact/defis/alerte-secheresse/")
    assert visitor.get_by_role("heading", name="Impact : Alerte sécheresse").is_visible()
    assert "742 alertes" not in visitor.content()

    staff = logged_in(new_page, live_server, UserFactory(is_staff=True))
    staff.goto(f"/sprints/defi/{challenge.pk}/")
    article = staff.locator(f"#indicateur-{alerts.pk}")
    article.get_by_text("Saisir une mesure").click()
    form = article.locator("form")
    form.get_by_label("Date").fill((timezone.localdate() - timedelta(days=1)).isoformat())
    form.get_by_label("Valeur").fill("742")
    form.locator("[name=source]").fill("Journal du service")
    article.get_by_role("button", name="Enregistrer la mesure").click()

    visitor.goto("/impact/defis/alerte-secheresse/")
    assert visitor.get_by_role("cell", name="742 alertes").is_visible()
    assert visitor.locator("svg polyline").count() == 1
    assert_accessible(visitor)
    visitor.goto("/impact/")
    assert visitor.get_by_role("img", name="Carte schématique").is_visible()
    assert_accessible(visitor)


def test_the_employer_downloads_a_time_statement(new_page, live_server, assert_accessible):
    employer, admin = employer_with_admin()
    challenge = delivered_challenge(title="Alerte eau")
    alice = seconded(employer, first_name="Alice", last_name="Martin")
    member(challenge, alice)
    hours(challenge, alice, date(2026, 1, 5), "8")
    page = logged_in(new_page, live_server, admin)
    page.goto(f"/impact/employeur/{employer.pk}/?start=2026-01-01&end=2026-03-31")
    assert page.get_by_role("heading", name="Alice Martin").is_visible()
    assert_accessible(page)
    page.get_by_label("Salarié·e").select_option(label="Alice Martin")
    statement = page.locator(
        "form", has=page.get_by_role("button", name="Télécharger le relevé (PDF)")
    )
    statement.get_by_label("Du").fill("2026-01-01")
    statement.get_by_label("Au").fill("2026-03-31")
    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger le relevé (PDF)").click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")


def test_a_reservist_downloads_their_certificate(new_page, live_server, assert_accessible):
    challenge = delivered_challenge(title="Eau du robinet")
    volunteer = member(challenge)
    hours(challenge, volunteer, date(2026, 1, 5), "5")
    page = logged_in(new_page, live_server, volunteer)
    page.goto("/impact/mon-engagement/")
    assert page.get_by_role("link", name="Eau du robinet").is_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger mon attestation d'engagement (PDF)").click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
