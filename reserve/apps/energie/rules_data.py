"""Énergie's rules and figures as dated data: aid scales, DPE thresholds, prices, savings.

Every entry carries its validity period and its source: a new decree or a new price is a new
entry here, not an edit in the calculation (`diagnostic.py`). Nothing here is a French sentence:
the Django layer turns the message keys of a result into the reader's language.
Pure module: no Django import.
"""

from dataclasses import dataclass
from datetime import date

REGIONS = ("ile-de-france", "other")
DPE_CLASSES = ("A", "B", "C", "D", "E", "F", "G")
PASSOIRE_CLASSES = ("F", "G")
CATEGORIES = ("blue", "yellow", "violet", "pink")
ENERGIES = ("electricity", "gas", "fuel_oil", "wood")
DWELLINGS = ("flat", "house")
# Climate zones where the altitude adjustment of the DPE applies above ALTITUDE_M.
ALTITUDE_ZONES = ("H1b", "H1c", "H2d")
ALTITUDE_M = 800
SMALL_DWELLING_M2 = 40
# Chèque énergie consumption units: the first person, the second, each other one.
UC_FIRST, UC_SECOND, UC_OTHER = 1.0, 0.5, 0.3


@dataclass(frozen=True, kw_only=True)
class Dated:
    """In force from `valid_from` to `valid_until`, both inclusive (None: no end yet)."""

    valid_from: date
    valid_until: date | None = None
    source: str

    def in_force(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


def in_force(entries, day: date):
    """The entry of `entries` in force on `day`, or None when none was."""
    return next((entry for entry in entries if entry.in_force(day)), None)


# --- Chèque énergie --------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ChequeScale(Dated):
    """Amount by reference tax income per consumption unit (RFR/UC).

    `brackets` are (upper bound of RFR/UC, excluded; amounts for 1 UC, more than 1 and less
    than 2 UC, 2 UC or more). Above the last bound: no chèque.
    """

    brackets: tuple[tuple[int, tuple[int, int, int]], ...]


_DECRET_2016 = (
    "Décret n° 2016-555 du 6 mai 2016 relatif au chèque énergie (code de l'énergie R124-1)"
)
_ARRETE_2018 = (
    "Arrêté du 26 décembre 2018 modifiant le plafond et la valeur faciale du chèque énergie"
)
_ARRETE_2021 = "Arrêté du 24 février 2021 modifiant le seuil d'éligibilité au chèque énergie"

CHEQUE_SCALES = (
    ChequeScale(
        valid_from=date(2018, 1, 1),
        valid_until=date(2018, 12, 31),
        source=_DECRET_2016,
        brackets=(
            (5600, (144, 190, 227)),
            (6700, (96, 126, 152)),
            (7700, (48, 63, 76)),
        ),
    ),
    ChequeScale(
        valid_from=date(2019, 1, 1),
        valid_until=date(2020, 12, 31),
        source=_ARRETE_2018,
        brackets=(
            (5600, (194, 240, 277)),
            (6700, (146, 176, 202)),
            (7700, (98, 113, 126)),
            (10700, (48, 63, 76)),
        ),
    ),
    ChequeScale(
        valid_from=date(2021, 1, 1),
        source=_ARRETE_2021,
        brackets=(
            (5600, (194, 240, 277)),
            (6700, (146, 176, 202)),
            (7700, (98, 113, 126)),
            (10800, (48, 63, 76)),
        ),
    ),
)

# --- MaPrimeRénov' ----------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class RenovationCeilings(Dated):
    """Income ceilings (RFR) of the blue, yellow and violet categories; above violet: pink.

    `by_size[region]` lists the ceilings for 1 to 5 people; `extra[region]` is added for each
    person beyond five. `routes` names which categories each route is open to, and
    `ampleur_dpe` the DPE classes the accompanied route is limited to (empty: any).
    """

    by_size: dict[str, tuple[tuple[int, int, int], ...]]
    extra: dict[str, tuple[int, int, int]]
    routes: dict[str, tuple[str, ...]]
    ampleur_dpe: tuple[str, ...] = ()


_ANAH = "Anah, barème des plafonds de ressources MaPrimeRénov' au 1er janvier %d"
_ANAH_SEPT_2025 = (
    "Anah, MaPrimeRénov' parcours accompagné réservé aux logements classés E, F ou G "
    "à partir du 30 septembre 2025"
)

RENOVATION_CEILINGS = (
    RenovationCeilings(
        valid_from=date(2024, 1, 1),
        valid_until=date(2024, 12, 31),
        source=_ANAH % 2024,
        by_size={
            "ile-de-france": (
                (23541, 28657, 40018),
                (34551, 42058, 58827),
                (41493, 50513, 70382),
                (48447, 58981, 82839),
                (55427, 67473, 94844),
            ),
            "other": (
                (17009, 21805, 30549),
                (24875, 31889, 44907),
                (29917, 38349, 54071),
                (34948, 44802, 63235),
                (40002, 51281, 72400),
            ),
        },
        extra={"ile-de-france": (6970, 8486, 12006), "other": (5045, 6462, 9165)},
        routes={"ampleur": CATEGORIES, "geste": ("blue", "yellow", "violet")},
    ),
    RenovationCeilings(
        valid_from=date(2025, 1, 1),
        valid_until=date(2025, 9, 29),
        source=_ANAH % 2025,
        by_size={
            "ile-de-france": (
                (23768, 28933, 40404),
                (34884, 42463, 59394),
                (41893, 51000, 71060),
                (48914, 59549, 83637),
                (55961, 68123, 95758),
            ),
            "other": (
                (17173, 22015, 30844),
                (25155, 32197, 45340),
                (30206, 38719, 54592),
                (35285, 45234, 63844),
                (40388, 51775, 73098),
            ),
        },
        extra={"ile-de-france": (7038, 8568, 12122), "other": (5094, 6525, 9254)},
        routes={"ampleur": CATEGORIES, "geste": ("blue", "yellow")},
    ),
)
RENOVATION_CEILINGS += (
    RenovationCeilings(
        valid_from=date(2025, 9, 30),
        source=f"{_ANAH % 2025} ; {_ANAH_SEPT_2025}",
        by_size=RENOVATION_CEILINGS[1].by_size,
        extra=RENOVATION_CEILINGS[1].extra,
        routes=RENOVATION_CEILINGS[1].routes,
        ampleur_dpe=("E", "F", "G"),
    ),
)

# --- DPE -------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class DpeThresholds(Dated):
    """Upper bounds (excluded) of classes A to F, energy (kWh EP/m²/yr) and GHG (kg CO2eq/m²/yr).

    `altitude` replaces the E and F bounds in the ALTITUDE_ZONES above ALTITUDE_M metres.
    `small_dwelling_from`: from that date, dwellings under SMALL_DWELLING_M2 have raised
    thresholds (a table by square metre in the arrêté) which this module does not hold.
    """

    energy: tuple[int, int, int, int, int, int]
    ghg: tuple[int, int, int, int, int, int]
    altitude_energy_ef: tuple[int, int]
    altitude_ghg_ef: tuple[int, int]
    small_dwelling_from: date | None = None


DPE_THRESHOLDS = (
    DpeThresholds(
        valid_from=date(2021, 7, 1),
        source=(
            "Arrêté du 31 mars 2021 relatif au diagnostic de performance énergétique, annexe 1 ; "
            "arrêté du 25 mars 2024 (logements de moins de 40 m², en vigueur le 1er juillet 2024)"
        ),
        energy=(70, 110, 180, 250, 330, 420),
        ghg=(6, 11, 30, 50, 70, 100),
        altitude_energy_ef=(390, 500),
        altitude_ghg_ef=(80, 110),
        small_dwelling_from=date(2024, 7, 1),
    ),
)


@dataclass(frozen=True, kw_only=True)
class PrimaryCoefficient(Dated):
    """Primary-energy coefficient of electricity used by the DPE (other energies: 1)."""

    value: float


PRIMARY_COEFFICIENTS = (
    PrimaryCoefficient(
        valid_from=date(2021, 7, 1),
        valid_until=date(2025, 12, 31),
        value=2.3,
        source="Arrêté du 31 mars 2021 relatif au diagnostic de performance énergétique",
    ),
    PrimaryCoefficient(
        valid_from=date(2026, 1, 1),
        value=1.9,
        source="Arrêté du 13 août 2025 modifiant le coefficient de conversion de l'électricité",
    ),
)


@dataclass(frozen=True, kw_only=True)
class RentalBan(Dated):
    """From `valid_from`, a dwelling of `dpe_class` may no longer be let as decent housing."""

    dpe_class: str


_CLIMAT = "Loi n° 2021-1104 du 22 août 2021 (Climat et résilience), art. 160 ; décret n° 2021-19"
RENTAL_BANS = (
    RentalBan(valid_from=date(2025, 1, 1), dpe_class="G", source=_CLIMAT),
    RentalBan(valid_from=date(2028, 1, 1), dpe_class="F", source=_CLIMAT),
    RentalBan(valid_from=date(2034, 1, 1), dpe_class="E", source=_CLIMAT),
)
RENT_FREEZE = RentalBan(valid_from=date(2022, 8, 24), dpe_class="F", source=_CLIMAT)

# --- Energy precarity ------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class PrecarityRule(Dated):
    """Effort rate above `effort_threshold` and income per UC below `third_decile_per_uc`."""

    effort_threshold: float
    third_decile_per_uc: int


PRECARITY_RULES = (
    PrecarityRule(
        valid_from=date(2018, 1, 1),
        effort_threshold=0.08,
        third_decile_per_uc=18930,
        source=(
            "ONPE, indicateur de taux d'effort énergétique des trois premiers déciles (TEE_3D, "
            "seuil 8 %) ; Insee, 3e décile de niveau de vie par unité de consommation, 2022"
        ),
    ),
)

# --- Prices (incl. tax) ----------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Price(Dated):
    energy: str
    eur_per_kwh: float
    subscription_eur_year: float = 0.0


PRICES = (
    Price(
        valid_from=date(2026, 2, 1),
        energy="electricity",
        eur_per_kwh=0.1940,
        source="Tarif réglementé de vente d'électricité, option base, au 1er février 2026",
    ),
    Price(
        valid_from=date(2025, 2, 1),
        valid_until=date(2026, 1, 31),
        energy="electricity",
        eur_per_kwh=0.2016,
        source="Tarif réglementé de vente d'électricité, option base, au 1er février 2025",
    ),
    Price(
        valid_from=date(2026, 1, 1),
        energy="gas",
        eur_per_kwh=0.10192,
        subscription_eur_year=343.90,
        source="Prix repère de vente de gaz, janvier 2026 (CRE)",
    ),
    Price(
        valid_from=date(2025, 4, 1),
        energy="fuel_oil",
        eur_per_kwh=0.1154,
        source="Ministère de la transition écologique, prix du fioul domestique, 2e trimestre 2025",
    ),
    Price(
        valid_from=date(2025, 4, 1),
        energy="wood",
        eur_per_kwh=0.075,
        source="Ministère de la transition écologique, granulés de bois en vrac, 2e trimestre 2025",
    ),
)


def price(energy: str, day: date) -> Price | None:
    """The price of `energy` in force on `day`; the earliest known one before it otherwise."""
    known = [p for p in PRICES if p.energy == energy]
    current = in_force(known, day)
    if current is not None:
        return current
    return min(known, key=lambda p: p.valid_from, default=None)


# --- Small measures --------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Measure(Dated):
    """A small measure: the share it saves of one use of energy, and what it costs to fit.

    `use` is "heating" or "electricity"; `share_flat`/`share_house` the share saved; the
    measure applies only to the listed heating energies when `energies` is not empty.
    """

    key: str
    use: str
    share_flat: float
    share_house: float
    cost_eur: int
    energies: tuple[str, ...] = ()


_ADEME = "ADEME, « Réduire sa facture d'électricité et de chauffage », guide pratique 2024"
MEASURES = (
    Measure(
        valid_from=date(2018, 1, 1),
        key="thermostat",
        use="heating",
        share_flat=0.10,
        share_house=0.10,
        cost_eur=60,
        source=f"{_ADEME} (jusqu'à 15 % du chauffage ; 10 % retenus)",
    ),
    Measure(
        valid_from=date(2018, 1, 1),
        key="radiator_valves",
        use="heating",
        share_flat=0.05,
        share_house=0.05,
        cost_eur=40,
        energies=("gas", "fuel_oil", "wood"),
        source=f"{_ADEME} (5 à 10 % du chauffage ; 5 % retenus)",
    ),
    Measure(
        valid_from=date(2018, 1, 1),
        key="one_degree",
        use="heating",
        share_flat=0.07,
        share_house=0.07,
        cost_eur=0,
        source=f"{_ADEME} (environ 7 % du chauffage par degré)",
    ),
    Measure(
        valid_from=date(2018, 1, 1),
        key="draught_proofing",
        use="heating",
        share_flat=0.05,
        share_house=0.08,
        cost_eur=25,
        source="Effinergie, calfeutrage : 5 % (appartement) à 8 % (maison) du chauffage",
    ),
    Measure(
        valid_from=date(2018, 1, 1),
        key="led",
        use="electricity",
        share_flat=0.04,
        share_house=0.04,
        cost_eur=20,
        source=f"{_ADEME} (une LED éclaire 5 fois plus par watt ; l'éclairage pèse ~5 % de "
        "l'électricité hors chauffage, 4 % retenus)",
    ),
    Measure(
        valid_from=date(2018, 1, 1),
        key="power_strips",
        use="electricity",
        share_flat=0.05,
        share_house=0.05,
        cost_eur=15,
        source=f"{_ADEME} (les veilles peuvent atteindre 10 % de la facture ; 5 % retenus)",
    ),
    Measure(
        valid_from=date(2018, 1, 1),
        key="aerators",
        use="hot_water",
        share_flat=0.30,
        share_house=0.30,
        cost_eur=10,
        source=f"{_ADEME} (30 à 50 % d'eau en moins au robinet et à la douche ; 30 % retenus)",
    ),
)
MEASURE_KEYS = tuple(m.key for m in MEASURES)


# How a household's yearly energy use splits when only the bill is known: shares of the bill
# by use, for a dwelling heated with the given energy (the rest is specific electricity).
@dataclass(frozen=True, kw_only=True)
class UseSplit(Dated):
    heating: float
    hot_water: float
    electricity: float


USE_SPLIT = (
    UseSplit(
        valid_from=date(2018, 1, 1),
        heating=0.66,
        hot_water=0.11,
        electricity=0.23,
        source=(
            "ADEME / CEREN, consommation d'énergie des résidences principales par usage : "
            "chauffage 66 %, eau chaude 11 %, électricité spécifique et cuisson 23 %"
        ),
    ),
)

# --- Where to turn ---------------------------------------------------------------------------

CONTACTS = (
    "france_renov",  # the local France Rénov' advisor: renovation aids, free and neutral
    "fsl",  # the housing solidarity fund (department): help with unpaid energy bills
    "adil",  # the departmental housing information agency: a tenant's rights
)
