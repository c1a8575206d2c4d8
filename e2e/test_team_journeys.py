"""Teams: staff form a team with the matching engine; reservists answer their invitations."""

import re

import pytest
from playwright.sync_api import expect

from e2e.session import logged_in
from e2e.teams import TITLE, forming_challenge, reply_path, reservist
from reserve.accounts.tests.factories import UserFactory
from reserve.teams.models import Invitation

pytestmark = pytest.mark.e2e


def test_staff_rank_run_lock_rerun_and_send_invitations(live_server, new_page, assert_accessible):
    challenge, _ = forming_challenge()
    reservist("Inès", level=3)
    paul = reservist("Paul", level=2)
    staff = logged_in(new_page, live_server, UserFactory(is_staff=True))

    staff.goto(f"/equipes/defi/{challenge.pk}/")
    expect(
        staff.get_by_role("heading", name=re.compile(r"^Inès Martin — [\d,]+ points$"))
    ).to_be_visible()
    expect(staff.get_by_text("Niveau « Expert »").first).to_be_visible()
    assert_accessible(staff)

    staff.get_by_role("navigation").get_by_role("link", name="Équipes").click()
    staff.get_by_role("button", name="Lancer une proposition globale").click()
    expect(staff.get_by_role("heading", level=1)).to_contain_text("Proposition n°")
    assert_accessible(staff)
    staff.get_by_role("button", name="Écarter Inès Martin de ce défi").click()
    staff.get_by_role("button", name="Verrouiller Paul Martin").click()
    expect(staff.get_by_text("(verrouillé)")).to_be_visible()
    staff.get_by_role("button", name="Relancer avec les choix verrouillés").click()
    expect(staff.get_by_text("(verrouillé)")).to_be_visible()
    staff.get_by_role("button", name="Envoyer les invitations").click()
    expect(staff.get_by_text("Invitations envoyées : 1.")).to_be_visible()
    assert Invitation.objects.get().user == paul


def test_one_accepts_another_declines_and_the_team_space_shows_the_team(
    live_server, new_page, assert_accessible
):
    challenge, _ = forming_challenge(seats=2)
    ines, paul, lea = reservist("Inès", 3), reservist("Paul", 3), reservist("Léa", 2)
    staff = logged_in(new_page, live_server, UserFactory(is_staff=True))
    staff.goto("/equipes/")
    staff.get_by_role("button", name="Lancer une proposition globale").click()
    staff.get_by_role("button", name="Envoyer les invitations").click()

    answer = logged_in(new_page, live_server, ines)
    answer.goto(reply_path(ines))
    expect(answer.get_by_role("heading", level=1)).to_contain_text(TITLE)
    assert_accessible(answer)
    answer.get_by_label("J'accepte").check()
    answer.get_by_role("button", name="Envoyer ma réponse").click()
    expect(answer.get_by_text("Vous faites partie de l'équipe")).to_be_visible()
    answer.goto(reply_path(ines))
    expect(answer.get_by_text("ce lien ne sert qu'une fois")).to_be_visible()

    answer = logged_in(new_page, live_server, paul)
    answer.goto(reply_path(paul))
    answer.get_by_label("Je décline").check()
    answer.get_by_label("Raison du refus (facultatif)").fill("Pas disponible ce mois-ci")
    answer.get_by_role("button", name="Envoyer ma réponse").click()

    staff.goto("/equipes/")
    expect(staff.get_by_text("Pas disponible ce mois-ci")).to_be_visible()
    staff.get_by_role("link", name="Voir le prochain candidat").click()
    staff.get_by_role("button", name="Inviter Léa Martin").click()
    answer = logged_in(new_page, live_server, lea)
    answer.goto(reply_path(lea))
    answer.get_by_label("J'accepte").check()
    answer.get_by_role("button", name="Envoyer ma réponse").click()

    member = logged_in(new_page, live_server, lea)
    member.goto(f"/equipes/defi/{challenge.pk}/espace/")
    expect(member.get_by_text("L'équipe est complète.")).to_be_visible()
    expect(member.get_by_text("Inès Martin")).to_be_visible()
    assert_accessible(member)
    with member.expect_download() as download:
        member.get_by_role("link", name="Ajouter ces dates à mon agenda (.ics)").click()
    assert download.value.suggested_filename == f"defi-{challenge.pk}.ics"
