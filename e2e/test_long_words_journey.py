"""A long unbroken word in what people type (a pasted link, a hashtag, a joke) wraps inside its
box: the page never grows wider than the screen, and the invitation's buttons stay reachable."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e.session import logged_in
from e2e.teams import reply_path, reservist
from reserve.accounts.tests.factories import UserFactory
from reserve.challenges import services as challenge_services
from reserve.challenges.models import Application, ApplicationStatus, Status
from reserve.challenges.tests.factories import ChallengeFactory, RoleSlotFactory
from reserve.organisations.tests.factories import MembershipFactory

pytestmark = pytest.mark.e2e

WORD = "Sobriété" + "énergétique" * 27 + "!"  # 305 characters, no place to break
TITLE_WORD = WORD[:145]  # a title holds 160 characters
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


def assert_fits(page, viewport):
    """The document is no wider than the screen: nothing to scroll sideways."""
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"{page.url} is {width} px wide on {viewport['width']} px"


@pytest.fixture
def challenge():
    sponsor = MembershipFactory(user__first_name="Agnès").user
    start = timezone.localdate() + timedelta(days=10)
    challenge = ChallengeFactory(
        title=f"Les vitrines {TITLE_WORD}",
        summary=WORD[:290],
        problem=f"Le problème : {WORD}",
        organisation=sponsor.memberships.get().organisation,
        status=Status.TEAM_FORMING,
        sprint_start=start,
        sprint_end=start + timedelta(days=29),
    )
    slot = RoleSlotFactory(challenge=challenge, skill="tech.backend", count=2, hours_per_week=4)
    challenge_services.post_message(sponsor, challenge, f"Voici le lien : {WORD}")
    return challenge, slot, sponsor


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_public_pages_wrap_a_long_word(live_server, new_page, challenge, viewport):
    challenge, _slot, _sponsor = challenge
    page = new_page(viewport=viewport)

    page.goto(challenge.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_contain_text(TITLE_WORD)
    assert_fits(page, viewport)
    page.goto("/defis/")
    expect(page.get_by_text(f"Les vitrines {TITLE_WORD}")).to_be_visible()
    assert_fits(page, viewport)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_threads_wrap_a_long_word(live_server, new_page, challenge, viewport):
    challenge, slot, sponsor = challenge
    member = reservist("Inès")
    Application.objects.create(slot=slot, user=member, status=ApplicationStatus.ACCEPTED)

    page = logged_in(new_page, live_server, sponsor, viewport=viewport)
    page.goto(challenge.get_workspace_url())
    expect(page.get_by_text("Voici le lien")).to_be_visible()
    assert_fits(page, viewport)

    page = logged_in(new_page, live_server, member, viewport=viewport)
    page.goto(f"/equipes/defi/{challenge.pk}/espace/")
    expect(page.get_by_text("Voici le lien")).to_be_visible()
    assert_fits(page, viewport)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_invitation_buttons_stay_on_screen(live_server, new_page, challenge, viewport):
    ines = reservist("Inès")
    staff = logged_in(new_page, live_server, UserFactory(is_staff=True))
    staff.goto("/equipes/")
    staff.get_by_role("button", name="Lancer une proposition globale").click()
    staff.get_by_role("button", name="Envoyer les invitations").click()
    expect(staff.get_by_text("Invitations envoyées : 1.")).to_be_visible()

    answer = logged_in(new_page, live_server, ines, viewport=viewport)
    answer.goto(reply_path(ines))
    expect(answer.get_by_role("heading", level=1)).to_contain_text(TITLE_WORD)
    assert_fits(answer, viewport)
    button = answer.get_by_role("button", name="Envoyer ma réponse")
    box = button.bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= viewport["width"]
    answer.get_by_label("J'accepte").check()
    button.click()
    expect(answer.get_by_text("Vous faites partie de l'équipe")).to_be_visible()
