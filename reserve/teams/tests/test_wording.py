"""The engine's explanations worded by the Django layer, in the reader's language."""

import pytest
from django.utils import translation

from reserve.teams.wording import criterion, why_you

LEVEL = {
    "component": "level",
    "points": 25.0,
    "max_points": 25,
    "key": "level.above",
    "params": {"skill": "tech.backend", "level": 3, "wanted": 2},
}
FAIRNESS = {
    "component": "fairness",
    "points": 0.0,
    "max_points": 25,
    "key": "fairness.engaged",
    "params": {"count": 2},
}
HOURS = {
    "component": "availability",
    "points": 2.0,
    "max_points": 10,
    "key": "hours.margin",
    "params": {"available": 450, "needed": 360, "margin": 90},
}
INTEREST = {
    "component": "interest",
    "points": 0.0,
    "max_points": 20,
    "key": "interest.none",
    "params": {"themes": ["energy"]},
}


def test_staff_read_each_criterion_with_the_taxonomy_words():
    assert criterion(LEVEL) == (
        "Niveau « Expert » en « Développement back end », au-dessus du niveau demandé (À l'aise)."
    )
    assert criterion(HOURS) == (
        "Disponible 7 h 30 par semaine pour un rôle de 6 h : il reste 1 h 30 de marge."
    )
    assert criterion(FAIRNESS) == "Déjà engagé·e sur 2 défis en cours : priorité à d'autres."


def test_an_english_reader_reads_english():
    with translation.override("en"):
        sentence = criterion(LEVEL)

    assert sentence.startswith("Level")
    assert "Niveau" not in sentence


def test_why_you_speaks_to_the_person_strengths_first_and_no_negatives():
    reasons = why_you([FAIRNESS, HOURS, INTEREST, LEVEL])

    assert reasons == [
        "Votre niveau en « Développement back end » (« Expert ») dépasse celui que demande ce "
        "rôle.",
        "Vos 7 h 30 disponibles par semaine couvrent les 6 h demandées.",
    ]


def test_older_invitations_keep_their_stored_sentence():
    assert criterion({"component": "level", "explanation": "Niveau expert."}) == "Niveau expert."


@pytest.mark.django_db
def test_the_invitation_page_says_why_you_in_the_second_person(client, staff, slot):
    from reserve.teams import invitations

    from .people import reservist

    invitation = invitations.invite(staff, slot, reservist("Inès"), explanation=[LEVEL, FAIRNESS])
    client.force_login(invitation.user)

    page = client.get(invitation.get_absolute_url()).text

    assert "Pourquoi vous" in page
    assert "Votre niveau en « Développement back end »" in page
    assert "Déjà engagé" not in page


def test_empty_seats_shortfalls_and_lock_warnings_are_worded_for_staff():
    from reserve.teams.wording import explanation

    rules = {
        "key": "gap.rules",
        "params": {
            "skill": "design.ux",
            "total": 2,
            "beyond_available": False,
            "rules": [["hours", 1], ["dates", 1]],
            "departement": None,
        },
    }
    assert explanation(rules) == (
        "Sur les 2 personnes qui ont la compétence « Design UX » au niveau demandé, 1 n'a pas "
        "assez d'heures disponibles par semaine et 1 n'est pas disponible aux dates du sprint."
    )
    one = {"key": "gap.rules", "params": rules["params"] | {"total": 1, "beyond_available": True,
                                                            "rules": [["dates", 1]]}}  # fmt: skip
    assert explanation(
        {"key": "shortfall", "params": {"available": 1, "seats": 3, "reason": one}}
    ) == (  # fmt: skip
        "1 personne disponible pour 3 places. La seule autre personne qui a la compétence "
        "« Design UX » au niveau demandé n'est pas disponible aux dates du sprint."
    )
    hours = {"key": "lock.hours", "params": {"reservist": "r-1", "asked": 720, "available": 600}}
    assert explanation(hours) == (
        "Les choix verrouillés de r-1 demandent 12 h par semaine, pour 10 h."
    )
    assert explanation("Une phrase d'une ancienne proposition.") == (
        "Une phrase d'une ancienne proposition."
    )


@pytest.mark.django_db
def test_staff_reading_in_english_get_the_ranking_in_english(client, staff, slot):
    from reserve.reservists.tests.factories import ProfileFactory

    ProfileFactory(skills={"tech.backend": 3}, hours_per_week=10)
    ProfileFactory(skills={"tech.backend": 1}, hours_per_week=10)
    client.force_login(staff)
    client.get("/langue/en/")

    page = client.get(f"/equipes/defi/{slot.challenge_id}/").text

    assert "Level “Expert” in “Back-end development”" in page
    assert "Niveau" not in page
    assert "Possède" not in page
