"""A person's whole life on the platform: sign up, verify, edit, export, delete."""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from reserve.accounts.models import User
from reserve.core.models import OutboxMessage

pytestmark = pytest.mark.e2e

EMAIL = "camille.martin@example.org"
PASSWORD = "Rivière-des-Pins-2031"


def latest_email_to(address: str) -> OutboxMessage:
    return OutboxMessage.objects.filter(recipients__icontains=address).latest("created_at")


def link_in(body: str) -> str:
    return re.search(r"https?://\S+/confirm-email/\S+", body).group(0)


def field(page, label: str):
    """The input a label names, whether or not the label ends with French punctuation (" :")."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}\s*:?$"))


def sign_up(page, *, email=EMAIL, password2=PASSWORD):
    field(page, "Prénom").fill("Camille")
    field(page, "Nom").fill("Martin")
    field(page, "Courriel").fill(email)
    field(page, "Mot de passe").fill(PASSWORD)
    field(page, "Mot de passe (confirmation)").fill(password2)
    page.get_by_label(re.compile("^J'accepte que La Réserve conserve")).check()
    page.get_by_role("button", name="Création de compte").click()


def test_it_signs_up_verifies_edits_exports_and_deletes_an_account(
    live_server, page, assert_accessible
):
    page.goto("/")
    assert_accessible(page)
    page.get_by_role("navigation").get_by_role("link", name="S'inscrire").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Création de compte")
    assert_accessible(page)
    sign_up(page)

    expect(page.get_by_role("heading", level=1)).to_contain_text("Vérifiez votre adresse")
    assert_accessible(page)

    link = link_in(latest_email_to(EMAIL).body)
    assert link.startswith(f"{live_server.url}/compte/confirm-email/")
    page.goto(link)
    assert_accessible(page)
    page.get_by_role("button", name="Confirmer").click()

    expect(page).to_have_url(f"{live_server.url}/compte/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bonjour Camille Martin")
    assert_accessible(page)

    page.get_by_role("link", name="Modifier mon profil").click()
    assert_accessible(page)
    field(page, "Prénom").fill("Camila")
    field(page, "Téléphone").fill("06 12 34 56 78")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_role("status")).to_contain_text("Votre profil est enregistré.")
    expect(field(page, "Prénom")).to_have_value("Camila")
    expect(field(page, "Téléphone")).to_have_value("06 12 34 56 78")
    assert_accessible(page)

    page.get_by_role("navigation").get_by_role("link", name="Mon espace").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bonjour Camila Martin")
    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger toutes mes données").click()
    exported = Path(download.value.path()).read_text(encoding="utf-8")
    json.loads(exported)
    assert EMAIL in exported
    assert "Camila" in exported

    page.get_by_role("link", name="Supprimer mon compte").click()
    expect(page.get_by_role("heading", name="Ce qui est supprimé")).to_be_visible()
    expect(page.get_by_role("heading", name="Ce qui est conservé, sans votre nom")).to_be_visible()
    assert_accessible(page)
    field(page, "Pour confirmer, saisissez votre adresse e-mail").fill(EMAIL)
    page.get_by_role("button", name="Supprimer définitivement mon compte").click()

    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_role("status")).to_contain_text("Au revoir")
    assert_accessible(page)
    assert not User.objects.filter(email=EMAIL).exists()


def test_it_keeps_contrast_in_dark_mode_on_a_phone(phone_page, assert_accessible):
    phone_page.emulate_media(color_scheme="dark")
    for path in ["/", "/compte/login/", "/compte/signup/"]:
        phone_page.goto(path)
        assert phone_page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
        assert_accessible(phone_page)


def test_it_shows_field_errors_and_keeps_the_name_on_a_bad_sign_up(page, assert_accessible):
    page.goto("/compte/signup/")
    # "camille@example" passes the browser's own check but not the server's (no domain suffix).
    sign_up(page, email="camille@example", password2="Riviere-des-Pins-2032")

    email, password2 = field(page, "Courriel"), field(page, "Mot de passe (confirmation)")
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_accessible_description(re.compile("adresse de courriel valide"))
    expect(password2).to_have_attribute("aria-invalid", "true")
    expect(password2).to_have_accessible_description(re.compile("même mot de passe"))
    expect(field(page, "Prénom")).to_have_value("Camille")
    expect(field(page, "Nom")).to_have_value("Martin")
    expect(email).to_have_value("camille@example")
    expect(page.get_by_label(re.compile("^Je veux rejoindre la réserve"))).to_be_checked()
    assert_accessible(page)
    assert not User.objects.exists()
