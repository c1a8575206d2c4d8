"""The matching engine's explanations in the reader's language.

The engine (pure Python) explains each criterion of a score with a message key and parameters;
this module words them with gettext, at the moment they are read, for two audiences: staff, who
compare candidates ("Niveau expert en « UX »…"), and the invited person, to whom "Pourquoi vous"
speaks directly, strengths first. Skill, theme and level names come from the reservists'
taxonomy, the platform's one vocabulary.
"""

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reserve.challenges.skills import skill_label
from reserve.reservists.taxonomy import THEMES, Level


def _skill(code) -> str:
    return f"« {skill_label(code)} »"


def _theme(code) -> str:
    return f"« {THEMES.get(code, code)} »"


def _level(number) -> str:
    try:
        return str(Level(int(number)).label)
    except ValueError:
        return str(number)


def _hours(minutes) -> str:
    hours, rest = divmod(int(minutes), 60)
    return _("%(h)s h %(m)02d") % {"h": hours, "m": rest} if rest else _("%(h)s h") % {"h": hours}


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s et %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def _values(params: dict) -> dict:
    """The parameters as the words a sentence takes."""
    values = dict(params)
    for name in ("skill",):
        if name in values:
            values[name] = _skill(values[name])
    if "others" in values:
        values["others"] = _join([_skill(code) for code in values["others"]])
    if "theme" in values:
        values["theme"] = _theme(values["theme"])
    if "themes" in values:
        values["count"] = len(values["themes"])
        values["themes"] = _join([_theme(code) for code in values["themes"]])
    for name in ("level", "wanted"):
        if name in values:
            values[name] = _level(values[name])
    for name in ("available", "needed", "margin"):
        if name in values:
            values[name] = _hours(values[name])
    if "bonus" in values:
        values["bonus"] = number_format(values["bonus"])
    if values.get("city"):
        values["where"] = _("à %(city)s (%(departement)s)") % values
    elif "departement" in values:
        values["where"] = _("dans le %(departement)s") % values
    return values


def _staff_sentence(key: str, v: dict) -> str:
    sentences = {
        "skill.missing": lambda: _(
            "N'a pas déclaré la compétence %(skill)s demandée pour ce rôle."
        ),
        "skill.has": lambda: _("Possède la compétence %(skill)s demandée pour ce rôle."),
        "skill.has_no_other": lambda: _(
            "Possède la compétence %(skill)s demandée pour ce rôle, mais aucune autre des "
            "compétences recherchées par l'équipe."
        ),
        "skill.has_others": lambda: _(
            "Possède la compétence %(skill)s demandée pour ce rôle, et aussi %(others)s, utiles "
            "à l'équipe."
        ),
        "level.none": lambda: _("Aucun niveau déclaré en %(skill)s (niveau demandé : %(wanted)s)."),
        "level.equal": lambda: _("Niveau « %(level)s » en %(skill)s, le niveau demandé."),
        "level.above": lambda: _(
            "Niveau « %(level)s » en %(skill)s, au-dessus du niveau demandé (%(wanted)s)."
        ),
        "level.below": lambda: _(
            "Niveau « %(level)s » en %(skill)s, en dessous du niveau demandé (%(wanted)s)."
        ),
        "interest.neutral": lambda: _("Le défi n'a pas de thème précisé : ce critère est neutre."),
        "interest.one": lambda: _("S'intéresse au thème du défi, %(theme)s."),
        "interest.not_one": lambda: _(
            "Le thème du défi, %(theme)s, ne fait pas partie de ses intérêts."
        ),
        "interest.none": lambda: _(
            "Aucun des thèmes du défi (%(themes)s) ne fait partie de ses intérêts."
        ),
        "interest.all": lambda: _("S'intéresse à tous les thèmes du défi : %(themes)s."),
        "interest.some": lambda: _(
            "S'intéresse à %(count)s des %(total)s thèmes du défi : %(themes)s."
        ),
        "hours.short": lambda: _(
            "Disponible %(available)s par semaine pour un rôle de %(needed)s : pas assez d'heures."
        ),
        "hours.exact": lambda: _(
            "Disponible %(available)s par semaine pour un rôle de %(needed)s : aucune marge."
        ),
        "hours.margin": lambda: _(
            "Disponible %(available)s par semaine pour un rôle de %(needed)s : il reste "
            "%(margin)s de marge."
        ),
        "locality.remote_prefers_site": lambda: _(
            "Rôle à distance, alors que la personne préfère travailler sur place."
        ),
        "locality.remote": lambda: _("Rôle à distance : le lieu où l'on habite ne compte pas."),
        "locality.elsewhere": lambda: _("Rôle sur place %(where)s, hors de son département."),
        "locality.same_city": lambda: _("Rôle sur place %(where)s : habite la même ville."),
        "locality.same_departement": lambda: _(
            "Rôle sur place %(where)s : habite le même département."
        ),
        "fairness.engaged": lambda: ngettext(
            "Déjà engagé·e sur %(count)s défi en cours : priorité à d'autres.",
            "Déjà engagé·e sur %(count)s défis en cours : priorité à d'autres.",
            v["count"],
        ),
        "fairness.newcomer": lambda: (
            _(
                "N'a encore jamais participé à un défi : priorité aux nouveaux venus (bonus de "
                "%(bonus)s points)."
            )
            if float(v.get("bonus", 0))
            else _("N'a encore jamais participé à un défi : priorité aux nouveaux venus.")
        ),
        "fairness.long_ago": lambda: _(
            "Dernier défi terminé plus de %(months)s mois avant ce sprint."
        ),
        "fairness.recent": lambda: _(
            "Dernier défi terminé %(days)s jours avant ce sprint (priorité pleine après "
            "%(months)s mois)."
        ),
    }
    return sentences[key]() % v


def _invitee_sentence(key: str, v: dict) -> str | None:
    """What speaks for the person, said to them; None for what does not."""
    sentences = {
        "skill.has": lambda: _("Vous avez la compétence %(skill)s que demande ce rôle."),
        "skill.has_no_other": lambda: _("Vous avez la compétence %(skill)s que demande ce rôle."),
        "skill.has_others": lambda: _(
            "Vous avez la compétence %(skill)s que demande ce rôle, et aussi %(others)s, utiles "
            "à l'équipe."
        ),
        "level.equal": lambda: _(
            "Votre niveau en %(skill)s (« %(level)s ») est celui que demande ce rôle."
        ),
        "level.above": lambda: _(
            "Votre niveau en %(skill)s (« %(level)s ») dépasse celui que demande ce rôle."
        ),
        "interest.one": lambda: _("Le thème du défi, %(theme)s, fait partie de vos intérêts."),
        "interest.all": lambda: _("Tous les thèmes du défi vous intéressent : %(themes)s."),
        "interest.some": lambda: _("Des thèmes du défi vous intéressent : %(themes)s."),
        "hours.exact": lambda: _(
            "Vos %(available)s disponibles par semaine correspondent au temps demandé."
        ),
        "hours.margin": lambda: _(
            "Vos %(available)s disponibles par semaine couvrent les %(needed)s demandées."
        ),
        "locality.same_city": lambda: _("Le rôle est sur place %(where)s, dans votre ville."),
        "locality.same_departement": lambda: _(
            "Le rôle est sur place %(where)s, dans votre département."
        ),
        "locality.remote": lambda: _("Le rôle se tient à distance : il vous est accessible."),
        "fairness.newcomer": lambda: _(
            "Ce serait votre premier défi : nous aimons faire une place aux nouveaux venus."
        ),
        "fairness.long_ago": lambda: _(
            "Votre dernier défi remonte à un moment : c'est à votre tour."
        ),
    }
    sentence = sentences.get(key)
    return sentence() % v if sentence else None


def criterion(part: dict) -> str:
    """One stored criterion ({"key", "params"} or, for older records, "explanation") for staff."""
    if "key" not in part:
        return part.get("explanation", "")
    return _staff_sentence(part["key"], _values(part.get("params", {})))


def why_you(parts: list[dict]) -> list[str]:
    """What speaks for the invited person, said to them, strongest first."""
    ranked = sorted(
        (p for p in parts if "key" in p and p.get("points", 0) > 0),
        key=lambda p: -(p["points"] / p["max_points"]) if p.get("max_points") else 0,
    )
    sentences = [_invitee_sentence(p["key"], _values(p.get("params", {}))) for p in ranked]
    return [s for s in sentences if s]
