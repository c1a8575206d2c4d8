"""Role slots name skills by code; their labels come from the reservists' taxonomy.

This app does not depend on reserve.reservists: without it, a skill shows its code.
"""


def _taxonomy():
    """The reservists' skill taxonomy (reserve.reservists), when that app is installed."""
    try:
        from reserve.reservists import taxonomy
    except ImportError:
        return None
    return taxonomy


def skill_label(code: str) -> str:
    """The skill's name from the taxonomy; its code when the taxonomy does not know it."""
    taxonomy = _taxonomy()
    if taxonomy is None or code not in taxonomy.SKILLS:
        return code
    return str(taxonomy.skill_label(code))


def skill_choices() -> list:
    """Skills grouped by family, for a select; empty without the taxonomy."""
    taxonomy = _taxonomy()
    if taxonomy is None:
        return []
    return [
        (str(family.label), [(skill.code, str(skill.label)) for skill in family.skills])
        for family in taxonomy.FAMILIES
    ]
