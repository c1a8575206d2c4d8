"""Each role logs in, lands on "what needs me now", acts on the first item, and finds it gone.
And the themes: a phone's home page in light and dark shows, fits the screen, and differs."""

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from PIL import Image, ImageStat
from playwright.sync_api import expect

from reserve.accounts.tests.factories import PASSWORD, UserFactory
from reserve.challenges.models import Status
from reserve.challenges.tests.factories import ChallengeFactory, RoleSlotFactory
from reserve.organisations.models import Part, Verification
from reserve.organisations.tests.factories import MembershipFactory, OrganisationFactory
from reserve.reservists.models import Engagement, Secondment
from reserve.reservists.tests.factories import ProfileFactory
from reserve.teams import invitations

from .conftest import PHONE_VIEWPORT

pytestmark = pytest.mark.e2e


def log_in(page, user):
    page.goto("/compte/login/")
    page.get_by_label(re.compile(r"^Courriel")).fill(user.email)
    page.get_by_label(re.compile(r"^Mot de passe")).fill(PASSWORD)
    page.get_by_role("button", name="Se connecter", exact=True).click()
    expect(page.get_by_role("heading", name="Ce qui vous attend")).to_be_visible()


def first_need(page):
    return page.locator(".needs > li").first.get_by_role("link")


def back_home(page):
    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name=re.compile("^Mon espace")
    ).click()


def test_a_reservist_answers_the_invitation_waiting_on_their_home(page, assert_accessible):
    staff = UserFactory(is_staff=True)
    start = timezone.localdate() + timedelta(days=10)
    slot = RoleSlotFactory(
        challenge=ChallengeFactory(
            title="Eau du robinet", status=Status.TEAM_FORMING, sprint_start=start
        )
    )
    ines = ProfileFactory(skills={"tech.backend": 3}).user
    invitations.invite(staff, slot, ines)

    log_in(page, ines)
    assert_accessible(page)
    expect(first_need(page)).to_have_text("Répondez à l'invitation : Eau du robinet")
    first_need(page).click()
    page.get_by_role("link", name="Répondre à l'invitation").click()
    page.get_by_label("Je décline").check()
    page.get_by_role("button", name="Envoyer ma réponse").click()

    back_home(page)
    expect(page.get_by_text("Rien ne vous attend pour l'instant")).to_be_visible()


def test_staff_verify_the_organisation_waiting_on_their_home(page, assert_accessible):
    staff = UserFactory(is_staff=True)
    OrganisationFactory(name="Mairie de Rezé", verification=Verification.PENDING)

    log_in(page, staff)
    assert_accessible(page)
    expect(first_need(page)).to_have_text("Vérifiez les organisations inscrites")
    first_need(page).click()
    page.get_by_label("Vérifier", exact=True).check()
    page.get_by_role("button", name="Enregistrer la décision").click()

    back_home(page)
    expect(page.get_by_text("Vérifiez les organisations inscrites")).to_have_count(0)


def test_an_employer_confirms_the_employee_waiting_on_their_home(page, assert_accessible):
    employer = OrganisationFactory(name="Numéra Conseil", parts=Part.EMPLOYER.value)
    member = MembershipFactory(organisation=employer).user
    ProfileFactory(engagement=Engagement.SECONDED, employer=employer, secondment=Secondment.PENDING)

    log_in(page, member)
    assert_accessible(page)
    expect(first_need(page)).to_have_text("Confirmez vos salariés détachés : Numéra Conseil")
    first_need(page).click()
    page.get_by_role("button", name="Confirmer le détachement").click()

    back_home(page)
    expect(page.get_by_text("Rien ne vous attend pour l'instant")).to_be_visible()


def test_a_sponsor_decides_the_application_waiting_on_their_home(page, assert_accessible):
    slot = RoleSlotFactory(challenge=ChallengeFactory(title="Vitrines", status=Status.QUALIFIED))
    sponsor = MembershipFactory(organisation=slot.challenge.organisation).user
    slot.applications.create(user=ProfileFactory().user, message="Disponible en soirée")

    log_in(page, sponsor)
    assert_accessible(page)
    expect(first_need(page)).to_have_text("Décidez des candidatures : Vitrines")
    first_need(page).click()
    assert_accessible(page)
    page.get_by_role("checkbox").first.check()
    page.get_by_label("Valider").check()
    page.get_by_role("button", name="Appliquer la décision").click()

    back_home(page)
    expect(page.get_by_text("Décidez des candidatures : Vitrines")).to_have_count(0)


def shot(page) -> Image.Image:
    return Image.open(io.BytesIO(page.screenshot())).convert("L")


@pytest.mark.parametrize("path", ["/", "/defis/"])
def test_both_themes_show_a_page_that_fits_a_phone(new_page, path):
    """Gross breakage only, never pixels: something is drawn, nothing is wider than the screen,
    and the dark theme is not the light one."""
    images = {}
    for theme in ("light", "dark"):
        page = new_page(viewport=PHONE_VIEWPORT, is_mobile=True, color_scheme=theme)
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE_VIEWPORT["width"], f"{path} ({theme}) is {width}px wide"
        images[theme] = shot(page)
        assert ImageStat.Stat(images[theme]).stddev[0] > 10, f"{path} ({theme}) looks empty"

    light, dark = (ImageStat.Stat(images[t]).mean[0] for t in ("light", "dark"))
    assert light - dark > 50
