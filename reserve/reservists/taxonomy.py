"""The skill taxonomy, levels, themes and languages of the pool: the one source of truth.

Codes are stable strings (stored in the database, used by other apps and the API); labels are
French, marked for translation. Add a skill by adding a line here, never by renaming a code.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Skill:
    code: str
    label: str

    @property
    def family(self) -> str:
        return self.code.split(".", 1)[0]


@dataclass(frozen=True)
class Family:
    code: str
    label: str
    skills: tuple[Skill, ...]


def _family(code, label, *skills):
    return Family(code, label, tuple(Skill(f"{code}.{key}", name) for key, name in skills))


FAMILIES = (
    _family(
        "tech",
        _("Tech"),
        ("backend", _("Développement back end")),
        ("frontend", _("Développement front end")),
        ("mobile", _("Développement mobile")),
        ("data", _("Data")),
        ("devops", _("DevOps")),
        ("security", _("Sécurité")),
    ),
    _family(
        "design",
        _("Design"),
        ("ux", _("Design UX")),
        ("ui", _("Design UI")),
        ("service", _("Design de service")),
    ),
    _family(
        "product",
        _("Produit et projet"),
        ("product", _("Gestion de produit")),
        ("project", _("Gestion de projet")),
    ),
    _family(
        "communication",
        _("Communication, marketing, contenu"),
        ("communication", _("Communication")),
        ("marketing", _("Marketing")),
        ("content", _("Contenu et rédaction")),
    ),
    _family(
        "legal",
        _("Droit et politiques publiques"),
        ("law", _("Droit")),
        ("public_policy", _("Politiques publiques")),
    ),
    _family(
        "domain",
        _("Expertise métier"),
        ("energy", _("Énergie")),
        ("housing", _("Logement")),
        ("health", _("Santé")),
        ("water", _("Eau")),
        ("agriculture", _("Agriculture")),
        ("mobility", _("Mobilité")),
        ("social_action", _("Action sociale")),
        ("environment", _("Environnement")),
    ),
    _family(
        "entrepreneurship",
        _("Entrepreneuriat et réseau"),
        ("entrepreneurship", _("Entrepreneuriat")),
        ("network", _("Réseau et mise en relation")),
    ),
)

SKILLS = {skill.code: skill for family in FAMILIES for skill in family.skills}
FAMILY_BY_CODE = {family.code: family for family in FAMILIES}


class Level(models.IntegerChoices):
    """Self-assessed; ordered so that "at least confident" is a comparison.

    These labels are the platform's only words for a level: the profile, the staff search, a
    role's minimum level and the matching explanation all say them (`level_label`).
    """

    DISCOVERING = 1, _("Découverte")
    CONFIDENT = 2, _("À l'aise")
    EXPERT = 3, _("Expert")

    @property
    def code(self) -> str:
        return self.name.lower()

    @classmethod
    def from_code(cls, code: str) -> "Level":
        return cls[code.upper()]


LEVEL_CODES = tuple(level.code for level in Level)
# For a field that stores a level by its code (a role's minimum level): the same words.
LEVEL_CODE_CHOICES = [(level.code, level.label) for level in Level]


def level_label(level: int | str) -> str:
    """The word for a level, given as its number (1–3) or its code ("confident")."""
    if isinstance(level, str) and not level.isdigit():
        return str(Level.from_code(level).label)
    return str(Level(int(level)).label)


THEMES = {
    "energy": _("Énergie et sobriété"),
    "water": _("Eau et sécheresse"),
    "health": _("Santé"),
    "housing": _("Logement"),
    "mobility": _("Mobilité"),
    "agriculture": _("Agriculture et alimentation"),
    "social": _("Urgences sociales"),
    "environment": _("Environnement et biodiversité"),
    "education": _("Éducation"),
    "digital_inclusion": _("Inclusion numérique"),
}

LANGUAGES = {
    "fr": _("Français"),
    "en": _("Anglais"),
    "es": _("Espagnol"),
    "de": _("Allemand"),
    "it": _("Italien"),
    "pt": _("Portugais"),
    "ar": _("Arabe"),
    "zh": _("Chinois"),
    "ru": _("Russe"),
    "lsf": _("Langue des signes française"),
    "br": _("Breton"),
    "oc": _("Occitan"),
}


def skill_label(code: str) -> str:
    return str(SKILLS[code].label)
