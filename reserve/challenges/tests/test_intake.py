import pytest

from reserve.challenges.models import Challenge, Status
from reserve.organisations.models import Verification
from reserve.organisations.tests.factories import MembershipFactory, OrganisationFactory

from .pages import text

pytestmark = pytest.mark.django_db


def form_data(organisation=None, **overrides):
    data = {
        "organisation": organisation.pk if organisation else "",
        "title": "Bornes d'eau potable en panne",
        "summary": "Signaler les fontaines publiques en panne pendant les canicules.",
        "theme_choices": ["water", "health"],
        "problem": "Les fontaines tombent en panne et personne ne le sait.",
        "severity": "high",
        "blind_spot": "Aucun service ne recense les pannes.",
        "urgency": "high",
        "deliverable": "Une carte des fontaines et un formulaire de signalement.",
        "success_criterion": "Délai de réparation divisé par deux.",
        "territory_level": "commune",
        "territory_name": "Bordeaux",
        "referents-TOTAL_FORMS": "1",
        "referents-INITIAL_FORMS": "0",
        "referents-0-name": "Agnès Morel",
        "referents-0-service": "Service des eaux",
        "referents-0-email": "agnes@bordeaux.fr",
    }
    data.update(overrides)
    return data


def test_a_member_of_a_verified_organisation_saves_a_draft(client, sponsor):
    client.force_login(sponsor)
    organisation = sponsor.memberships.get().organisation

    response = client.post("/defis/proposer/", form_data(organisation))

    challenge = Challenge.objects.get()
    assert response.status_code == 302
    assert challenge.status == Status.DRAFT
    assert challenge.theme_list == ["water", "health"]
    assert challenge.referents.get().email == "agnes@bordeaux.fr"
    assert challenge.slug == "bornes-deau-potable-en-panne"


def test_a_member_of_an_unverified_organisation_is_told_why_they_cannot_submit(client):
    membership = MembershipFactory(
        organisation=OrganisationFactory(name="Mairie de Test", verification=Verification.PENDING)
    )
    client.force_login(membership.user)

    response = client.get("/defis/proposer/")

    assert response.status_code == 403
    assert "« Mairie de Test » n'a pas encore été vérifiée" in text(response)


def test_a_person_without_organisation_is_asked_to_declare_one(client, user):
    client.force_login(user)

    response = client.get("/defis/proposer/")

    assert response.status_code == 403
    assert "Déclarer mon organisation" in text(response)


def test_missing_fields_are_named_and_the_input_is_kept(client, sponsor):
    client.force_login(sponsor)
    organisation = sponsor.memberships.get().organisation

    response = client.post(
        "/defis/proposer/", form_data(organisation, problem="", territory_name="")
    )

    page = text(response)
    assert response.status_code == 400
    assert response.context["form"].errors.keys() == {"problem", "territory_name"}
    assert "Précisez le nom du territoire." in page
    assert "Bornes d'eau potable en panne" in page
    assert not Challenge.objects.exists()


def test_a_member_cannot_open_a_challenge_for_another_organisation(client, sponsor):
    client.force_login(sponsor)

    response = client.post("/defis/proposer/", form_data(OrganisationFactory()))

    assert response.status_code == 400
    assert "organisation" in response.context["form"].errors


def test_staff_open_a_challenge_on_the_programmes_own_initiative(client, staff):
    client.force_login(staff)

    client.post("/defis/proposer/", form_data())

    challenge = Challenge.objects.get()
    assert challenge.organisation is None
    assert challenge.created_by == staff


def test_the_sponsor_edits_a_draft_then_submits_it(client, sponsor, challenge):
    client.force_login(sponsor)
    data = form_data(challenge.organisation, title="Titre corrigé")

    client.post(f"/defis/{challenge.pk}/modifier/", data)
    client.post(f"/defis/{challenge.pk}/submit/")

    challenge.refresh_from_db()
    assert challenge.title == "Titre corrigé"
    assert challenge.status == Status.SUBMITTED


def test_markdown_is_sanitised_on_the_workspace(client, sponsor, challenge):
    challenge.problem = "**gras** <script>alert(1)</script> [lien](javascript:alert(2))"
    challenge.save()
    client.force_login(sponsor)

    page = text(client.get(challenge.get_workspace_url()))

    assert "<strong>gras</strong>" in page
    assert "<script>alert(1)" not in page
    assert "javascript:alert" not in page
