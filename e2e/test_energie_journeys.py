"""Énergie in a real browser: a household's diagnostic on a phone, an alert giver, staff
allocating kits, a volunteer fitting them, and a household deleting its file."""

import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from e2e.session import logged_in
from reserve.accounts.tests.factories import UserFactory
from reserve.apps.energie import distribution
from reserve.apps.energie.models import Household, HouseholdStatus, Visit, VisitStatus
from reserve.apps.energie.tests.factories import KitFactory, diagnosed
from reserve.organisations.tests.factories import MembershipFactory
from reserve.reservists.tests.factories import ProfileFactory

pytestmark = pytest.mark.e2e

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def test_a_household_does_its_diagnostic_on_a_phone_and_sees_its_aids_and_advice(
    live_server, new_page, assert_accessible
):
    page = new_page(**PHONE)
    page.goto("/energie/")
    assert_accessible(page)
    page.get_by_role("link", name="Faire mon diagnostic").click()
    page.get_by_label("J'accepte que mes réponses").check()
    page.get_by_role("button", name="Commencer").click()

    expect(page.get_by_role("heading", name="Votre logement")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Appartement").check()
    page.get_by_label("Êtes-vous locataire ?").select_option("true")
    page.get_by_label("Surface habitable").fill("45")
    page.get_by_label("Électricité").check()
    page.get_by_label("Département").select_option("33")
    page.get_by_label("Autre région").check()
    page.get_by_role("button", name="Continuer").click()

    expect(page.get_by_role("heading", name="Votre foyer")).to_be_visible()
    page.get_by_label("Combien de personnes").fill("2")
    page.get_by_label("Dont enfants").fill("1")
    page.get_by_label("Ou, si vous préférez, une tranche").select_option(label="Moins de 10 000 €")
    page.get_by_role("button", name="Continuer").click()

    expect(page.get_by_role("heading", name="Vos factures et votre DPE")).to_be_visible()
    page.get_by_label("Vos factures d'énergie").fill("1500")
    page.get_by_label("DPE : énergie").fill("450")
    page.get_by_label("DPE : climat").fill("15")
    page.get_by_role("button", name="Voir mes aides et mes conseils").click()

    expect(page.get_by_role("heading", name="Votre diagnostic")).to_be_visible()
    expect(page.get_by_text("Une simulation, pas une décision")).to_be_visible()
    expect(page.get_by_text("240 € par an", exact=False).first).to_be_visible()
    expect(page.get_by_role("heading", name="Votre logement : classe G")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("Ampoules LED"))).to_be_visible()
    assert_accessible(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390


def test_an_alert_giver_flags_a_household(live_server, new_page, assert_accessible):
    member = MembershipFactory(organisation__name="CCAS de Mérignac").user
    page = logged_in(new_page, live_server, member)
    page.goto("/energie/orienter/")
    assert_accessible(page)
    page.get_by_label("Accord oral recueilli par l'orienteur").check()
    page.get_by_label("Prénom ou nom").fill("Mme Martin")
    page.get_by_label("Téléphone").fill("0556000000")
    page.get_by_label("Département").select_option("33")
    page.get_by_label("Autre région").check()
    page.get_by_role("button", name="Orienter ce foyer").click()

    expect(page.get_by_text("Foyer orienté")).to_be_visible()
    expect(page.get_by_role("heading", name="Votre logement")).to_be_visible()
    household = Household.objects.get()
    assert household.alert_giver == member
    page.goto("/energie/foyers/")
    expect(page.get_by_role("link", name=f"Foyer n° {household.pk}")).to_be_visible()
    assert_accessible(page)


def test_staff_run_an_allocation_and_offer_visits(live_server, new_page, assert_accessible):
    staff = UserFactory(is_staff=True)
    volunteer = ProfileFactory(departement="33").user
    household = diagnosed()
    KitFactory(name="Kit éclairage")
    page = logged_in(new_page, live_server, staff)
    page.goto("/energie/campagnes/")
    assert_accessible(page)
    page.get_by_label("Titre").fill("Hiver en Gironde")
    page.get_by_label("Départements").select_option("33")
    page.get_by_label("Budget").fill("500")
    page.get_by_label("Début").fill("2026-01-05")
    page.get_by_label("Fin", exact=True).fill("2026-04-30")
    page.get_by_role("button", name="Créer la campagne").click()

    page.get_by_role("button", name="Lancer la répartition").click()
    expect(page.get_by_text("Répartition calculée : 1 foyers équipés.")).to_be_visible()
    expect(page.get_by_role("cell", name="Kit éclairage")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Valider et proposer les visites").click()
    expect(page.get_by_text("1 visites proposées")).to_be_visible()
    visit = Visit.objects.get()
    assert (visit.household, visit.volunteer, visit.status) == (household, volunteer, "offered")


def test_a_volunteer_accepts_a_visit_and_records_the_installation(
    live_server, new_page, assert_accessible, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    staff = UserFactory(is_staff=True)
    volunteer = ProfileFactory(departement="33").user
    diagnosed(name="M. Leroy", address="3 rue des Lilas, Bordeaux")
    KitFactory(name="Kit éclairage", measures=["led", "power_strips"])
    campaign = distribution.create_campaign(
        staff,
        title="Hiver",
        departements=["33"],
        budget_eur=500,
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + timedelta(days=60),
    )
    distribution.run_allocation(staff, campaign)
    (visit,) = distribution.lock_campaign(staff, campaign)

    page = logged_in(new_page, live_server, volunteer, **PHONE)
    page.goto("/energie/visites/")
    assert_accessible(page)
    page.get_by_role("link", name=f"Visite n° {visit.pk}").click()
    expect(page.get_by_text("3 rue des Lilas")).to_be_visible()
    when = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT10:00")
    page.get_by_label("Rendez-vous convenu avec le foyer").fill(when)
    page.get_by_role("button", name="J'accepte cette visite").click()
    expect(page.get_by_text("Visite acceptée")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Ajouter à mon agenda (.ics)").click()
    assert "BEGIN:VEVENT" in Path(download.value.path()).read_text(encoding="utf-8")

    page.get_by_label("Ampoules LED").check()
    page.get_by_label("Multiprises à interrupteur").check()
    image = io.BytesIO()
    Image.new("RGB", (60, 40), "blue").save(image, "PNG")
    page.get_by_label("Photo (facultatif)").set_input_files(
        {"name": "pose.png", "mimeType": "image/png", "buffer": image.getvalue()}
    )
    page.get_by_role("button", name="Enregistrer la pose").click()
    expect(page.get_by_text("Pose enregistrée")).to_be_visible()
    expect(page.get_by_text("Économie estimée")).to_be_visible()
    assert_accessible(page)
    visit.refresh_from_db()
    assert visit.status == VisitStatus.INSTALLED
    assert visit.household.status == HouseholdStatus.EQUIPPED


def test_the_household_deletes_its_file_through_its_link(live_server, new_page, assert_accessible):
    household = diagnosed()
    page = new_page(**PHONE)
    page.goto(f"/energie/dossier/{household.token}/")
    expect(page.get_by_role("heading", name="Votre diagnostic")).to_be_visible()
    page.get_by_role("link", name="Supprimer mon dossier").click()
    assert_accessible(page)
    page.get_by_role("button", name="Supprimer définitivement").click()
    expect(page.get_by_text("Votre dossier est supprimé")).to_be_visible()
    assert not Household.objects.exists()
    page.goto(f"/energie/dossier/{household.token}/")
    expect(page.get_by_text("Ce lien ne mène à aucun dossier")).to_be_visible()
