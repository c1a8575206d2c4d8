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


def _quoted(name) -> str:
    return _("« %(name)s »") % {"name": name}


def _skill(code) -> str:
    return _quoted(skill_label(code))


def _theme(code) -> str:
    return _quoted(THEMES.get(code, code))


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


RULE_ONE = {
    "here": lambda: _("est déjà sur ce rôle"),
    "elsewhere": lambda: _("est déjà proposée sur un autre défi ou un autre rôle"),
    "team": lambda: _("fait déjà partie de l'équipe sur un autre rôle"),
    "excluded": lambda: _("a été écartée de ce défi"),
    "room": lambda: _("a déjà atteint le nombre maximal de défis en cours"),
    "hours": lambda: _("n'a pas assez d'heures disponibles par semaine"),
    "dates": lambda: _("n'est pas disponible aux dates du sprint"),
    "location": lambda: _(
        "n'habite pas le département %(departement)s ou ne souhaite travailler qu'à distance"
    ),
    "rest": lambda: _("est en période de repos après un défi ou un refus récent"),
    "skill": lambda: _("n'a pas la compétence %(skill)s au niveau demandé"),
}
RULE_MANY = {
    "here": lambda: _("sont déjà sur ce rôle"),
    "elsewhere": lambda: _("sont déjà proposées sur d'autres défis ou d'autres rôles"),
    "team": lambda: _("font déjà partie de l'équipe sur un autre rôle"),
    "excluded": lambda: _("ont été écartées de ce défi"),
    "room": lambda: _("ont déjà atteint le nombre maximal de défis en cours"),
    "hours": lambda: _("n'ont pas assez d'heures disponibles par semaine"),
    "dates": lambda: _("ne sont pas disponibles aux dates du sprint"),
    "location": lambda: _(
        "n'habitent pas le département %(departement)s ou ne souhaitent travailler qu'à distance"
    ),
    "rest": lambda: _("sont en période de repos après un défi ou un refus récent"),
}


def _rule(name: str, count: int, values: dict) -> str:
    table = RULE_ONE if count == 1 else RULE_MANY
    return table[name]() % values


def explanation(message) -> str:
    """An empty seat's reason, a ranking's shortfall or a lock warning, for staff; older
    proposals stored finished sentences, shown as they are."""
    if not message:
        return ""
    if isinstance(message, str):
        return message
    key, params = message["key"], message.get("params", {})
    values = _values({k: v for k, v in params.items() if k not in ("rules", "reason")})
    if key == "gap.no_skill":
        return _("Personne dans la réserve n'a la compétence %(skill)s.") % values
    if key == "gap.no_level":
        return (
            _(
                "Personne dans la réserve n'a la compétence "
                "%(skill)s au niveau demandé (%(wanted)s)."
            )
            % values
        )
    if key == "gap.rules":
        return _gap_rules(params["rules"], values)
    if key == "shortfall":
        counted = _("%(available)s pour %(seats)s.") % {
            "available": ngettext(
                "%(n)s personne disponible", "%(n)s personnes disponibles", params["available"]
            )
            % {"n": params["available"]},
            "seats": ngettext("%(n)s place", "%(n)s places", params["seats"])
            % {"n": params["seats"]},
        }
        reason = explanation(params.get("reason"))
        return f"{counted} {reason}" if reason else counted
    if key == "lock.rule":
        return _("Choix verrouillé : %(reservist)s sur « %(slot)s » %(why)s.") % (
            values | {"why": _rule(params["rule"], 1, values)}
        )
    if key == "lock.hours":
        return _(
            "Les choix verrouillés de %(reservist)s demandent "
            "%(asked)s par semaine, pour %(available)s."
        ) % (values | {"asked": _hours(params["asked"])})
    if key == "lock.room":
        return (
            _(
                "Les choix verrouillés de %(reservist)s dépassent le "
                "nombre maximal de défis en cours."
            )
            % values
        )
    return key


def _gap_rules(rules: list, values: dict) -> str:
    total, others = values["total"], values["beyond_available"]
    if len(rules) == 1:
        name, _count = rules[0]
        why = _rule(name, total, values)
        if total == 1:
            text = (
                _(
                    "La seule autre personne qui a la compétence "
                    "%(skill)s au niveau demandé %(why)s."
                )
                if others
                else _("La seule personne qui a la compétence %(skill)s au niveau demandé %(why)s.")
            )
        else:
            text = (
                _(
                    "Les %(total)s autres personnes qui ont la compétence "
                    "%(skill)s au niveau demandé %(why)s."
                )
                if others
                else _(
                    "Les %(total)s personnes qui ont la compétence "
                    "%(skill)s au niveau demandé %(why)s."
                )
            )
        return text % (values | {"why": why})
    phrases = _join([f"{count} {_rule(name, count, values)}" for name, count in rules])
    text = (
        _(
            "Sur les %(total)s autres personnes qui ont la compétence "
            "%(skill)s au niveau demandé, %(why)s."
        )
        if others
        else _(
            "Sur les %(total)s personnes qui ont la compétence "
            "%(skill)s au niveau demandé, %(why)s."
        )
    )
    return text % (values | {"why": phrases})
