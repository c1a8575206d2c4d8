"""Logos and covers drawn in code: the same name, the same picture; text escaped; on the pages."""

import pytest

from reserve.challenges.tests.factories import ChallengeFactory
from reserve.core import pictures
from reserve.organisations.tests.factories import OrganisationFactory


def test_a_logo_is_the_name_initials_always_in_the_same_colours():
    assert pictures.initials("Ville de Nantes") == "VN"
    assert pictures.initials("Agence régionale de santé Occitanie") == "AR"
    assert pictures.logo_svg("Ville de Nantes") == pictures.logo_svg("Ville de Nantes")
    assert "<script" not in pictures.logo_svg("<script>alert(1)</script> & co")
    assert "&lt;" in pictures.logo_svg("<b> Bold")


def test_each_theme_has_its_own_cover_and_each_title_its_own_arrangement():
    water = pictures.cover_svg("Alerte sécheresse", "water")
    energy = pictures.cover_svg("Alerte sécheresse", "energy")
    other_title = pictures.cover_svg("Qualité de l'eau", "water")

    assert len({water, energy, other_title}) == 3
    assert 'aria-hidden="true"' in water
    assert 'viewBox="0 0 960 120"' in pictures.cover_svg("Alerte sécheresse", "water", 960)
    assert "style=" not in water + energy  # the Content-Security-Policy forbids inline styles


@pytest.mark.django_db
def test_cards_and_pages_show_the_pictures(client):
    organisation = OrganisationFactory(name="Ville de Nantes", verification="verified")
    challenge = ChallengeFactory(organisation=organisation, themes="water", status="qualified")

    catalogue = client.get("/defis/").content.decode()
    detail = client.get(challenge.get_absolute_url()).content.decode()
    directory = client.get(organisation.get_absolute_url()).content.decode()

    assert 'class="picture-cover"' in catalogue
    assert 'class="picture-cover"' in detail
    assert ">VN</text>" in directory
