import pytest

from reserve.reservists.taxonomy import FAMILIES, LEVEL_CODES, SKILLS, Level


def test_the_taxonomy_has_the_families_and_skills_of_the_programme():
    assert {f.code: [s.code.split(".")[1] for s in f.skills] for f in FAMILIES} == {
        "tech": ["backend", "frontend", "mobile", "data", "devops", "security"],
        "design": ["ux", "ui", "service"],
        "product": ["product", "project"],
        "communication": ["communication", "marketing", "content"],
        "legal": ["law", "public_policy"],
        "domain": [
            "energy", "housing", "health", "water", "agriculture", "mobility", "social_action",
            "environment",
        ],
        "entrepreneurship": ["entrepreneurship", "network"],
    }  # fmt: skip


def test_skill_codes_are_unique_and_name_their_family():
    codes = [s.code for f in FAMILIES for s in f.skills]
    assert len(codes) == len(set(codes)) == len(SKILLS)
    assert all(SKILLS[code].family == code.split(".")[0] for code in codes)


def test_levels_are_ordered_and_have_stable_codes():
    assert LEVEL_CODES == ("discovering", "confident", "expert")
    assert Level.from_code("confident") > Level.DISCOVERING
    assert Level.EXPERT.code == "expert"


def test_one_word_per_level_whether_given_by_number_or_by_code():
    from reserve.reservists.taxonomy import LEVEL_CODE_CHOICES, level_label

    assert [level_label(n) for n in (1, 2, 3)] == ["Découverte", "À l'aise", "Expert"]
    assert [level_label(code) for code in LEVEL_CODES] == ["Découverte", "À l'aise", "Expert"]
    assert [str(label) for _code, label in LEVEL_CODE_CHOICES] == [
        str(label) for _n, label in Level.choices
    ]


@pytest.mark.django_db
def test_the_profile_form_offers_the_same_words(client):
    from reserve.reservists.tests.factories import ProfileFactory

    profile = ProfileFactory()
    client.force_login(profile.user)

    page = client.get("/reserve/profil/competences/").content.decode()

    assert "Découverte" in page
    assert "Je découvre" not in page
