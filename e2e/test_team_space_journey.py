"""A team member works in the team space: shares a link, reads and writes the private thread, and
sees in the header that something new awaits them."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e.session import logged_in
from reserve.challenges import services as challenge_services
from reserve.challenges.models import Application, ApplicationStatus, Status
from reserve.challenges.tests.factories import ChallengeFactory, RoleSlotFactory
from reserve.organisations.tests.factories import MembershipFactory, OrganisationFactory
from reserve.reservists.tests.factories import ProfileFactory
from reserve.teams.models import TeamLink

pytestmark = pytest.mark.e2e

TITLE = "Sobriété des mairies"


def test_a_member_shares_a_link_reads_the_thread_and_answers(
    live_server, new_page, assert_accessible
):
    sponsor = MembershipFactory(
        organisation=OrganisationFactory(name="DDT de la Gironde"), user__first_name="Agnès"
    ).user
    start = timezone.localdate() + timedelta(days=3)
    challenge = ChallengeFactory(
        title=TITLE,
        organisation=sponsor.memberships.get().organisation,
        status=Status.TEAM_FORMING,
        sprint_start=start,
        sprint_end=start + timedelta(days=29),
    )
    slot = RoleSlotFactory(challenge=challenge, skill="tech.backend", count=1)
    ines = ProfileFactory(user__first_name="Inès", user__last_name="Martin").user
    Application.objects.create(slot=slot, user=ines, status=ApplicationStatus.ACCEPTED)
    challenge_services.post_message(sponsor, challenge, "Bienvenue @Inès, le kick-off est lundi.")

    member = logged_in(new_page, live_server, ines)
    member.goto(f"/equipes/defi/{challenge.pk}/espace/")
    header = member.get_by_role("navigation", name="Navigation principale")
    expect(
        header.get_by_role("link", name=re.compile(r"^Notifications 1 non lue$"))
    ).to_be_visible()
    expect(member.get_by_text("Bienvenue @Inès, le kick-off est lundi.")).to_be_visible()
    assert_accessible(member)

    member.get_by_text("Ajouter un lien").click()
    member.get_by_label("Intitulé").fill("Piège")
    member.get_by_label("Adresse").fill("javascript:alert(1)")
    member.get_by_role("button", name="Ajouter le lien").click()
    expect(member.get_by_text("commençant par https:// ou http://")).to_be_visible()
    assert_accessible(member)
    member.get_by_label("Intitulé").fill("Dépôt de code")
    member.get_by_label("Adresse").fill("https://forge.example.org/sobriete")
    member.get_by_role("button", name="Ajouter le lien").click()
    expect(member.get_by_text("Lien « Dépôt de code » ajouté.")).to_be_visible()
    expect(member.get_by_role("link", name=re.compile("^Dépôt de code"))).to_have_attribute(
        "href", "https://forge.example.org/sobriete"
    )
    assert TeamLink.objects.get().added_by == ines
    assert_accessible(member)

    member.get_by_role("link", name="Écrire dans le fil").click()
    expect(member.get_by_role("heading", level=1)).to_have_text(TITLE)
    member.get_by_label("Message").fill("Merci ! Le dépôt est prêt.")
    member.get_by_role("button", name="Envoyer le message").click()
    expect(member.get_by_text("Message envoyé.")).to_be_visible()
    expect(member.get_by_text("Merci ! Le dépôt est prêt.")).to_be_visible()
    assert_accessible(member)

    header.get_by_role("link", name=re.compile("^Notifications")).click()
    expect(member.get_by_role("heading", level=1)).to_have_text("Mes notifications")
    expect(member.get_by_role("link", name=re.compile("vous a mentionné"))).to_be_visible()
    assert_accessible(member)
    expect(header.get_by_role("link", name="Notifications")).to_be_visible()
