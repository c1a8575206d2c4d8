import pytest

from reserve.challenges import services
from reserve.challenges.models import Status

from .factories import ChallengeFactory, RoleSlotFactory
from .pages import text

pytestmark = pytest.mark.django_db


def public(**fields):
    return ChallengeFactory(status=fields.pop("status", Status.QUALIFIED), **fields)


def test_the_catalogue_lists_qualified_and_later_challenges_never_drafts(client):
    public(title="Défi qualifié")
    public(title="Défi livré", status=Status.DELIVERED)
    ChallengeFactory(title="Brouillon secret", status=Status.DRAFT)
    ChallengeFactory(title="Refus discret", status=Status.DECLINED)
    public(title="Refus public", status=Status.DECLINED, declined_is_public=True)

    page = text(client.get("/defis/"))

    assert "Défi qualifié" in page
    assert "Défi livré" in page
    assert "Refus public" in page
    assert "Brouillon secret" not in page
    assert "Refus discret" not in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("theme=water", {"Eau des Landes"}),
        ("status=in_sprint", {"Vélos de Lille"}),
        ("skill=design.ux", {"Vélos de Lille"}),
        ("territory=landes", {"Eau des Landes"}),
        ("q=vélos", {"Vélos de Lille"}),
        ("q=potable+landes", {"Eau des Landes"}),
    ],
)
def test_the_catalogue_filters_and_searches(client, query, expected):
    public(title="Eau des Landes", themes="water", territory_name="Landes",
           summary="Eau potable.")  # fmt: skip
    cycling = public(title="Vélos de Lille", themes="mobility", status=Status.IN_SPRINT,
                     territory_name="Nord")  # fmt: skip
    RoleSlotFactory(challenge=cycling, skill="design.ux")

    response = client.get(f"/defis/?{query}")

    shown = {c.title for c in response.context["page"].object_list}
    assert shown == expected


def test_an_unknown_filter_value_is_explained_not_an_error(client):
    public(title="Eau des Landes")

    response = client.get("/defis/?theme=volcans")

    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in text(response)


def test_the_anonymous_catalogue_is_cached_and_refreshed_when_a_challenge_changes(
    client, django_assert_num_queries, staff
):
    challenge = public(title="Avant", status=Status.QUALIFIED)
    client.get("/defis/")
    with django_assert_num_queries(0):
        assert "Avant" in text(client.get("/defis/"))

    services.transition(staff, challenge, "form_team")

    page = text(client.get("/defis/"))
    assert "Équipe en formation" in page


def test_the_cached_detail_page_is_refreshed_when_the_challenge_changes(client, staff):
    challenge = public(status=Status.TEAM_FORMING)
    assert "Équipe en formation" in text(client.get(challenge.get_absolute_url()))

    services.transition(staff, challenge, "start_sprint")

    assert "Sprint en cours" in text(client.get(challenge.get_absolute_url()))


def test_the_catalogue_query_count_does_not_grow_with_the_rows(
    client, django_assert_max_num_queries
):
    for n in range(30):
        RoleSlotFactory(challenge=public(title=f"Défi {n}"))

    with django_assert_max_num_queries(6):
        response = client.get("/defis/?theme=energy")

    assert len(response.context["page"].object_list) == 20


def test_the_detail_page_tells_the_story(client):
    challenge = public(title="Commerces éclairés", problem="Des vitrines allumées la nuit.",
                       affected_people=4000)  # fmt: skip
    RoleSlotFactory(challenge=challenge, skill="tech.backend", count=2)

    page = text(client.get(challenge.get_absolute_url()))

    assert "Des vitrines allumées la nuit." in page
    assert "4 000 personnes concernées" in page.replace("\xa0", " ")
    assert "Développement back end" in page
    assert "Connectez-vous pour vous porter volontaire" in page


def test_the_atom_feed_lists_public_challenges(client):
    public(title="Défi du flux")
    ChallengeFactory(title="Brouillon du flux")

    response = client.get("/defis/flux.atom")

    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Défi du flux" in response.content.decode()
    assert "Brouillon du flux" not in response.content.decode()


def test_the_api_lists_public_challenges_with_filters(client):
    public(title="Eau des Landes", themes="water")
    public(title="Énergie", themes="energy")
    ChallengeFactory(title="Brouillon", themes="water")

    data = client.get("/api/challenges?theme=water").json()

    assert [item["title"] for item in data["items"]] == ["Eau des Landes"]
    assert data["items"][0]["themes"] == ["water"]


def test_the_api_names_the_field_of_a_bad_filter(client):
    response = client.get("/api/challenges?theme=volcans")

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "theme"


def test_the_api_gives_a_public_challenge_with_its_roles_and_hides_drafts(client):
    challenge = public(slug="commerces-eclaires-la-nuit")
    RoleSlotFactory(challenge=challenge, skill="design.ux")
    draft = ChallengeFactory()

    data = client.get("/api/challenges/commerces-eclaires-la-nuit").json()

    assert data["roles"][0]["skill"] == "design.ux"
    assert data["roles"][0]["skill_label"] == "Design UX"
    assert client.get(f"/api/challenges/{draft.slug}").status_code == 404


def test_the_api_is_in_the_openapi_schema(client):
    paths = client.get("/api/openapi.json").json()["paths"]

    assert "/api/challenges" in paths
    assert "/api/challenges/{slug}" in paths


def test_the_cached_api_list_is_refreshed_when_a_challenge_changes(client, staff):
    challenge = public(status=Status.QUALIFIED)
    assert client.get("/api/challenges").json()["items"][0]["status"] == "qualified"

    services.transition(staff, challenge, "form_team")

    assert client.get("/api/challenges").json()["items"][0]["status"] == "team_forming"
