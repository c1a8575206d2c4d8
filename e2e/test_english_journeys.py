"""The English site, for a volunteer: what the platform explains is in English, not French.

(The LightsOff reporter's English journey is in test_lightsoff_journeys.py.)
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from e2e.language import french_words
from e2e.session import logged_in
from e2e.teams import forming_challenge, reply_path, reservist
from reserve.accounts.tests.factories import UserFactory
from reserve.challenges.models import Challenge

pytestmark = pytest.mark.e2e


def test_an_invited_volunteer_reads_why_they_were_chosen_in_english(
    live_server, new_page, assert_accessible
):
    challenge, _slot = forming_challenge()
    Challenge.objects.filter(pk=challenge.pk).update(
        title="Town hall lights", summary="Help town halls switch off what nobody needs at night."
    )
    ines = reservist("Ines")
    staff = logged_in(new_page, live_server, UserFactory(is_staff=True))
    staff.goto("/equipes/")
    staff.get_by_role("button", name="Lancer une proposition globale").click()
    staff.get_by_role("button", name="Envoyer les invitations").click()
    expect(staff.get_by_text("Invitations envoyées : 1.")).to_be_visible()

    page = logged_in(new_page, live_server, ines)
    page.goto("/")
    page.get_by_role("link", name="English").click()
    page.goto(reply_path(ines))

    expect(page.get_by_role("heading", name="Why you")).to_be_visible()
    reasons = page.locator("h2:has-text('Why you') + ul")
    expect(reasons.locator("li").first).to_be_visible()
    assert french_words(page.locator("main")) == [], page.locator("main").inner_text()
    assert_accessible(page)

    page.goto(reverse("reservists:dashboard"))
    panel = page.locator(
        "section", has=page.get_by_role("heading", name="My applications and invitations")
    )
    expect(panel).to_contain_text("Town hall lights")
    assert french_words(page.locator("main")) == [], page.locator("main").inner_text()
