"""Night-lighting rules and energy figures for LightsOff, as dated data.

Every rule and figure carries its validity period and its source: a new decree is a new entry
here, not an edit in the engine (`rules.py`, `waste.py`). What a user reads is not here: rules,
figures and verdicts carry message keys (`summary.vitrine.2019`, `figure.price`…) that the Django
layer (`explain.py`) turns into sentences in the reader's language.
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
    summary: str  # message key
    off_at: time | None
    on_at: time
    activity_margin: timedelta | None
    occupation_doubt_until: time | None = None


@dataclass(frozen=True, kw_only=True)
class EcoWattRule(Dated):
    """Advertising to switch off during an EcoWatt red signal."""

    reference: str
    summary: str  # message key
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
        summary="summary.vitrine.2019",
        valid_from=date(2019, 1, 1),
        off_at=time(1),
        on_at=time(7),
        activity_margin=HOUR,
    ),
    NationalRule(
        element="interieur",
        reference=_ARRETE_2018,
        summary="summary.interieur.2019",
        valid_from=date(2019, 1, 1),
        off_at=None,
        on_at=time(7),
        activity_margin=HOUR,
        occupation_doubt_until=time(1),
    ),
    NationalRule(
        element="enseigne",
        reference="Code de l'environnement, art. R581-59",
        summary="summary.enseigne.2012",
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
        summary="summary.publicite.2022",
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
        summary="summary.ecowatt.2022",
        digital_only=True,
        valid_from=date(2022, 10, 19),
        valid_until=date(2023, 5, 31),
    ),
    EcoWattRule(
        reference=_ECOWATT_REFERENCE,
        summary="summary.ecowatt.2023",
        digital_only=False,
        valid_from=date(2023, 6, 1),
    ),
)


@dataclass(frozen=True, kw_only=True)
class Figure(Dated):
    """An energy figure used by the waste estimate, with the assumption behind it.

    `label` and `source` are message keys; `unit` is a symbol (W, €/kWh…) or `nights/year`.
    """

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
        label="figure.power.vitrine",
        source="source.power.vitrine",
        valid_from=_SINCE_FIRST_RULE,
    ),
    Figure(
        key="power:interieur",
        value=500,
        unit="W",
        label="figure.power.interieur",
        source="source.power.interieur",
        valid_from=_SINCE_FIRST_RULE,
    ),
    Figure(
        key="power:enseigne",
        value=150,
        unit="W",
        label="figure.power.enseigne",
        source="source.power.enseigne",
        valid_from=_SINCE_FIRST_RULE,
    ),
    Figure(
        key="power:publicite",
        value=200,
        unit="W",
        label="figure.power.publicite",
        source="source.power.publicite",
        valid_from=_SINCE_FIRST_RULE,
    ),
    Figure(
        key="power:publicite_numerique",
        value=1000,
        unit="W",
        label="figure.power.publicite_numerique",
        source="source.power.publicite_numerique",
        valid_from=_SINCE_FIRST_RULE,
    ),
    Figure(
        key="price",
        value=0.10,
        unit="€/kWh",
        label="figure.price",
        source="source.price.2018",
        valid_from=_SINCE_FIRST_RULE,
        valid_until=date(2022, 12, 31),
    ),
    Figure(
        key="price",
        value=0.25,
        unit="€/kWh",
        label="figure.price",
        source="source.price.2023",
        valid_from=date(2023, 1, 1),
    ),
    Figure(
        key="co2",
        value=0.125,
        unit="kg CO2/kWh",
        label="figure.co2",
        source="source.co2",
        valid_from=_SINCE_FIRST_RULE,
    ),
    Figure(
        key="nights",
        value=365,
        unit="nights/year",
        label="figure.nights",
        source="source.nights",
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
