"""The reservist pool in a real browser: joining on a phone, secondment, the staff search."""

import csv
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e.session import logged_in
from reserve.accounts.tests.factories import UserFactory
from reserve.core.models import OutboxMessage
from reserve.organisations.models import Membership, Part
from reserve.organisations.tests.factories import MembershipFactory, OrganisationFactory
from reserve.reservists.models import AvailabilityPeriod, Profile
from reserve.reservists.tests.factories import AvailabilityPeriodFactory, ProfileFactory

pytestmark = pytest.mark.e2e

EMAIL = "nour.haddad@example.org"
PASSWORD = "Estuaire-de-la-Gironde-2031"
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}


def field(page, label: str):
    return page.get_by_label(re.compile(rf"^{re.escape(label)}\s*:?$"))


def next_month():
    first = (timezone.localdate().replace(day=1) + timedelta(days=32)).replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return first, last


def test_a_newcomer_joins_on_a_phone_and_completes_the_profile(
    live_server, phone_page, assert_accessible
):
    page = phone_page
    page.goto("/")
    page.get_by_role("link", name="Devenir réserviste").first.click()
    field(page, "Prénom").fill("Nour")
    field(page, "Nom").fill("Haddad")
    field(page, "Courriel").fill(EMAIL)
    field(page, "Mot de passe").fill(PASSWORD)
    field(page, "Mot de passe (confirmation)").fill(PASSWORD)
    page.get_by_label(re.compile("^J'accepte que La Réserve conserve")).check()
    page.get_by_role("button", name="Création de compte").click()
    body = OutboxMessage.objects.filter(recipients__icontains=EMAIL).latest("created_at").body
    page.goto(re.search(r"https?://\S+/confirm-email/\S+", body).group(0))
    page.get_by_role("button", name="Confirmer").click()

    page.goto("/reserve/rejoindre/")
    assert_accessible(page)
    page.get_by_role("button", name="Commencer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vos compétences")
    stepper = page.get_by_role("navigation", name="Étapes pour rejoindre la réserve")
    expect(stepper.locator("[aria-current=step]")).to_contain_text("Vos compétences")
    page.get_by_role("button", name="Enregistrer et continuer").click()
    expect(page.get_by_text("Indiquez au moins une compétence")).to_be_visible()
    page.get_by_text("Design", exact=True).click()
    field(page, "Design UX").select_option(label="Expert")
    assert_accessible(page)
    page.get_by_role("button", name="Enregistrer et continuer").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Où et combien de temps")
    expect(stepper.get_by_role("link", name=re.compile("Vos compétences"))).to_be_visible()
    field(page, "Heures disponibles par semaine").fill("200")
    page.get_by_label("À distance ou sur place").check()
    field(page, "Département").select_option("33")
    field(page, "Ville (facultatif)").fill("Pessac")
    page.get_by_role("button", name="Enregistrer et continuer").click()
    expect(page.get_by_text("60 heures par semaine au plus")).to_be_visible()
    expect(field(page, "Ville (facultatif)")).to_have_value("Pessac")
    assert_accessible(page)
    field(page, "Heures disponibles par semaine").fill("6")
    page.get_by_role("button", name="Enregistrer et continuer").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Votre engagement")
    page.get_by_label("Sur mon temps personnel").check()
    page.get_by_label(re.compile("^J'accepte que l'équipe du programme utilise")).check()
    assert_accessible(page)
    page.get_by_role("button", name="Terminer").click()

    expect(page.get_by_role("status")).to_contain_text("Bienvenue dans la réserve")
    expect(page.get_by_text("Profil complet à 100 %")).to_be_visible()
    assert_accessible(page)
    profile = Profile.objects.get(user__email=EMAIL)
    assert (profile.hours_per_week, profile.departement, profile.city) == (6, "33", "Pessac")
    assert Profile.objects.in_pool().filter(pk=profile.pk).exists()

    page.get_by_role("link", name="Vos centres d'intérêt").click()
    page.get_by_label("Eau et sécheresse").check()
    field(page, "Présentez-vous en quelques lignes").fill("Designer à Bordeaux, je veux aider.")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_role("status")).to_contain_text("C'est enregistré.")
    profile.refresh_from_db()
    assert profile.theme_codes == ["water"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_seconded_employee_picks_the_employer_who_confirms_and_then_sees_them(
    live_server, new_page, assert_accessible
):
    company = OrganisationFactory(name="Numéra Conseil", parts=Part.EMPLOYER.value)
    admin = MembershipFactory(organisation=company, role=Membership.Role.ADMIN).user
    employee = ProfileFactory(user__first_name="Emma", user__last_name="Girard", hours_per_week=3)

    page = logged_in(new_page, live_server, employee.user)
    page.goto("/reserve/profil/engagement/")
    page.get_by_label("par mon employeur (mécénat de compétences)").check()
    field(page, "Mon employeur").select_option(label="Numéra Conseil")
    page.get_by_label(re.compile("^J'accepte que l'équipe du programme utilise")).check()
    assert_accessible(page)
    page.get_by_role("button", name="Terminer").click()
    page.get_by_role("link", name="Votre détachement").click()
    field(page, "Heures par mois accordées par mon employeur").fill("16")
    field(page, "Accord de mon employeur").select_option(label="Accord signé")
    assert_accessible(page)
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_role("status")).to_contain_text("C'est enregistré.")

    page.goto("/reserve/")
    expect(page.get_by_text("En attente de la confirmation de l'employeur")).to_be_visible()

    company_page = logged_in(new_page, live_server, admin)
    company_page.goto("/compte/")
    company_page.get_by_role("link", name="Numéra Conseil : 1 détachement à confirmer").click()
    assert_accessible(company_page)
    company_page.get_by_role("button", name="Confirmer le détachement").click()
    expect(company_page.get_by_role("status")).to_contain_text("la personne est prévenue")
    company_page.goto("/compte/")
    company_page.get_by_role("link", name="Salariés détachés par Numéra Conseil").click()
    row = company_page.get_by_role("row", name=re.compile("Emma Girard"))
    expect(row).to_contain_text("16")
    expect(row).to_contain_text("13")  # 3 h a week ≈ 13 h a month
    expect(row).to_contain_text("Accord signé")
    assert_accessible(company_page)


def test_staff_find_ux_designers_available_next_month_in_gironde_and_export_them(
    live_server, new_page, assert_accessible
):
    first, last = next_month()
    wanted = ProfileFactory(user__last_name="Lacanau", skills={"design.ux": 3}, hours_per_week=6)
    AvailabilityPeriodFactory(profile=wanted, start=first, end=last)
    ProfileFactory(user__last_name="Parisienne", skills={"design.ux": 3}, departement="75")
    ProfileFactory(user__last_name="Donnees", skills={"tech.data": 3})
    busy = ProfileFactory(user__last_name="Occupee", skills={"design.ux": 2})
    AvailabilityPeriodFactory(
        profile=busy, kind=AvailabilityPeriod.Kind.UNAVAILABLE, start=first, end=last
    )
    staff = UserFactory(is_staff=True)

    page = logged_in(new_page, live_server, staff)
    page.goto("/")
    page.get_by_role("navigation").get_by_role("link", name="Vivier").click()
    assert_accessible(page)
    field(page, "Compétences").select_option("design.ux")
    field(page, "Disponible du").fill(first.isoformat())
    field(page, "au").fill(last.isoformat())
    field(page, "Département").select_option("33")
    page.get_by_role("button", name="Rechercher").click()

    expect(page.get_by_role("heading", name="1 réserviste trouvé")).to_be_visible()
    expect(page.locator(".pool-list")).to_contain_text("Lacanau")
    # htmx swapped the results in (its partial answer has no header) and kept the URL shareable.
    expect(page.get_by_role("navigation", name="Navigation principale")).to_be_visible()
    expect(page).to_have_url(re.compile(r"departement=33"))
    expect(page).to_have_title(re.compile("Vivier des réservistes"))
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Exporter en CSV").click()
    rows = list(
        csv.DictReader(Path(download.value.path()).read_text(encoding="utf-8").splitlines())
    )
    assert [(r["nom"], r["departement"]) for r in rows] == [("Lacanau", "33")]
    assert rows[0]["email"] == wanted.user.email
