"""Challenges: from an administration's intake to a reservist volunteering, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from e2e.session import logged_in
from reserve.accounts.tests.factories import UserFactory
from reserve.challenges.models import Application, Challenge, Status
from reserve.core.models import OutboxMessage
from reserve.organisations.models import Verification
from reserve.organisations.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.e2e

TITLE = "Points d'eau potable pendant la sécheresse"


def workspace(page, challenge):
    page.goto(f"/defis/{challenge.pk}/espace/")


def submit_intake(page):
    page.goto("/defis/proposer/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill("Indiquer aux habitants où trouver de l'eau potable.")
    page.get_by_label("Eau et sécheresse").check()
    page.locator("#id_problem").fill("Des communes sont privées d'eau potable l'été.")
    page.locator("#id_blind_spot").fill("Aucune carte publique des points d'eau.")
    page.locator("#id_deliverable").fill("Une carte des points d'eau, mise à jour par les mairies.")
    page.locator("#id_success_criterion").fill("20 communes l'utilisent un mois après.")
    page.locator("#id_territory_level").select_option("departement")
    page.locator("#id_territory_name").fill("Gironde")
    page.locator("#id_referents-0-name").fill("Agnès Morel")
    page.locator("#id_referents-0-service").fill("DDT de la Gironde")
    page.locator("#id_referents-0-email").fill("agnes.morel@gironde.gouv.fr")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)


def test_a_challenge_goes_from_intake_to_a_volunteer(live_server, new_page, assert_accessible):
    organisation = OrganisationFactory(name="Préfecture de la Gironde")
    civil_servant = MembershipFactory(organisation=organisation).user
    staff = UserFactory(is_staff=True, first_name="Samir")
    agnes = UserFactory(email="agnes.morel@gironde.gouv.fr", first_name="Agnès")
    reservist = UserFactory(is_reservist=True)

    # The civil servant writes the challenge and submits it.
    agent = logged_in(new_page, live_server, civil_servant)
    agent.goto("/defis/proposer/")
    assert_accessible(agent)
    submit_intake(agent)
    assert_accessible(agent)
    agent.get_by_role("button", name="Soumettre le défi").click()
    expect(agent.get_by_role("status")).to_contain_text("Soumis")
    challenge = Challenge.objects.get(title=TITLE)

    # Staff see it on the pipeline, start qualifying and ask for more information.
    team = logged_in(new_page, live_server, staff)
    team.goto("/defis/pipeline/")
    assert_accessible(team)
    team.get_by_role("link", name=TITLE).click()
    team.get_by_role("button", name="Commencer la qualification").click()
    team.get_by_label("Motif — Demander des informations (obligatoire)").fill(
        "Combien de communes sont concernées ?"
    )
    team.get_by_role("button", name="Demander des informations").click()
    expect(team.get_by_role("status")).to_contain_text("Informations demandées")

    # The civil servant answers and submits again.
    workspace(agent, challenge)
    expect(agent.get_by_text("Combien de communes sont concernées ?").first).to_be_visible()
    agent.get_by_role("link", name="Modifier le défi").click()
    agent.locator("#id_evidence").fill("43 communes en restriction totale en août.")
    agent.get_by_role("button", name="Enregistrer le brouillon").click()
    agent.get_by_role("button", name="Soumettre le défi").click()
    expect(agent.get_by_role("status")).to_contain_text("Soumis")

    # Staff define the team and score the grid.
    workspace(team, challenge)
    team.get_by_role("button", name="Commencer la qualification").click()
    team.get_by_role("link", name="Rôles et dates du sprint").click()
    assert_accessible(team)
    team.locator("#id_sprint_start").fill("2026-12-01")
    team.locator("#id_slots-0-skill").select_option("tech.backend")
    team.locator("#id_slots-0-count").fill("2")
    team.get_by_role("button", name="Enregistrer l'équipe recherchée").click()
    team.get_by_role("link", name="Grille de qualification").click()
    team.locator("#id_blind_spot_score").select_option("3")
    team.get_by_role("button", name="Enregistrer ma grille").click()
    expect(team.get_by_role("status")).to_contain_text("Votre grille est enregistrée")
    assert_accessible(team)

    # The referent follows the invitation sent by e-mail and scores the grid too.
    invitation = OutboxMessage.objects.get(recipients="agnes.morel@gironde.gouv.fr")
    link = re.search(r"/defis/invitation/\S+", invitation.body).group(0)  # path: SITE_URL differs
    referent = logged_in(new_page, live_server, agnes)
    referent.goto(link)
    assert_accessible(referent)
    referent.get_by_role("button", name="Participer à la qualification").click()
    referent.get_by_role("link", name="Grille de qualification").click()
    referent.locator("#id_free_of_charge_score").select_option("3")
    referent.get_by_label("Commentaire : Gratuité pour les citoyens").fill("Service gratuit.")
    referent.get_by_role("button", name="Enregistrer ma grille").click()
    expect(referent.get_by_role("status")).to_contain_text("Votre grille est enregistrée")

    # Staff decide: go.
    team.reload()
    expect(team.get_by_text("Agnès")).not_to_have_count(0)
    team.get_by_label("Go : le défi est retenu").check()
    team.get_by_label("Motif (envoyé au porteur du défi)").fill("Besoin réel, faisable en un mois.")
    team.get_by_role("button", name="Enregistrer la décision").click()
    expect(team.get_by_role("status")).to_contain_text("Qualifié")
    assert Challenge.objects.get(pk=challenge.pk).status == Status.QUALIFIED

    # An anonymous visitor finds it in the catalogue by theme.
    visitor = new_page()
    visitor.goto("/")
    visitor.get_by_role("navigation").get_by_role("link", name="Défis").click()
    visitor.get_by_label("Thème").select_option(label="Eau et sécheresse")
    visitor.get_by_role("button", name="Filtrer").click()
    assert_accessible(visitor)
    visitor.get_by_role("link", name=TITLE).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.get_by_text("Connectez-vous pour vous porter volontaire")).to_be_visible()
    assert_accessible(visitor)

    # A reservist volunteers.
    volunteer = logged_in(new_page, live_server, reservist)
    volunteer.goto(challenge.get_absolute_url())
    volunteer.get_by_role("button", name=re.compile("^Je me porte volontaire")).click()
    expect(volunteer.get_by_role("status")).to_contain_text("Votre candidature est enregistrée")
    assert_accessible(volunteer)
    assert Application.objects.get().user == reservist


def test_a_member_of_an_unverified_organisation_is_told_why_they_cannot_submit(
    live_server, new_page, assert_accessible
):
    organisation = OrganisationFactory(
        name="Commune de Saint-Pierre", verification=Verification.PENDING
    )
    member = MembershipFactory(organisation=organisation).user
    page = logged_in(new_page, live_server, member)

    page.goto("/defis/proposer/")

    expect(page.get_by_role("alert")).to_contain_text(
        "votre organisation « Commune de Saint-Pierre » n'a pas encore été vérifiée"
    )
    expect(page.locator("#id_title")).to_have_count(0)
    assert_accessible(page)
