"""LightsOff in a real browser, on a phone at night (dark mode): report, volunteers, shopkeeper.

Map tiles come from the internet, which tests never reach: tile requests are aborted, and the
pages must stay usable without them (the list by distance does the work).
"""

import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e.language import french_words
from e2e.session import logged_in
from reserve.apps.lightsoff import services
from reserve.apps.lightsoff.models import ContactAttempt, Report, Shop, ShopStatus
from reserve.apps.lightsoff.tests.factories import ReservistFactory, ShopFactory

pytestmark = pytest.mark.e2e

PARIS = ZoneInfo("Europe/Paris")
NEAR_SHOP = {"latitude": 44.8409, "longitude": -0.5731}
AT_NIGHT = {
    "viewport": {"width": 360, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "color_scheme": "dark",
}


def without_tiles(page):
    page.route(re.compile(r"https?://[^/]*tile[^/]*/.*"), lambda route: route.abort())
    return page


def test_a_newcomer_reports_a_lit_window_at_2_30_and_copies_a_kind_message(
    live_server, new_page, assert_accessible
):
    shop = ShopFactory(name="Mode Lumière", opening_hours="Mo-Sa 10:00-19:00")
    ShopFactory(name="Boulangerie lointaine", lat=44.85)
    last_night = datetime.combine(timezone.localdate() - timedelta(days=1), time(2, 30), PARIS)
    page = without_tiles(
        new_page(
            geolocation=NEAR_SHOP,
            permissions=["geolocation", "clipboard-read", "clipboard-write"],
            **AT_NIGHT,
        )
    )
    page.clock.set_fixed_time(last_night)

    page.goto("/lightsoff/")
    assert_accessible(page)
    page.get_by_role("button", name="Me localiser").click()
    expect(page.get_by_role("heading", name="Commerces autour de vous")).to_be_visible()
    expect(page.locator(".ls-list li").first).to_contain_text("Mode Lumière")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Mode Lumière")).click()

    page.get_by_label("Vitrine").check()
    expect(page.get_by_label("Quand ?")).to_have_value(last_night.strftime("%Y-%m-%dT02:30"))
    page.get_by_role("button", name="Voir le verdict").click()

    expect(page.get_by_role("heading", name="Infraction probable")).to_be_visible()
    expect(page.get_by_text("Extinction obligatoire cette nuit de 1 h à 7 h.")).to_be_visible()
    expect(page.get_by_text("kWh par nuit")).to_be_visible()
    assert_accessible(page)
    page.get_by_text("Hypothèses de calcul").click()
    expect(page.get_by_text("heures interdites cette nuit")).to_be_visible()

    page.get_by_role("button", name="Copier le message 1").click()
    expect(page.get_by_text("Message copié")).to_be_visible()
    assert "Mode Lumière" in page.evaluate("navigator.clipboard.readText()")
    page.get_by_role("button", name="J'ai écrit").click()

    expect(page.get_by_text("Action enregistrée : J'ai écrit un message.")).to_be_visible()
    report = Report.objects.get(shop=shop)
    assert (report.verdict, report.action) == ("violation", "write")


def test_a_volunteer_claims_a_shop_and_logs_a_call_while_a_second_cannot_claim_it(
    live_server, new_page, assert_accessible
):
    ShopFactory(name="Optique du Port", in_queue=True, status=ShopStatus.REPORTED)
    first = logged_in(
        new_page, live_server, ReservistFactory(), page=without_tiles(new_page(**AT_NIGHT))
    )
    second = logged_in(
        new_page, live_server, ReservistFactory(), page=without_tiles(new_page(**AT_NIGHT))
    )
    second.goto("/lightsoff/benevoles/")

    first.goto("/lightsoff/benevoles/")
    assert_accessible(first)
    first.get_by_role("button", name="Prendre Optique du Port").click()
    expect(first.get_by_role("heading", name="Contacter Optique du Port")).to_be_visible()

    second.get_by_role("button", name="Prendre Optique du Port").click()
    expect(second.get_by_text("Un autre bénévole s'occupe déjà de ce commerce")).to_be_visible()

    assert_accessible(first)
    first.get_by_label("Échange positif").check()
    first.get_by_label("Notes").fill("Gérante très aimable, va programmer une minuterie.")
    first.get_by_role("button", name="Enregistrer").click()

    expect(first.get_by_text("Le contact est enregistré")).to_be_visible()
    attempt = ContactAttempt.objects.get()
    assert attempt.outcome == "positive"
    assert attempt.shop.status == ShopStatus.CONTACTED


def test_the_shopkeeper_answers_we_switched_off_and_the_public_figures_change(
    live_server, new_page, assert_accessible
):
    shop = ShopFactory(name="Chaussures Crébillon")
    services.report_lit_shop(shop, element="vitrine", seen_at=timezone.now() - timedelta(hours=3))
    page = without_tiles(new_page(**AT_NIGHT))
    answers = page.locator("dd[data-key=answers]")

    page.goto("/lightsoff/impact/")
    expect(answers).to_have_text("0")
    assert_accessible(page)

    page.goto(f"/lightsoff/commercant/{shop.token}/")
    assert_accessible(page)
    page.get_by_role("button", name="Nous avons éteint").click()
    expect(page.get_by_text("Merci pour votre réponse !")).to_be_visible()
    expect(page.get_by_text(re.compile(r"vous économisez environ \d+ €"))).to_be_visible()

    page.goto("/lightsoff/impact/")
    expect(answers).to_have_text("1")


def test_an_english_reader_reports_a_shop_and_reads_no_french_in_the_verdict_advice_and_letter(
    live_server, new_page, assert_accessible
):
    shop = ShopFactory(name="Night Owl Store", opening_hours="Mo-Sa 10:00-19:00", phone="")
    last_night = datetime.combine(timezone.localdate() - timedelta(days=1), time(3, 30), PARIS)
    page = without_tiles(new_page(**AT_NIGHT))
    page.clock.set_fixed_time(last_night)

    page.goto(f"/lightsoff/commerces/{shop.pk}/signaler/")
    page.get_by_role("link", name="English").click()
    page.get_by_label("Shop window").check()
    page.get_by_role("button", name="See the verdict").click()

    verdict = page.locator(".ls-verdict")
    expect(verdict.get_by_role("heading", name="Probable breach")).to_be_visible()
    why = page.locator(".ls-why")
    expect(why).to_contain_text("At 3:30, the shop window should be off.")
    assert french_words(verdict) == []
    assert french_words(why) == []
    advice = page.locator("section", has=page.get_by_role("heading", name="Take action, kindly"))
    assert french_words(advice) == [], advice.inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Hand over to the volunteers").click()

    volunteer = logged_in(
        new_page, live_server, ReservistFactory(), page=without_tiles(new_page(**AT_NIGHT))
    )
    volunteer.goto(f"/lightsoff/commerces/{shop.pk}/")
    volunteer.get_by_role("link", name="English").click()
    volunteer.goto("/lightsoff/benevoles/")
    volunteer.get_by_role("button", name="Take Night Owl Store").click()
    volunteer.get_by_role("link", name="Letter to print (with QR code)").click()

    letter = volunteer.locator(".ls-letter")
    expect(letter).to_contain_text("from 1:00 to 7:00")
    assert french_words(letter) == []
    assert_accessible(volunteer)


@pytest.fixture
def server_at(monkeypatch):
    """`server_at(moment)`: the live server's clock (the street pages' theme follows the sun)."""

    def set_to(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_to


def test_a_reporter_adds_a_missing_shop_by_dropping_a_pin_at_night_in_the_dark_theme(
    live_server, new_page, assert_accessible, server_at
):
    tonight = datetime.combine(timezone.localdate() - timedelta(days=1), time(23, 40), PARIS)
    server_at(tonight + timedelta(minutes=5))
    page = without_tiles(new_page(geolocation=NEAR_SHOP, permissions=["geolocation"], **AT_NIGHT))
    page.clock.set_fixed_time(tonight)

    page.goto("/lightsoff/")
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    page.get_by_role("button", name="Me localiser").click()
    expect(page.get_by_text("Aucun commerce trouvé ici.")).to_be_visible()
    page.get_by_role("link", name="Le commerce n'est pas dans la liste : l'ajouter").click()

    expect(page.get_by_role("heading", name="Ajouter un commerce")).to_be_visible()
    expect(page.get_by_text("La carte ne peut pas s'afficher")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Nom du commerce").fill("Cave des Chartrons")
    pin_map = page.locator("#ls-pin-map")
    box = pin_map.bounding_box()
    pin_map.tap(position={"x": box["width"] / 2 + 120, "y": box["height"] / 2})
    expect(page.get_by_text("Repère posé : le commerce est à cet endroit.")).to_be_visible()
    page.get_by_label("Catégorie").select_option(label="Autre commerce")
    page.get_by_role("button", name="Ajouter et continuer").tap()

    expect(page.get_by_role("heading", name="Signaler Cave des Chartrons")).to_be_visible()
    shop = Shop.objects.get(name="Cave des Chartrons")
    # The pin, dropped 120 px east of where the reporter stands (about 50 m at zoom 18).
    assert 0.0004 < shop.lon - NEAR_SHOP["longitude"] < 0.001
    assert abs(shop.lat - NEAR_SHOP["latitude"]) < 0.0001
    page.wait_for_load_state("load")  # the heading can show before the style sheet applies
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(16, 22, 20)"  # the dark theme's --rs-bg (core/tokens.css)
    assert_accessible(page)
    page.get_by_label("Vitrine").check()
    page.get_by_role("button", name="Voir le verdict").tap()

    expect(page.get_by_role("heading", name="Et maintenant ?")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    assert_accessible(page)
    assert Report.objects.get(shop=shop).seen_at == tonight


def test_the_verdict_the_savings_and_the_next_action_fit_a_phone_screen(
    live_server, new_page, assert_accessible
):
    shop = ShopFactory(name="Parfumerie de l'Opéra", opening_hours="Mo-Sa 10:00-19:00")
    seen = timezone.localtime() - timedelta(days=1)
    report = services.report_lit_shop(
        shop, element="vitrine", seen_at=seen.replace(hour=2, minute=30)
    )
    page = without_tiles(
        new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    )

    page.goto(f"/lightsoff/signalements/{report.token}/")

    for part in (".ls-verdict", ".ls-savings", ".ls-next"):
        box = page.locator(part).bounding_box()
        assert box["y"] >= 0, part
        assert box["y"] + box["height"] <= 844, f"{part} ends at {box['y'] + box['height']}"
    next_action = page.get_by_role("button", name="Laisser faire les bénévoles")
    assert next_action.bounding_box()["height"] >= 44
    assert_accessible(page)
    next_action.tap()
    expect(page.get_by_text("Action enregistrée : Les bénévoles s'en chargent.")).to_be_visible()


def test_the_sites_theme_switch_and_the_street_switch_are_one_choice(
    live_server, new_page, server_at
):
    tonight = datetime.combine(timezone.localdate() - timedelta(days=1), time(23, 40), PARIS)
    server_at(tonight)
    page = without_tiles(new_page(**AT_NIGHT))

    page.goto("/lightsoff/")
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    header_switch = page.get_by_role("button", name="Thème sombre")
    expect(header_switch).to_have_attribute("aria-pressed", "true")
    header_switch.click()
    expect(page.locator("html")).to_have_attribute("data-theme", "light")

    page.reload()  # the night no longer wins: the server reads the choice and offers the other
    expect(page.locator("html")).to_have_attribute("data-theme", "light")
    page.get_by_role("button", name="Passer en thème sombre").click()

    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    expect(page.get_by_role("button", name="Thème sombre")).to_have_attribute(
        "aria-pressed", "true"
    )
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
