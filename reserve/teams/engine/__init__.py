"""Matching engine: forms commando teams from the reserve, and explains every proposal.

Pure Python (numpy and OR-Tools, no Django): an Instance in, a Proposal or a Ranking out.

How it works, in plain words
----------------------------
1. Hard rules. A person may take a role only if they have the skill at the minimum level, have
   enough weekly hours left, have not reached the maximum number of challenges at once, are
   available for the whole sprint, live in the role's département when it is on site (and do not
   want remote work only), are not resting after an engagement or a decline, and were not excluded
   from that challenge. Nobody takes two roles in the same challenge.
2. Score. Each possible (person, role) pair gets points on six criteria, each shown with a
   sentence: skill fit (the role's skill plus other skills the team needs), level, interest in the
   challenge's themes, weekly-hours margin, locality, fairness (people never engaged first, people
   engaged recently last). Urgent challenges add "priority" points to each seat they fill, so scarce
   people go to urgent challenges first. Points are integers (tenths), so results are exact and
   identical from one run to the next.
3. Candidates. An index by skill and level gives the people who can take a role without scanning
   the whole reserve; for the global proposal each slot keeps its best K eligible people
   (settings.candidates_per_slot), computed in bulk per skill and level (bit sets and tables of
   points, same scores as the reference computation; see `candidates`).
4. Global proposal. Who goes where is first solved as a min-cost flow (OR-Tools):
   source -> person (capacity: challenges they may still join, and no more roles than their
   weekly hours could hold were these their shortest candidate roles) -> person x challenge
   gadget (capacity 1: one role per challenge) -> slot (capacity 1, cost: minus the pair's value)
   -> sink (capacity: free seats), plus a free source -> sink arc so that seats may stay empty.
   Every answer that respects the rules is such a flow, with the same value; the flow, though,
   cannot express the weekly-hours budget exactly (a knapsack). So its optimum is an upper bound,
   and when its answer respects everyone's hours, that answer is optimal. Otherwise:
   - each over-committed person keeps the most valuable set of roles that fits their hours, and
     the seats they free go, through a flow on what is left, to people with room and hours for
     them; again until nobody is over-committed;
   - up to EXACT_EDGE_LIMIT candidate pairs, CP-SAT then solves the exact model from there and
     proves optimality (best total first, then the best-ranked candidates among equal totals);
   - beyond that, the answer is "feasible" (stats give the flow's bound to compare with), and
     the greedy choice over the same candidates replaces it in the rare cases where it is better.
   Among equal totals the flow prefers each slot's best-ranked candidates (score, then id).
5. Seats still empty are completed, when possible, from eligible people beyond the K best, and
   every seat left empty is reported with the reason (a message key and its parameters).

Modules
-------
- `instance` (beside this package): the JSON instance, parsed and validated;
- `index`: the reserve as numpy arrays, indexed by skill and level (`build_index`);
- `scoring`: the hard rules and the points of each criterion (the reference computation);
- `candidates`: each slot's best candidates for the global proposal, in bulk (`candidate_edges`);
- `solver`: min-cost flow, weekly-hours repair, exact CP-SAT model, greedy choice;
- `explain`: every explanation (score criteria, empty seats, lock warnings) as message keys
  with parameters, worded by the Django layer (`reserve/teams/wording.py`);
- `proposal`: the two modes, `rank_candidates` and `propose`;
- `results`: what they return; `cli`: JSON output and `python -m reserve.teams.engine`.
"""

from .candidates import Edges, candidate_edges
from .cli import component_to_json, main, proposal_to_json, ranking_to_json
from .index import PoolIndex, build_index
from .proposal import finish_proposal, propose, rank_candidates
from .results import COMPONENTS, Component, Match, Proposal, Ranking, SlotRanking, Unfilled
from .solver import choose_greedily

__all__ = [
    "COMPONENTS",
    "Component",
    "Edges",
    "Match",
    "PoolIndex",
    "Proposal",
    "Ranking",
    "SlotRanking",
    "Unfilled",
    "build_index",
    "candidate_edges",
    "component_to_json",
    "choose_greedily",
    "finish_proposal",
    "main",
    "proposal_to_json",
    "propose",
    "rank_candidates",
    "ranking_to_json",
]
