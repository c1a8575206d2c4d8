"""Teams, the invitation flow: the sponsor validates applications; automatic replacement."""

import re

import pytest
from playwright.sync_api import expect

from e2e.session import logged_in
from e2e.teams import TITLE, forming_challenge, reply_path, reservist
from reserve.accounts.tests.factories import UserFactory
from reserve.challenges.models import Application, ApplicationStatus
from reserve.core.models import OutboxMessage
from reserve.organisations.tests.factories import MembershipFactory
from reserve.teams.models import Invitation, InvitationStatus

pytestmark = pytest.mark.e2e


def test_a_sponsor_member_validates_applications_in_bulk(live_server, new_page, assert_accessible):
    membership = MembershipFactory()
    challenge, slot = forming_challenge(seats=2, organisation=membership.organisation)
    for name in ("Inès", "Paul"):
        Application.objects.create(slot=slot, user=reservist(name))
    sponsor = logged_in(new_page, live_server, membership.user)

    sponsor.goto(challenge.get_workspace_url())
    assert_accessible(sponsor)
    sponsor.get_by_role("link", name="Candidatures à valider (2)").click()
    expect(sponsor.get_by_role("heading", level=1)).to_contain_text(TITLE)
    assert_accessible(sponsor)
    sponsor.get_by_label(re.compile(r"Inès Martin")).check()
    sponsor.get_by_label(re.compile(r"Paul Martin")).check()
    sponsor.get_by_label("Valider").check()
    sponsor.get_by_role("button", name="Appliquer la décision").click()
    expect(sponsor.get_by_text("Candidatures traitées : 2.")).to_be_visible()
    expect(sponsor.get_by_text("Aucune candidature en attente.")).to_be_visible()
    assert_accessible(sponsor)
    statuses = set(Application.objects.values_list("status", flat=True))
    assert statuses == {ApplicationStatus.ACCEPTED}


def test_in_automatic_mode_a_decline_invites_the_next_candidate(
    live_server, new_page, assert_accessible
):
    challenge, _ = forming_challenge()
    ines, paul = reservist("Inès", 3), reservist("Paul", 2)
    staff = logged_in(new_page, live_server, UserFactory(is_staff=True))

    staff.goto(f"/equipes/defi/{challenge.pk}/")
    staff.get_by_role("button", name="Inviter automatiquement le candidat suivant").click()
    expect(staff.get_by_text("Mode automatique :").first).to_be_visible()
    assert_accessible(staff)
    staff.get_by_role("button", name="Inviter Inès Martin").click()
    expect(staff.get_by_text("Invitation envoyée.")).to_be_visible()

    answer = logged_in(new_page, live_server, ines)
    answer.goto(reply_path(ines))
    assert_accessible(answer)
    answer.get_by_label("Je décline").check()
    answer.get_by_label("Raison du refus (facultatif)").fill("Pas disponible ce mois-ci")
    answer.get_by_role("button", name="Envoyer ma réponse").click()
    expect(answer.get_by_role("heading", name="Réponse enregistrée")).to_be_visible()
    assert_accessible(answer)

    following = Invitation.objects.get(user=paul)
    assert following.status == InvitationStatus.PENDING
    assert OutboxMessage.objects.filter(
        recipients__icontains=paul.email, subject__contains=TITLE
    ).exists()
    next_one = logged_in(new_page, live_server, paul)
    next_one.goto("/equipes/invitations/")
    next_one.get_by_role("link", name=re.compile(TITLE)).click()
    expect(next_one.get_by_role("heading", name="Pourquoi vous")).to_be_visible()
    assert_accessible(next_one)
    next_one.goto(reply_path(paul))
    expect(next_one.get_by_role("heading", level=1)).to_contain_text(TITLE)
