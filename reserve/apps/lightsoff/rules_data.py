"""Night-lighting rules and energy figures for LightsOff, as dated data.

Every rule and figure carries its validity period and its source: a new decree is a new entry
here, not an edit in the engine (`rules.py`, `waste.py`). The French text shown to users lives
here too, in one place, so that it can be handed to a translation layer later.
Pure module: no Django import.
"""

from dataclasses import dataclass
from datetime import date, time, timedelta

ELEMENTS = ("vitrine", "interieur", "enseigne", "publicite")
STATUSES = ("violation", "allowed", "uncertain")
# Where an advertisement stands decides which national rule covers it (R581-35, L581-2).
AD_PLACEMENTS = ("street", "inside_premises", "airport", "transit_furniture")
ECOWATT_VALUES = (0, 1, 2, 3)
ECOWATT_RED = 3
TIMEZONE = "Europe/Paris"
COUNTRY = "FR"
# OpenStreetMap caps tag values at 255 characters.
OPENING_HOURS_MAX_LENGTH = 255

# Without opening hours, the national rule is applied as if the activity ended before midnight
# and resumed after 8:00 (issue 6): under that assumption only the fixed hours of the rule matter.
ASSUMED_ACTIVITY_END = time(0)
ASSUMED_ACTIVITY_START = time(8)
# Every night's switch-off window touches these hours; a gap outside them (a lunch break, a day
# closed before an evening opening) is not the night's window.
NIGHT_CORE = (time(0), time(7))

HOUR = timedelta(hours=1)


@dataclass(frozen=True, kw_only=True)
class Dated:
    """Something in force from `valid_from` to `valid_until`, both inclusive (None: no end)."""

    valid_from: date
    valid_until: date | None = None

    def in_force(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


@dataclass(frozen=True, kw_only=True)
class NationalRule(Dated):
    """When one kind of lighting must be off, nationally.

    The lighting is forbidden from `off_at` (None: as soon as the activity allows) to `on_at`,
    except within `activity_margin` of the activity (None: the activity does not matter).
    Before `occupation_doubt_until`, lighting may come from people still at work, which is legal.
    """

    element: str
    reference: str
    summary: str
    off_at: time | None
    on_at: time
    activity_margin: timedelta | None
    occupation_doubt_until: time | None = None


@dataclass(frozen=True, kw_only=True)
class EcoWattRule(Dated):
    """Advertising to switch off during an EcoWatt red signal."""

    reference: str
    summary: str
    digital_only: bool


def _minutes_after_noon(moment: time) -> int:
    return (moment.hour * 60 + moment.minute - 12 * 60) % (24 * 60)


@dataclass(frozen=True, kw_only=True)
class LocalRule(Dated):
    """A commune's stricter switch-off hours for one element (e.g. a local advertising rule).

    `off_from` and `on_until` are wall-clock times of the night (`23:00` to `07:00`). The window
    must overlap 1:00-6:00, so that together with the national rule it forms one window. It only
    adds hours to the national rule, and keeps its margin around the activity (none for ads).
    """

    insee: str
    element: str
    off_from: time
    on_until: time
    source: str

    def __post_init__(self) -> None:
        if self.element not in ELEMENTS:
            raise ValueError(f"LocalRule: unknown element {self.element!r}")
        start, end = _minutes_after_noon(self.off_from), _minutes_after_noon(self.on_until)
        if not start < _minutes_after_noon(time(6)) or not end > _minutes_after_noon(time(1)):
            raise ValueError("LocalRule: the window must overlap 1:00-6:00")
        if not start < end:
            raise ValueError("LocalRule: off_from must come before on_until in the night")


@dataclass(frozen=True, kw_only=True)
class Derogation(Dated):
    """A derogation (prefectoral or municipal order) lifting the switch-off in a commune.

    The validity dates are those of the *evenings*: `valid_from=date(2024, 12, 24)` covers the
    night from 24 to 25 December. `elements` accepts any iterable of `ELEMENTS`.
    """

    insee: str
    elements: frozenset[str]
    reference: str
    reason: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "elements", frozenset(self.elements))
        unknown = self.elements - set(ELEMENTS)
        if unknown or not self.elements:
            raise ValueError(f"Derogation: elements must be among {ELEMENTS}")


_ARRETE_2018 = (
    "Arrêté du 27 décembre 2018 relatif à la prévention, à la réduction et à la limitation "
    "des nuisances lumineuses, art. 2"
)

NATIONAL_RULES = (
    NationalRule(
        element="vitrine",
        reference=_ARRETE_2018,
        summary=(
            "Les vitrines s'éteignent à 1 h au plus tard, ou 1 h après la fin de l'activité si "
            "elle finit plus tard ; elles peuvent se rallumer à 7 h, ou 1 h avant le début de "
            "l'activité si elle commence plus tôt."
        ),
        valid_from=date(2019, 1, 1),
        off_at=time(1),
        on_at=time(7),
        activity_margin=HOUR,
    ),
    NationalRule(
        element="interieur",
        reference=_ARRETE_2018,
        summary=(
            "L'éclairage intérieur des locaux professionnels s'éteint au plus tard 1 h après le "
            "départ des dernières personnes présentes ; il peut se rallumer à 7 h, ou 1 h avant "
            "le début de l'activité si elle commence plus tôt."
        ),
        valid_from=date(2019, 1, 1),
        off_at=None,
        on_at=time(7),
        activity_margin=HOUR,
        occupation_doubt_until=time(1),
    ),
    NationalRule(
        element="enseigne",
        reference="Code de l'environnement, art. R581-59",
        summary=(
            "Les enseignes lumineuses sont éteintes entre 1 h et 6 h quand l'activité est "
            "terminée. Si l'activité finit ou commence entre minuit et 7 h, elles s'éteignent au "
            "plus tard 1 h après la fin et peuvent se rallumer 1 h avant la reprise."
        ),
        valid_from=date(2012, 7, 1),
        off_at=time(1),
        on_at=time(6),
        activity_margin=HOUR,
    ),
    NationalRule(
        element="publicite",
        reference=(
            "Code de l'environnement, art. R581-35 (modifié par le décret n° 2022-1294 "
            "du 5 octobre 2022)"
        ),
        summary=(
            "Les publicités lumineuses sont éteintes entre 1 h et 6 h partout en France, sauf "
            "dans l'emprise des aéroports et sur le mobilier urbain des transports en commun "
            "pendant leurs heures de service (en image fixe pour un écran)."
        ),
        valid_from=date(2022, 10, 7),
        off_at=time(1),
        on_at=time(6),
        activity_margin=None,
    ),
)

_ECOWATT_REFERENCE = "Code de l'énergie, art. L143-6-2 ; décret n° 2022-1331 du 17 octobre 2022"

ECOWATT_RULES = (
    EcoWattRule(
        reference=_ECOWATT_REFERENCE,
        summary=(
            "Pendant un signal EcoWatt rouge, les publicités numériques et celles dont l'éclairage "
            "se commande à distance doivent être éteintes, y compris à l'intérieur d'un local "
            "visible depuis la rue, dans les gares et dans les aéroports."
        ),
        digital_only=True,
        valid_from=date(2022, 10, 19),
        valid_until=date(2023, 5, 31),
    ),
    EcoWattRule(
        reference=_ECOWATT_REFERENCE,
        summary=(
            "Pendant un signal EcoWatt rouge, toutes les publicités lumineuses, éclairées ou "
            "numériques doivent être éteintes, y compris à l'intérieur d'un local visible depuis "
            "la rue, dans les gares et dans les aéroports."
        ),
        digital_only=False,
        valid_from=date(2023, 6, 1),
    ),
)


@dataclass(frozen=True, kw_only=True)
class Figure(Dated):
    """An energy figure used by the waste estimate, with the assumption behind it."""

    key: str
    value: float
    unit: str
    label: str
    source: str


_SINCE_FIRST_RULE = date(2012, 7, 1)

FIGURES = (
    Figure(
        key="power:vitrine",
        value=300,
        unit="W",
        label="Puissance d'une vitrine éclairée",
        source="Hypothèse : vitrine de petit commerce (exemple de 300 W de la fiche du projet).",
        valid_from=_SINCE_FIRST_RULE,
    ),
    Figure(
        key="power:interieur",
        value=500,
        unit="W",
        label="Puissance de l'éclairage intérieur",
        source="Hypothèse : local d'environ 50 m² éclairé à 10 W/m² (LED).",
        valid_from=_SINCE_FIRST_RULE,
    ),
    Figure(
        key="power:enseigne",
        value=150,
        unit="W",
        label="Puissance d'une enseigne lumineuse",
        source="Hypothèse : enseigne à LED de quelques mètres de long.",
        valid_from=_SINCE_FIRST_RULE,
    ),
    Figure(
        key="power:publicite",
        value=200,
        unit="W",
        label="Puissance d'une publicité éclairée",
        source="Hypothèse : caisson rétroéclairé d'environ 2 m².",
        valid_from=_SINCE_FIRST_RULE,
    ),
    Figure(
        key="power:publicite_numerique",
        value=1000,
        unit="W",
        label="Puissance d'un écran publicitaire numérique",
        source="Hypothèse : écran numérique d'environ 2 m² (ordre de grandeur, à confirmer).",
        valid_from=_SINCE_FIRST_RULE,
    ),
    Figure(
        key="price",
        value=0.10,
        unit="€/kWh",
        label="Prix de l'électricité",
        source=(
            "Ratio des chiffres du ministère pour ces règles : 200 M€ pour 2 TWh par an "
            "(estimation de 2018)."
        ),
        valid_from=_SINCE_FIRST_RULE,
        valid_until=date(2022, 12, 31),
    ),
    Figure(
        key="price",
        value=0.25,
        unit="€/kWh",
        label="Prix de l'électricité",
        source="Hypothèse : prix moyen TTC du kWh pour un petit professionnel depuis 2023.",
        valid_from=date(2023, 1, 1),
    ),
    Figure(
        key="co2",
        value=0.125,
        unit="kg CO2/kWh",
        label="Émissions par kWh",
        source=(
            "Ratio des chiffres du ministère pour ces règles : 250 000 t de CO2 pour 2 TWh par an."
        ),
        valid_from=_SINCE_FIRST_RULE,
    ),
    Figure(
        key="nights",
        value=365,
        unit="nuits/an",
        label="Nuits par an",
        source="Hypothèse : la même plage chaque nuit (fermetures et changements d'heure ignorés).",
        valid_from=_SINCE_FIRST_RULE,
    ),
)


def national_rule(element: str, day: date) -> NationalRule | None:
    return next((r for r in NATIONAL_RULES if r.element == element and r.in_force(day)), None)


def ecowatt_rule(day: date, digital: bool) -> EcoWattRule | None:
    rules = (r for r in ECOWATT_RULES if r.in_force(day) and (digital or not r.digital_only))
    return next(rules, None)


def figure(key: str, day: date) -> Figure:
    found = next((f for f in FIGURES if f.key == key and f.in_force(day)), None)
    if found is None:
        raise LookupError(f"No figure {key!r} in force on {day.isoformat()}")
    return found


# What the user reads, in one place: (noun phrase, "off" participle, "on" participle).
ELEMENT_WORDS = {
    "vitrine": ("la vitrine", "éteinte", "allumée"),
    "interieur": ("l'éclairage intérieur", "éteint", "allumé"),
    "enseigne": ("l'enseigne lumineuse", "éteinte", "allumée"),
    "publicite": ("la publicité lumineuse", "éteinte", "allumée"),
}

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

MESSAGES = {
    "headline.violation": "À {at}, {element} devrait être {off}.",
    "headline.allowed": "À {at}, {element} peut rester {on}.",
    "headline.uncertain": (
        "À {at}, nous ne pouvons pas dire avec certitude si {element} devrait être {off}."
    ),
    "window": "La nuit du {night}, l'extinction est obligatoire de {start} à {end}.",
    "window.none": "La nuit du {night}, aucune extinction n'est obligatoire.",
    "window.dst": (
        "C'est la nuit du changement d'heure : cette plage dure {real} h au lieu de {wall} h."
    ),
    "hours.known": "Horaires d'ouverture pris en compte : « {hours} ».",
    "hours.unknown": (
        "Les horaires d'ouverture ne sont pas connus : nous appliquons la règle nationale comme si "
        "l'activité se terminait avant minuit et reprenait après 8 h."
    ),
    "hours.open_now": "D'après ces horaires, le commerce est ouvert à ce moment-là.",
    "activity.both": "D'après ces horaires, l'activité s'arrête à {end} et reprend à {start}.",
    "activity.no_end": (
        "D'après ces horaires, le commerce n'ouvre pas ce soir-là ; il rouvre à {start}."
    ),
    "activity.no_start": (
        "D'après ces horaires, l'activité s'arrête à {end} et ne reprend pas le lendemain matin."
    ),
    "activity.none": (
        "D'après ces horaires, le commerce n'ouvre ni ce soir-là ni le lendemain matin."
    ),
    "doubt.unknown_hours": (
        "Sans horaires d'ouverture, nous ne savons pas si le commerce était encore ouvert, ou "
        "occupé, il y a moins d'une heure."
    ),
    "doubt.unknown_state": (
        "Les horaires d'ouverture indiquent une activité possible mais incertaine autour de ce "
        "moment."
    ),
    "doubt.occupation": (
        "Avant {until}, la lumière peut venir de personnes encore au travail (ménage, mise en "
        "rayon) : c'est permis jusqu'à 1 h après leur départ."
    ),
    "interior.caveat": (
        "Si des personnes travaillent encore dans les locaux, l'éclairage reste permis jusqu'à "
        "1 h après leur départ."
    ),
    "local": (
        "La commune applique une règle plus stricte : extinction de {start} à {end} ({source})."
    ),
    "local.summary": (
        "Règle locale : extinction de {start} à {end}, plus stricte que la règle nationale."
    ),
    "derogation": "Une dérogation couvre cette nuit dans la commune : {reason} ({reference}).",
    "derogation.summary": "Dérogation : {reason}.",
    "ecowatt": "Le signal EcoWatt est rouge. {summary}",
    "ad.airport": (
        "Cette publicité est dans l'emprise d'un aéroport : elle n'est pas soumise à l'extinction "
        "de 1 h à 6 h."
    ),
    "ad.transit": (
        "Sur le mobilier urbain des transports en commun, la publicité peut rester allumée pendant "
        "les heures de service (en image fixe pour un écran) ; nous ne connaissons pas ces heures."
    ),
    "ad.inside": (
        "Une publicité placée à l'intérieur d'un local n'est pas visée par la règle nationale "
        "d'extinction ; seul un règlement local de publicité peut l'encadrer."
    ),
    "no_rule": "Nous ne connaissons pas de règle en vigueur à cette date pour cet éclairage.",
    "no_rule.reference": "Aucun texte connu à cette date",
    "error.choice": "Valeur « {value} » inconnue : choisir parmi {choices}.",
    "error.at": (
        "Date et heure illisibles : attendu un format ISO 8601, par exemple 2024-03-30T02:30."
    ),
    "error.commune": "Code INSEE de commune illisible : attendu 5 caractères, par exemple 75056.",
    "error.ecowatt": "Signal EcoWatt inconnu : attendu 0, 1, 2 ou 3.",
    "error.opening_hours": (
        "Horaires d'ouverture illisibles (« {value} ») : problème au caractère {column}, "
        "format OpenStreetMap attendu, par exemple « Mo-Sa 09:00-19:00 »."
    ),
    "error.opening_hours.length": (
        "Horaires d'ouverture trop longs : {length} caractères, {max} au plus."
    ),
    "error.opening_hours.type": "Horaires d'ouverture : attendu un texte au format OpenStreetMap.",
    "error.hours": "Durée d'extinction impossible : attendu un nombre d'heures entre 0 et 24.",
}
