"""Allocation of scarce equipment kits: which household gets which kit, fitted by which
volunteer, to save the most € a year, weighted towards the most precarious households.

Pure Python (numpy and OR-Tools, no Django): a JSON instance in, a JSON result out; the same
instance always gives the same result. Format: docs/energie-allocation-format.md.

How it works, in plain words
----------------------------
1. Rules. A household gets at most one kit, of a type it would save money with, from the stock of
   its area (or of a kit for anywhere), fitted by a volunteer who covers its area and has a visit
   left; the kits' total cost stays within the budget.
2. Value. A kit given to a household is worth its yearly saving × the household's precarity
   weight; the plan maximises the total.
3. Solving. Without the budget the problem is a min-cost flow (OR-Tools): source → kit type
   (stock) → household (one kit) → area → volunteer → sink (visits). The budget is priced in:
   each kit's arc costs its value less a price × its cost, the price found by bisection
   (Lagrangian relaxation). A plan that fits the budget at price 0 is optimal; otherwise the best
   plan within budget is completed greedily and compared with the Lagrangian bound. Up to
   EXACT_PAIR_LIMIT candidate pairs, CP-SAT then solves the exact model and proves optimality.
   The greedy baseline (best weighted value per € first) replaces the plan if ever better.
4. Fairness. With `max_share_per_area`, no area receives more than ⌈share × N⌉ kits, N being
   the kits the plan hands out without the rule; once every area is served within that cap,
   what is left (stock, visits, budget) goes to the next households wherever they are, since no
   household of an area under its cap could use it.
5. Explanations. Each household served gets its value and rank; each household left out, the
   first reason that holds (nothing to gain, no kit in its area, no volunteer, stock taken by
   households of higher weighted value, visits booked, budget spent...). Message keys with
   parameters: the Django layer words them.
"""

from .explain import result_document
from .instance import FORMAT_VERSION, InstanceError, parse_instance
from .plan import optimise
from .problem import build_problem
from .solver import EXACT_PAIR_LIMIT

__all__ = ["EXACT_PAIR_LIMIT", "FORMAT_VERSION", "InstanceError", "allocate", "parse_instance"]


def allocate(instance: dict) -> dict:
    """Allocate kits for an instance (raw JSON or already parsed); raise InstanceError if it is
    invalid. Returns the result document described in docs/energie-allocation-format.md."""
    parsed = parse_instance(instance)
    problem = build_problem(parsed)
    max_share = parsed["fairness"]["max_share_per_area"]
    return result_document(problem, optimise(problem, max_share), max_share)
