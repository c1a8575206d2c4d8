"""Cross-check of the dated chèque énergie scale against OpenFisca-France (run by hand).

OpenFisca-France is not a dependency of the platform (README: its figures and why). In a
throwaway environment where it is installed, run from the repository root:

    python -m reserve.apps.energie.openfisca_check

It computes `cheque_energie_montant` for a grid of household sizes and incomes over several
years and prints every difference with `diagnostic.cheque_energie` (none expected), the time to
load the model and the time per household.
"""

import sys
import time
from datetime import date

from .diagnostic import cheque_energie

SIZES = (1, 2, 3, 4, 6)
INCOMES = range(0, 24_001, 250)
YEARS = (2018, 2019, 2021, 2025)


def openfisca_amount(system, builder, size: int, income: float, year: int) -> float:
    people = [f"p{i}" for i in range(size)]
    case = {
        "individus": {person: {} for person in people},
        # The chèque of year N is computed on the reference tax income of year N-2.
        "foyers_fiscaux": {
            "f": {
                "declarants": people[:1],
                "personnes_a_charge": people[1:],
                "rfr": {str(year - 2): income},
            }
        },
        "menages": {"m": {"personne_de_reference": people[:1], "enfants": people[1:]}},
        "familles": {"fa": {"parents": people[:1], "enfants": people[1:]}},
    }
    simulation = builder().build_from_entities(system, case)
    return float(simulation.calculate("cheque_energie_montant", str(year))[0])


def main() -> int:
    started = time.perf_counter()
    from openfisca_core.simulation_builder import SimulationBuilder
    from openfisca_france import FranceTaxBenefitSystem

    system = FranceTaxBenefitSystem()
    loaded = time.perf_counter()
    differences, count = 0, 0
    for year in YEARS:
        for size in SIZES:
            for income in INCOMES:
                theirs = openfisca_amount(system, SimulationBuilder, size, income, year)
                ours = cheque_energie(size, income, date(year, 6, 1))["amount_eur"]
                count += 1
                if round(theirs) != ours:
                    differences += 1
                    print(f"{year} size={size} income={income}: openfisca={theirs} ours={ours}")
    done = time.perf_counter()
    print(
        f"load {loaded - started:.1f} s; {count} households, {differences} differences; "
        f"{(done - loaded) / count * 1000:.1f} ms a household"
    )
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
