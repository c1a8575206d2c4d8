"""A household's energy diagnostic: aids it is owed, its DPE class, effort rate and advice.

Pure module (no Django import): a `Household` and a date in, a plain dict out. Every part of the
result names its rule with a message key and parameters (`{"key": ..., "params": {...}}`) and its
source, so the Django layer can explain it in the reader's language. Rules are chosen by date
(`rules_data`): a past date gives the rules then in force. A simulation, not a decision.
"""

import math
from dataclasses import dataclass, field
from datetime import date

from . import rules_data as data

MAX_HOUSEHOLD = 30
MAX_INCOME = 10_000_000
MAX_SURFACE = 2_000
MAX_PRIMARY = 2_000
MAX_GHG = 500
MAX_BILL = 100_000


class InvalidInput(ValueError):
    """Bad input on one field: `key` and `params` say what is wrong, for translation."""

    def __init__(self, field: str, key: str, **params) -> None:
        super().__init__(f"{field}: {key}")
        self.field = field
        self.key = key
        self.params = params


class InvalidInputs(ValueError):
    """Every bad field of one input, so that a caller can name them all at once."""

    def __init__(self, errors: list[InvalidInput]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


@dataclass(frozen=True, kw_only=True)
class Household:
    household_size: int
    reference_tax_income: float | None
    region: str
    surface_m2: float | None = None
    primary_energy_kwh_m2: float | None = None
    ghg_kg_m2: float | None = None
    annual_energy_bill_eur: float | None = None
    dwelling: str = "flat"
    heating_energy: str | None = None
    climate_zone: str | None = None
    altitude_m: int | None = None
    tenant: bool | None = None
    extras: dict = field(default_factory=dict)


def explain(key: str, **params) -> dict:
    return {"key": key, "params": params}


def validate(household: Household, *, income_required: bool = True) -> Household:
    """The household if every field is acceptable; `InvalidInputs` naming each bad one."""
    errors = []

    def number(name, value, low, high, *, required=False, integer=False):
        if value is None:
            if required:
                errors.append(InvalidInput(name, "error.required"))
            return
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            errors.append(InvalidInput(name, "error.number"))
        elif integer and not float(value).is_integer():
            errors.append(InvalidInput(name, "error.integer"))
        elif not low <= value <= high:
            errors.append(InvalidInput(name, "error.range", low=low, high=high))

    number(
        "household_size", household.household_size, 1, MAX_HOUSEHOLD, required=True, integer=True
    )
    number(
        "reference_tax_income",
        household.reference_tax_income,
        0,
        MAX_INCOME,
        required=income_required,
    )
    if household.region not in data.REGIONS:
        errors.append(InvalidInput("region", "error.choice", choices=", ".join(data.REGIONS)))
    number("surface_m2", household.surface_m2, 1, MAX_SURFACE)
    number("primary_energy_kwh_m2", household.primary_energy_kwh_m2, 0, MAX_PRIMARY)
    number("ghg_kg_m2", household.ghg_kg_m2, 0, MAX_GHG)
    number("annual_energy_bill_eur", household.annual_energy_bill_eur, 0, MAX_BILL)
    number("altitude_m", household.altitude_m, -100, 5000, integer=True)
    for name, value, choices in (
        ("dwelling", household.dwelling, data.DWELLINGS),
        ("heating_energy", household.heating_energy, data.ENERGIES),
        ("climate_zone", household.climate_zone, data.ALTITUDE_ZONES + ("other",)),
    ):
        if value is not None and value not in choices:
            errors.append(InvalidInput(name, "error.choice", choices=", ".join(choices)))
    if (household.primary_energy_kwh_m2 is None) != (household.ghg_kg_m2 is None):
        missing = "ghg_kg_m2" if household.ghg_kg_m2 is None else "primary_energy_kwh_m2"
        errors.append(InvalidInput(missing, "error.dpe_pair"))
    if errors:
        raise InvalidInputs(errors)
    return household


def consumption_units(household_size: int) -> float:
    """1 for the first person, 0.5 for the second, 0.3 for each other one (chèque énergie)."""
    others = max(household_size - 2, 0)
    second = 1 if household_size >= 2 else 0
    return round(data.UC_FIRST + data.UC_SECOND * second + data.UC_OTHER * others, 2)


def cheque_energie(household_size: int, income: float | None, day: date) -> dict:
    """The chèque énergie amount for a household of `household_size` with RFR `income`."""
    units = consumption_units(household_size)
    scale = data.in_force(data.CHEQUE_SCALES, day)
    base = {"consumption_units": units, "amount_eur": 0, "income_per_uc": None}
    if scale is None:
        return {**base, "explanation": explain("cheque.no_rules"), "source": ""}
    if income is None:
        return {**base, "explanation": explain("cheque.no_income"), "source": scale.source}
    per_uc = income / units
    column = 0 if units <= 1 else (1 if units < 2 else 2)
    ceiling = scale.brackets[-1][0]
    amount = next((amounts[column] for bound, amounts in scale.brackets if per_uc < bound), 0)
    key = "cheque.amount" if amount else "cheque.above_ceiling"
    return {
        **base,
        "amount_eur": amount,
        "income_per_uc": round(per_uc),
        "explanation": explain(
            key, units=units, income_per_uc=round(per_uc), amount=amount, ceiling=ceiling
        ),
        "source": scale.source,
    }


def renovation_category(
    household_size: int, income: float | None, region: str, day: date, dpe_class: str | None
) -> dict:
    """The MaPrimeRénov' category (blue, yellow, violet, pink) and the routes open to it."""
    rules = data.in_force(data.RENOVATION_CEILINGS, day)
    if rules is None:
        return {
            "category": None,
            "routes": [],
            "explanation": explain("mpr.no_rules"),
            "source": "",
        }
    if income is None:
        return {
            "category": None,
            "routes": [],
            "explanation": explain("mpr.no_income"),
            "source": rules.source,
        }
    ceilings = ceilings_for(rules, household_size, region)
    index = next((i for i, ceiling in enumerate(ceilings) if income <= ceiling), 3)
    category = data.CATEGORIES[index]
    routes = []
    for route, categories in rules.routes.items():
        if category not in categories:
            continue
        if route == "ampleur" and rules.ampleur_dpe:
            if dpe_class is not None and dpe_class not in rules.ampleur_dpe:
                continue
            routes.append({"route": route, "condition": explain("mpr.route.dpe_limited")})
        else:
            routes.append({"route": route, "condition": None})
    params = {"size": household_size, "region": region, "category": category}
    if index < 3:
        params["ceiling"] = ceilings[index]
    return {
        "category": category,
        "ceilings": list(ceilings),
        "routes": routes,
        "explanation": explain(f"mpr.{'within' if index < 3 else 'above'}", **params),
        "source": rules.source,
    }


def ceilings_for(rules: data.RenovationCeilings, household_size: int, region: str) -> tuple:
    by_size = rules.by_size[region]
    if household_size <= len(by_size):
        return by_size[household_size - 1]
    beyond = household_size - len(by_size)
    return tuple(
        last + beyond * step for last, step in zip(by_size[-1], rules.extra[region], strict=True)
    )


def _class_of(value: float, bounds: tuple[int, ...]) -> str:
    return next(
        (c for c, bound in zip(data.DPE_CLASSES[:6], bounds, strict=True) if value < bound), "G"
    )


def dpe_class(household: Household, day: date) -> dict | None:
    """The DPE class from the figures: the worse of the energy and greenhouse-gas classes."""
    if household.primary_energy_kwh_m2 is None or household.ghg_kg_m2 is None:
        return None
    rules = data.in_force(data.DPE_THRESHOLDS, day)
    if rules is None:
        return {"class": None, "explanation": explain("dpe.no_rules"), "source": ""}
    energy, ghg = list(rules.energy), list(rules.ghg)
    notes = []
    high = (
        household.climate_zone in data.ALTITUDE_ZONES
        and (household.altitude_m or 0) > data.ALTITUDE_M
    )
    if high:
        energy[4:6], ghg[4:6] = rules.altitude_energy_ef, rules.altitude_ghg_ef
        notes.append(explain("dpe.altitude", zone=household.climate_zone, metres=data.ALTITUDE_M))
    small = (
        rules.small_dwelling_from is not None
        and day >= rules.small_dwelling_from
        and household.surface_m2 is not None
        and household.surface_m2 < data.SMALL_DWELLING_M2
    )
    if small:
        notes.append(explain("dpe.small_dwelling", surface=data.SMALL_DWELLING_M2))
    energy_class = _class_of(household.primary_energy_kwh_m2, tuple(energy))
    ghg_class = _class_of(household.ghg_kg_m2, tuple(ghg))
    worse = max(energy_class, ghg_class)
    return {
        "class": worse,
        "energy_class": energy_class,
        "ghg_class": ghg_class,
        "passoire": worse in data.PASSOIRE_CLASSES,
        "explanation": explain(
            "dpe.double_threshold",
            energy=household.primary_energy_kwh_m2,
            energy_class=energy_class,
            ghg=household.ghg_kg_m2,
            ghg_class=ghg_class,
            dpe_class=worse,
        ),
        "notes": notes,
        "rental": rental(worse, day),
        "source": rules.source,
    }


def rental(dpe_class: str, day: date) -> dict:
    """What the class means for a tenant on `day`: banned from letting since / from when."""
    ban = next((b for b in data.RENTAL_BANS if b.dpe_class == dpe_class), None)
    frozen = dpe_class >= data.RENT_FREEZE.dpe_class and day >= data.RENT_FREEZE.valid_from
    if ban is None:
        key, since = "rental.allowed", None
    else:
        key = "rental.banned" if day >= ban.valid_from else "rental.banned_from"
        since = ban.valid_from.isoformat()
    return {
        "banned": ban is not None and day >= ban.valid_from,
        "banned_from": since,
        "rent_frozen": frozen,
        "explanation": explain(key, dpe_class=dpe_class, date=since),
        "source": data.RENTAL_BANS[0].source,
    }


def energy_use(household: Household, day: date) -> dict | None:
    """Estimated yearly consumption (kWh) from the bill and the price of the heating energy."""
    bill = household.annual_energy_bill_eur
    if bill is None:
        return None
    energy = household.heating_energy or "electricity"
    split = data.in_force(data.USE_SPLIT, day) or data.USE_SPLIT[0]
    heating_price = data.price(energy, day)
    electricity = data.price("electricity", day)
    # The bill covers heating and hot water in the heating energy, the rest in electricity.
    electric_eur = bill * split.electricity if energy != "electricity" else bill
    heat_eur = max(bill - electric_eur - heating_price.subscription_eur_year, 0)
    heat_kwh = heat_eur / heating_price.eur_per_kwh if energy != "electricity" else 0
    electric_kwh = electric_eur / electricity.eur_per_kwh
    total = heat_kwh + electric_kwh
    result = {
        "kwh_year": round(total),
        "eur_year": round(bill),
        "heating_energy": energy,
        "explanation": explain(
            "use.from_bill",
            bill=round(bill),
            kwh=round(total),
            energy=energy,
            price=heating_price.eur_per_kwh,
            price_date=heating_price.valid_from.isoformat(),
        ),
        "source": f"{heating_price.source} ; {split.source}",
    }
    if household.surface_m2:
        result["kwh_m2_year"] = round(total / household.surface_m2)
    return result


def effort(household: Household, day: date) -> dict | None:
    """The effort rate (energy bill ÷ income) and the energy-precarity indicator."""
    income, bill = household.reference_tax_income, household.annual_energy_bill_eur
    if bill is None or not income:
        return None
    rule = data.in_force(data.PRECARITY_RULES, day) or data.PRECARITY_RULES[0]
    rate = bill / income
    per_uc = income / consumption_units(household.household_size)
    low_income = per_uc < rule.third_decile_per_uc
    precarious = rate > rule.effort_threshold and low_income
    if precarious:
        key = "effort.precarious"
    elif rate > rule.effort_threshold:
        key = "effort.high_not_low_income"
    else:
        key = "effort.below"
    return {
        "rate": round(rate, 4),
        "precarious": precarious,
        "low_income": low_income,
        "explanation": explain(
            key,
            rate=round(rate * 100, 1),
            threshold=round(rule.effort_threshold * 100),
            income_per_uc=round(per_uc),
            decile=rule.third_decile_per_uc,
        ),
        "source": rule.source,
    }


def advice(household: Household, day: date) -> list[dict]:
    """Each small measure with the € and kWh it saves this household a year, and why."""
    use = energy_use(household, day)
    if use is None:
        return []
    energy = use["heating_energy"]
    split = data.in_force(data.USE_SPLIT, day) or data.USE_SPLIT[0]
    bill = household.annual_energy_bill_eur
    heating_price = data.price(energy, day)
    electricity = data.price("electricity", day)
    heat_eur = bill * split.heating
    water_eur = bill * split.hot_water
    electric_eur = bill * split.electricity
    lines = []
    for measure in data.MEASURES:
        if not measure.in_force(day):
            continue
        if measure.energies and energy not in measure.energies:
            continue
        share = measure.share_house if household.dwelling == "house" else measure.share_flat
        base_eur, unit_price = {
            "heating": (heat_eur, heating_price.eur_per_kwh),
            "hot_water": (water_eur, heating_price.eur_per_kwh),
            "electricity": (electric_eur, electricity.eur_per_kwh),
        }[measure.use]
        eur = base_eur * share
        lines.append(
            {
                "measure": measure.key,
                "eur_year": round(eur),
                "kwh_year": round(eur / unit_price),
                "cost_eur": measure.cost_eur,
                "explanation": explain(
                    f"advice.{measure.use}",
                    share=round(share * 100),
                    base_eur=round(base_eur),
                    eur=round(eur),
                ),
                "source": measure.source,
            }
        )
    return sorted(lines, key=lambda line: -line["eur_year"])


def diagnose(household: Household, day: date, *, income_required: bool = True) -> dict:
    """The whole diagnostic of `household` with the rules in force on `day`.

    Raises `InvalidInputs` naming every bad field.
    """
    validate(household, income_required=income_required)
    size, income = household.household_size, household.reference_tax_income
    dpe = dpe_class(household, day)
    cheque = cheque_energie(size, income, day)
    renovation = renovation_category(
        size, income, household.region, day, dpe["class"] if dpe else None
    )
    precarity = effort(household, day)
    return {
        "date": day.isoformat(),
        "cheque_energie": cheque,
        "maprimerenov": renovation,
        "dpe": dpe,
        "effort_rate": precarity["rate"] if precarity else None,
        "precarity": precarity,
        "consumption": energy_use(household, day),
        "advice": advice(household, day),
        "contacts": [
            {"key": key, "explanation": explain(f"contact.{key}")} for key in data.CONTACTS
        ],
        "aids_eur_year": cheque["amount_eur"],
        "disclaimer": explain("disclaimer"),
    }
