"""JSON output and the command line: `python -m reserve.teams.engine INSTANCE.json`."""

import argparse
import json
import sys

from reserve.teams.instance import FORMAT_VERSION, InstanceError, load_instance

from .proposal import propose, rank_candidates
from .results import Component, Match, Proposal, Ranking


def proposal_to_json(proposal: Proposal) -> dict:
    """The JSON document printed by the command line for a global proposal."""
    return {
        "format_version": FORMAT_VERSION,
        "mode": "propose",
        "status": proposal.status,
        "total_score": proposal.total_score,
        "assignments": [_match_json(m) for m in proposal.assignments],
        "unfilled": [
            {
                "challenge": u.challenge_id,
                "slot": u.slot_id,
                "missing": u.missing,
                "reason": u.reason,
            }
            for u in proposal.unfilled
        ],
        "warnings": list(proposal.warnings),
        "stats": proposal.stats,
    }


def ranking_to_json(ranking: Ranking) -> dict:
    """The JSON document printed by the command line for one challenge's ranking."""
    return {
        "format_version": FORMAT_VERSION,
        "mode": "rank",
        "challenge": ranking.challenge_id,
        "slots": [
            {
                "slot": s.slot_id,
                "count": s.count,
                "eligible": s.eligible,
                "locked": [_match_json(m) for m in s.locked],
                "candidates": [_match_json(m) for m in s.candidates],
                "shortfall": s.shortfall,
            }
            for s in ranking.slots
        ],
    }


def _match_json(match: Match) -> dict:
    return {
        "reservist": match.reservist_id,
        "challenge": match.challenge_id,
        "slot": match.slot_id,
        "locked": match.locked,
        "score": match.score,
        "priority": match.priority,
        "breakdown": [component_to_json(c) for c in match.breakdown],
    }


def component_to_json(component: Component) -> dict:
    """One criterion as stored with a proposal or an invitation: its message key and parameters."""
    return {
        "component": component.name,
        "points": component.points,
        "max_points": component.max_points,
        "key": component.key,
        "params": component.params,
    }


def main(argv: list[str] | None = None) -> int:
    """Command line: print the global proposal (or one challenge's ranking) as JSON."""
    parser = argparse.ArgumentParser(
        prog="python -m reserve.teams.engine",
        description="Propose commando teams from a matching instance (JSON).",
    )
    parser.add_argument("instance", help="path to the instance file")
    parser.add_argument("--rank", metavar="CHALLENGE_ID", help="rank candidates for one challenge")
    parser.add_argument("--limit", type=int, default=20, help="candidates per slot with --rank")
    args = parser.parse_args(argv)
    try:
        instance = load_instance(args.instance)
        if args.rank:
            document = ranking_to_json(rank_candidates(instance, args.rank, limit=args.limit))
        else:
            document = proposal_to_json(propose(instance))
    except InstanceError as exc:
        print(f"invalid instance: {exc}", file=sys.stderr)
        return 2
    except KeyError as exc:
        print(f"--rank: {exc.args[0]}", file=sys.stderr)
        return 2
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0
