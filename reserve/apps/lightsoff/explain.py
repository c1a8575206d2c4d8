"""The legal verdict in words, in the reader's language.

The pure modules (`rules.py`, `waste.py`, `rules_data.py`) say what to tell as message keys with
parameters; this module holds the sentences (French source strings, translated by gettext) and
words a verdict, a stored report, an error or an assumption in the active language.
"""

from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal

from django.utils.dates import MONTHS
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from . import rules

HEADLINES = {
    "headline.violation.vitrine": gettext_lazy("À %(at)s, la vitrine devrait être éteinte."),
    "headline.violation.interieur": gettext_lazy(
        "À %(at)s, l'éclairage intérieur devrait être éteint."
    ),
    "headline.violation.enseigne": gettext_lazy(
        "À %(at)s, l'enseigne lumineuse devrait être éteinte."
    ),
    "headline.violation.publicite": gettext_lazy(
        "À %(at)s, la publicité lumineuse devrait être éteinte."
    ),
    "headline.allowed.vitrine": gettext_lazy("À %(at)s, la vitrine peut rester allumée."),
    "headline.allowed.interieur": gettext_lazy(
        "À %(at)s, l'éclairage intérieur peut rester allumé."
    ),
    "headline.allowed.enseigne": gettext_lazy(
        "À %(at)s, l'enseigne lumineuse peut rester allumée."
    ),
    "headline.allowed.publicite": gettext_lazy(
        "À %(at)s, la publicité lumineuse peut rester allumée."
    ),
    "headline.uncertain.vitrine": gettext_lazy(
        "À %(at)s, nous ne pouvons pas dire avec certitude si la vitrine devrait être éteinte."
    ),
    "headline.uncertain.interieur": gettext_lazy(
        "À %(at)s, nous ne pouvons pas dire avec certitude si l'éclairage intérieur devrait "
        "être éteint."
    ),
    "headline.uncertain.enseigne": gettext_lazy(
        "À %(at)s, nous ne pouvons pas dire avec certitude si l'enseigne lumineuse devrait "
        "être éteinte."
    ),
    "headline.uncertain.publicite": gettext_lazy(
        "À %(at)s, nous ne pouvons pas dire avec certitude si la publicité lumineuse devrait "
        "être éteinte."
    ),
}

SUMMARIES = {
    "summary.vitrine.2019": gettext_lazy(
        "Les vitrines s'éteignent à 1 h au plus tard, ou 1 h après la fin de l'activité si elle "
        "finit plus tard ; elles peuvent se rallumer à 7 h, ou 1 h avant le début de l'activité "
        "si elle commence plus tôt."
    ),
    "summary.interieur.2019": gettext_lazy(
        "L'éclairage intérieur des locaux professionnels s'éteint au plus tard 1 h après le "
        "départ des dernières personnes présentes ; il peut se rallumer à 7 h, ou 1 h avant le "
        "début de l'activité si elle commence plus tôt."
    ),
    "summary.enseigne.2012": gettext_lazy(
        "Les enseignes lumineuses sont éteintes entre 1 h et 6 h quand l'activité est terminée. "
        "Si l'activité finit ou commence entre minuit et 7 h, elles s'éteignent au plus tard 1 h "
        "après la fin et peuvent se rallumer 1 h avant la reprise."
    ),
    "summary.publicite.2022": gettext_lazy(
        "Les publicités lumineuses sont éteintes entre 1 h et 6 h partout en France, sauf dans "
        "l'emprise des aéroports et sur le mobilier urbain des transports en commun pendant "
        "leurs heures de service (en image fixe pour un écran)."
    ),
    "summary.ecowatt.2022": gettext_lazy(
        "Pendant un signal EcoWatt rouge, les publicités numériques et celles dont l'éclairage "
        "se commande à distance doivent être éteintes, y compris à l'intérieur d'un local "
        "visible depuis la rue, dans les gares et dans les aéroports."
    ),
    "summary.ecowatt.2023": gettext_lazy(
        "Pendant un signal EcoWatt rouge, toutes les publicités lumineuses, éclairées ou "
        "numériques doivent être éteintes, y compris à l'intérieur d'un local visible depuis la "
        "rue, dans les gares et dans les aéroports."
    ),
}

LINES = {
    "window": gettext_lazy(
        "La nuit du %(night)s, l'extinction est obligatoire de %(start)s à %(end)s."
    ),
    "window.none": gettext_lazy("La nuit du %(night)s, aucune extinction n'est obligatoire."),
    "window.dst": gettext_lazy(
        "C'est la nuit du changement d'heure : cette plage dure %(real)s h au lieu de %(wall)s h."
    ),
    "hours.known": gettext_lazy("Horaires d'ouverture pris en compte : « %(hours)s »."),
    "hours.unknown": gettext_lazy(
        "Les horaires d'ouverture ne sont pas connus : nous appliquons la règle nationale comme "
        "si l'activité se terminait avant minuit et reprenait après 8 h."
    ),
    "hours.open_now": gettext_lazy("D'après ces horaires, le commerce est ouvert à ce moment-là."),
    "activity.both": gettext_lazy(
        "D'après ces horaires, l'activité s'arrête à %(end)s et reprend à %(start)s."
    ),
    "activity.no_end": gettext_lazy(
        "D'après ces horaires, le commerce n'ouvre pas ce soir-là ; il rouvre à %(start)s."
    ),
    "activity.no_start": gettext_lazy(
        "D'après ces horaires, l'activité s'arrête à %(end)s et ne reprend pas le lendemain matin."
    ),
    "activity.none": gettext_lazy(
        "D'après ces horaires, le commerce n'ouvre ni ce soir-là ni le lendemain matin."
    ),
    "doubt.unknown_hours": gettext_lazy(
        "Sans horaires d'ouverture, nous ne savons pas si le commerce était encore ouvert, ou "
        "occupé, il y a moins d'une heure."
    ),
    "doubt.unknown_state": gettext_lazy(
        "Les horaires d'ouverture indiquent une activité possible mais incertaine autour de ce "
        "moment."
    ),
    "doubt.occupation": gettext_lazy(
        "Avant %(until)s, la lumière peut venir de personnes encore au travail (ménage, mise en "
        "rayon) : c'est permis jusqu'à 1 h après leur départ."
    ),
    "interior.caveat": gettext_lazy(
        "Si des personnes travaillent encore dans les locaux, l'éclairage reste permis jusqu'à "
        "1 h après leur départ."
    ),
    "local": gettext_lazy(
        "La commune applique une règle plus stricte : extinction de %(start)s à %(end)s "
        "(%(source)s)."
    ),
    "local.summary": gettext_lazy(
        "Règle locale : extinction de %(start)s à %(end)s, plus stricte que la règle nationale."
    ),
    "derogation": gettext_lazy(
        "Une dérogation couvre cette nuit dans la commune : %(reason)s (%(reference)s)."
    ),
    "derogation.summary": gettext_lazy("Dérogation : %(reason)s."),
    "ecowatt": gettext_lazy("Le signal EcoWatt est rouge."),
    "ad.airport": gettext_lazy(
        "Cette publicité est dans l'emprise d'un aéroport : elle n'est pas soumise à "
        "l'extinction de 1 h à 6 h."
    ),
    "ad.transit": gettext_lazy(
        "Sur le mobilier urbain des transports en commun, la publicité peut rester allumée "
        "pendant les heures de service (en image fixe pour un écran) ; nous ne connaissons pas "
        "ces heures."
    ),
    "ad.inside": gettext_lazy(
        "Une publicité placée à l'intérieur d'un local n'est pas visée par la règle nationale "
        "d'extinction ; seul un règlement local de publicité peut l'encadrer."
    ),
    "no_rule": gettext_lazy(
        "Nous ne connaissons pas de règle en vigueur à cette date pour cet éclairage."
    ),
}

ERRORS = {
    "error.choice": gettext_lazy("Valeur « %(value)s » inconnue : choisir parmi %(choices)s."),
    "error.at": gettext_lazy(
        "Date et heure illisibles : attendu un format ISO 8601, par exemple 2024-03-30T02:30."
    ),
    "error.year": gettext_lazy("Choisissez une date entre %(first)s et %(last)s."),
    "error.commune": gettext_lazy(
        "Code INSEE de commune illisible : attendu 5 caractères, par exemple 75056."
    ),
    "error.ecowatt": gettext_lazy("Signal EcoWatt inconnu : attendu 0, 1, 2 ou 3."),
    "error.opening_hours": gettext_lazy(
        "Horaires d'ouverture illisibles (« %(value)s ») : problème au caractère %(column)s, "
        "format OpenStreetMap attendu, par exemple « Mo-Sa 09:00-19:00 »."
    ),
    "error.opening_hours.length": gettext_lazy(
        "Horaires d'ouverture trop longs : %(length)s caractères, %(max)s au plus."
    ),
    "error.opening_hours.type": gettext_lazy(
        "Horaires d'ouverture : attendu un texte au format OpenStreetMap."
    ),
    "error.hours": gettext_lazy(
        "Durée d'extinction impossible : attendu un nombre d'heures entre 0 et 24."
    ),
}

FIGURES = {
    "figure.power.vitrine": gettext_lazy("Puissance d'une vitrine éclairée"),
    "figure.power.interieur": gettext_lazy("Puissance de l'éclairage intérieur"),
    "figure.power.enseigne": gettext_lazy("Puissance d'une enseigne lumineuse"),
    "figure.power.publicite": gettext_lazy("Puissance d'une publicité éclairée"),
    "figure.power.publicite_numerique": gettext_lazy("Puissance d'un écran publicitaire numérique"),
    "figure.price": gettext_lazy("Prix de l'électricité"),
    "figure.co2": gettext_lazy("Émissions par kWh"),
    "figure.nights": gettext_lazy("Nuits par an"),
    "source.power.vitrine": gettext_lazy(
        "Hypothèse : vitrine de petit commerce (exemple de 300 W de la fiche du projet)."
    ),
    "source.power.interieur": gettext_lazy(
        "Hypothèse : local d'environ 50 m² éclairé à 10 W/m² (LED)."
    ),
    "source.power.enseigne": gettext_lazy("Hypothèse : enseigne à LED de quelques mètres de long."),
    "source.power.publicite": gettext_lazy("Hypothèse : caisson rétroéclairé d'environ 2 m²."),
    "source.power.publicite_numerique": gettext_lazy(
        "Hypothèse : écran numérique d'environ 2 m² (ordre de grandeur, à confirmer)."
    ),
    "source.price.2018": gettext_lazy(
        "Ratio des chiffres du ministère pour ces règles : 200 M€ pour 2 TWh par an "
        "(estimation de 2018)."
    ),
    "source.price.2023": gettext_lazy(
        "Hypothèse : prix moyen TTC du kWh pour un petit professionnel depuis 2023."
    ),
    "source.co2": gettext_lazy(
        "Ratio des chiffres du ministère pour ces règles : 250 000 t de CO2 pour 2 TWh par an."
    ),
    "source.nights": gettext_lazy(
        "Hypothèse : la même plage chaque nuit (fermetures et changements d'heure ignorés)."
    ),
}

UNITS = {"nights/year": pgettext_lazy("unit", "nuits/an")}

MESSAGES = {**HEADLINES, **SUMMARIES, **LINES, **ERRORS, **FIGURES}

STATUS_LABELS = {
    "violation": gettext_lazy("Infraction probable"),
    "allowed": gettext_lazy("Autorisé"),
    "uncertain": gettext_lazy("Incertain"),
}

TIME_PARAMS = {"at", "start", "end", "until"}
NUMBER_PARAMS = {"real", "wall"}


def clock(hhmm: str | time) -> str:
    """A wall-clock time as people say it: "2 h 30", "1 h" in French."""
    moment = hhmm if isinstance(hhmm, time) else time.fromisoformat(hhmm)
    if moment.minute:
        return pgettext("clock", "%(hour)s h %(minute)02d") % {
            "hour": moment.hour,
            "minute": moment.minute,
        }
    return pgettext("clock", "%(hour)s h") % {"hour": moment.hour}


def night_name(evening: date | str) -> str:
    """The night from `evening` to the next morning: "4 au 5 juin", "31 mai au 1er juin"."""
    first = evening if isinstance(evening, date) else date.fromisoformat(evening)
    second = first + timedelta(days=1)
    words = {
        "first": _day(first),
        "second": _day(second),
        "first_month": MONTHS[first.month],
        "month": MONTHS[second.month],
    }
    if first.month == second.month:
        return pgettext("night", "%(first)s au %(second)s %(month)s") % words
    return pgettext("night", "%(first)s %(first_month)s au %(second)s %(month)s") % words


def _day(day: date) -> str:
    return pgettext("first day of a month", "1er") if day.day == 1 else str(day.day)


def number(value: float) -> str:
    return number_format(Decimal(f"{value:g}"), use_l10n=True)


def _param(name: str, value):
    if value is None:
        return ""
    if name in TIME_PARAMS:
        return clock(value)
    if name == "night":
        return night_name(value)
    if name in NUMBER_PARAMS:
        return number(value)
    return value


def say(message) -> str:
    """One message (a `rules.Msg` or its stored `[key, params]`) in the active language."""
    key, params = message
    text = str(MESSAGES[key])
    return text % {name: _param(name, value) for name, value in params.items()} if params else text


def error_text(error: rules.InvalidInput) -> str:
    return say(error.msg)


@dataclass(frozen=True)
class Explained:
    """A verdict ready to show or to answer with, worded in the active language."""

    status: str
    lines: list[str]
    rule_reference: str
    rule_summary: str
    forbidden_from: time | None
    forbidden_until: time | None
    forbidden_hours: float
    night_of: date | None

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def explanation(self) -> str:
        return " ".join(self.lines)

    @property
    def window(self) -> str:
        """ "de 1 h à 7 h", or "" when nothing is forbidden that night."""
        if self.forbidden_from is None or self.forbidden_until is None:
            return ""
        return _("de %(start)s à %(end)s") % {
            "start": clock(self.forbidden_from),
            "end": clock(self.forbidden_until),
        }

    def as_api(self) -> dict:
        return {
            "verdict": self.status,
            "forbidden_from": _hhmm(self.forbidden_from),
            "forbidden_until": _hhmm(self.forbidden_until),
            "rule": {"reference": self.rule_reference, "summary": self.rule_summary},
            "explanation": self.explanation,
        }


def explained(verdict: rules.Verdict) -> Explained:
    """A verdict just computed by the pure rules module."""
    return Explained(
        status=verdict.status,
        lines=[say(line) for line in verdict.lines],
        rule_reference=verdict.rule.reference,
        rule_summary=say(verdict.rule.summary),
        forbidden_from=verdict.forbidden_from,
        forbidden_until=verdict.forbidden_until,
        forbidden_hours=verdict.forbidden_hours,
        night_of=verdict.night_of,
    )


def stored(report) -> Explained:
    """The verdict a report stored when it was made: never recomputed."""
    return Explained(
        status=report.verdict,
        lines=[say(line) for line in report.explanation_lines],
        rule_reference=report.rule_reference,
        rule_summary=say(report.rule_summary) if report.rule_summary else "",
        forbidden_from=report.forbidden_from,
        forbidden_until=report.forbidden_until,
        forbidden_hours=report.forbidden_hours,
        night_of=report.night_of,
    )


def assumptions(estimate) -> list[dict]:
    """The figures a waste estimate rests on, worded: label, value, unit, source."""
    return [
        {
            "label": say((a.label, {})),
            "value": a.value,
            "unit": str(UNITS.get(a.unit, a.unit)),
            "source": say((a.source, {})),
        }
        for a in estimate.assumptions
    ]


def _hhmm(moment: time | None) -> str | None:
    return None if moment is None else moment.strftime("%H:%M")
