"""Estimated waste of a light left on when it should be off: kWh a night, € and kg CO2 a year.

Pure module (no Django import). There is no official figure per shop, so every estimate carries
the dated assumptions it rests on (`rules_data.FIGURES`) next to the numbers.
"""

from dataclasses import dataclass
from datetime import date

from . import rules_data as data
from .rules import InvalidInput


@dataclass(frozen=True)
class Assumption:
    """One figure the estimate rests on; `label` and `source` are message keys."""

    label: str
    value: float
    unit: str
    source: str


@dataclass(frozen=True)
class WasteEstimate:
    hours_per_night: float
    kwh_per_night: float
    kwh_per_year: float
    eur_per_year: float
    kg_co2_per_year: float
    assumptions: tuple[Assumption, ...]


def estimate_waste(
    element: str, forbidden_hours: float, on: date, *, digital: bool = False
) -> WasteEstimate:
    """Estimate what `element` lit through `forbidden_hours` a night wastes, with figures of `on`.

    For a verdict: `estimate_waste(v.element, v.forbidden_hours, v.night_of, digital=...)`.
    Raises `InvalidInput` for an unknown element or a duration outside 0-24 h, and
    `LookupError` when no figure is known for that date.
    """
    if element not in data.ELEMENTS:
        raise InvalidInput(
            "element", "error.choice", value=str(element), choices=", ".join(data.ELEMENTS)
        )
    if not 0 <= forbidden_hours <= 24:
        raise InvalidInput("forbidden_hours", "error.hours")
    power = data.figure(_power_key(element, digital), on)
    price, co2, nights = (data.figure(key, on) for key in ("price", "co2", "nights"))
    kwh_per_night = power.value * forbidden_hours / 1000
    kwh_per_year = kwh_per_night * nights.value
    return WasteEstimate(
        hours_per_night=forbidden_hours,
        kwh_per_night=round(kwh_per_night, 3),
        kwh_per_year=round(kwh_per_year, 3),
        eur_per_year=round(kwh_per_year * price.value, 2),
        kg_co2_per_year=round(kwh_per_year * co2.value, 3),
        assumptions=tuple(_assumption(f) for f in (power, price, co2, nights)),
    )


def _power_key(element: str, digital: bool) -> str:
    return "power:publicite_numerique" if element == "publicite" and digital else f"power:{element}"


def _assumption(figure: data.Figure) -> Assumption:
    return Assumption(figure.label, figure.value, figure.unit, figure.source)
