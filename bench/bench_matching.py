"""Benchmark of the matching engine on a synthetic reserve, no server needed.

100,000 reservists and 2,000 challenges (about 8,000 slots), generated with a fixed seed.
Measures, in one run: the global proposal from a parsed instance, index included (target ≤ 10 s),
and its total score against the greedy baseline on the same instance (the engine's must be at
least as high), and the ranking of one challenge's candidates over the whole reserve, index built
(target ≤ 100 ms). Prints the figures and writes them to bench/results/matching.json as a list of
{name, value, unit, ratio}: ratio is value / target for timings, engine / greedy for the score,
filled / seats for seats.

Run: python bench/bench_matching.py [--reservists N] [--challenges N]
"""

import argparse
import json
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reserve.teams.engine import build_index, propose, rank_candidates  # noqa: E402
from reserve.teams.greedy import greedy  # noqa: E402
from reserve.teams.instance import parse_instance  # noqa: E402

SEED = 20250301
RESULTS_PATH = ROOT / "bench" / "results" / "matching.json"
PROPOSE_TARGET_SECONDS = 10.0
RANK_TARGET_MS = 100.0
RANKED_CHALLENGES = 50
AS_OF = date(2025, 3, 1)
SKILLS = [f"skill-{i:02d}" for i in range(40)]
THEMES = ["energie", "secheresse", "sante", "social", "environnement", "agriculture", "logement"]
DEPARTEMENTS = [f"{i:02d}" for i in range(1, 96) if i != 20] + ["2A", "2B"]
LEVELS = ["discovering", "confident", "expert"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reservists", type=int, default=100_000)
    parser.add_argument("--challenges", type=int, default=2_000)
    args = parser.parse_args()
    rng = random.Random(SEED)
    data = synthetic_instance(rng, args.reservists, args.challenges)
    slots = sum(len(c["slots"]) for c in data["challenges"])
    print(
        f"Synthetic instance: {args.reservists} reservists, {args.challenges} challenges, ", end=""
    )
    print(f"{slots} slots", flush=True)
    rows = measure(data)
    for row in rows:
        ratio = "" if row["ratio"] is None else f"  ratio {row['ratio']}"
        print(f"  {row['name']:<34}{row['value']:>14} {row['unit']:<8}{ratio}")
    RESULTS_PATH.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_PATH.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    print(f"Written {RESULTS_PATH.relative_to(ROOT)}")
    return 0


def measure(data: dict) -> list[dict]:
    parsed, parse_s, _ = timed(parse_instance, data)
    index, index_s, index_cpu = timed(build_index, parsed)
    proposal, propose_s, propose_cpu = timed(propose, index)
    baseline, greedy_s, _ = timed(greedy, index)
    latencies = rank_latencies(index, [c.id for c in parsed.challenges[:RANKED_CHALLENGES]])
    total_s, total_cpu = index_s + propose_s, index_cpu + propose_cpu
    seats = sum(s.count for c in parsed.challenges for s in c.slots)
    engine_filled, greedy_filled = len(proposal.assignments), len(baseline.assignments)
    bound, found = proposal.stats["upper_bound"], proposal.stats["solver_score"]
    p50, worst = statistics.median(latencies), max(latencies)
    p95 = statistics.quantiles(latencies, n=20, method="inclusive")[-1]
    return [
        row("parse_instance", parse_s, "s"),
        row("build_index", index_s, "s"),
        row("propose", propose_s, "s"),
        row("global_proposal", total_s, "s", total_s / PROPOSE_TARGET_SECONDS),
        row("global_proposal_cpu", total_cpu, "s", total_cpu / PROPOSE_TARGET_SECONDS),
        row("greedy", greedy_s, "s"),
        row("engine_total_score", proposal.total_score, "points", score_ratio(proposal, baseline)),
        row("greedy_total_score", baseline.total_score, "points"),
        row("engine_seats_filled", engine_filled, "seats", engine_filled / seats),
        row("greedy_seats_filled", greedy_filled, "seats", greedy_filled / seats),
        row("engine_gap_to_flow_bound", 100 * (bound - found) / bound, "%"),
        row("engine_repair_rounds", proposal.stats["repair_rounds"], "rounds"),
        row("engine_kept_greedy_choice", int(proposal.stats.get("greedy_kept", False)), "bool"),
        row("rank_one_challenge_p50", p50, "ms", p50 / RANK_TARGET_MS),
        row("rank_one_challenge_p95", p95, "ms", p95 / RANK_TARGET_MS),
        row("rank_one_challenge_max", worst, "ms", worst / RANK_TARGET_MS),
    ]


def rank_latencies(index, challenge_ids: list[str]) -> list[float]:
    return [timed(rank_candidates, index, cid)[1] * 1000 for cid in challenge_ids]


def score_ratio(proposal, baseline) -> float | None:
    return proposal.total_score / baseline.total_score if baseline.total_score else None


def timed(function, *args):
    """The result, the wall-clock seconds and the CPU seconds of this process (the machine may
    be shared: CPU time shows what the engine itself costs)."""
    started, cpu = time.perf_counter(), time.process_time()
    result = function(*args)
    return result, time.perf_counter() - started, time.process_time() - cpu


def row(name: str, value: float, unit: str, ratio: float | None = None) -> dict:
    return {
        "name": f"matching.{name}",
        "value": round(value, 3) if isinstance(value, float) else value,
        "unit": unit,
        "ratio": None if ratio is None else round(ratio, 4),
    }


def synthetic_instance(rng: random.Random, reservists: int, challenges: int) -> dict:
    """A JSON-shaped instance: popular skills are common, most people give a few hours a week."""
    popularity = [1 / (i + 1) ** 0.8 for i in range(len(SKILLS))]
    challenge_list = [synthetic_challenge(rng, i, popularity) for i in range(challenges)]
    slot_ids = [(c["id"], s["id"]) for c in challenge_list for s in c["slots"]]
    people = [synthetic_reservist(rng, i, popularity) for i in range(reservists)]
    return {
        "format_version": 1,
        "as_of": AS_OF.isoformat(),
        "settings": {"max_concurrent_challenges": 2, "rest_days": 14, "candidates_per_slot": 30},
        "reservists": people,
        "challenges": challenge_list,
        "locks": synthetic_locks(rng, people, challenge_list),
        "exclusions": [
            {"reservist": rng.choice(people)["id"], "challenge": rng.choice(slot_ids)[0]}
            for _ in range(200)
        ],
    }


def synthetic_reservist(rng: random.Random, i: int, popularity: list[float]) -> dict:
    skills = set(rng.choices(SKILLS, popularity, k=rng.randint(1, 4)))
    start = AS_OF + timedelta(days=rng.randint(-60, 60))
    engaged = rng.random() < 0.4
    return {
        "id": f"r-{i:06d}",
        "skills": [
            {"skill": s, "level": rng.choices(LEVELS, (3, 4, 2))[0]} for s in sorted(skills)
        ],
        "weekly_hours": rng.choice([2, 4, 6, 8, 10, 12, 16, 20]),
        "current_challenges": rng.choices([0, 1, 2], (70, 25, 5))[0],
        "availability": [
            {
                "start": start.isoformat(),
                "end": (start + timedelta(days=rng.randint(30, 240))).isoformat(),
            }
        ],
        "location": {"departement": rng.choice(DEPARTEMENTS), "city": None},
        "work_mode": rng.choices(["remote", "on_site", "both"], (40, 15, 45))[0],
        "themes": sorted(set(rng.choices(THEMES, k=rng.randint(1, 3)))),
        "last_engagement_end": (AS_OF - timedelta(days=rng.randint(1, 365))).isoformat()
        if engaged
        else None,
        "last_decline": (AS_OF - timedelta(days=rng.randint(1, 120))).isoformat()
        if rng.random() < 0.15
        else None,
    }


def synthetic_challenge(rng: random.Random, i: int, popularity: list[float]) -> dict:
    start = AS_OF + timedelta(days=rng.randint(7, 90))
    departement = rng.choice(DEPARTEMENTS)
    return {
        "id": f"c-{i:05d}",
        "title": f"Défi {i}",
        "themes": sorted(set(rng.choices(THEMES, k=rng.randint(1, 2)))),
        "urgency": rng.choices(["normal", "high", "critical"], (60, 30, 10))[0],
        "sprint": {"start": start.isoformat(), "end": (start + timedelta(days=27)).isoformat()},
        "slots": [
            {
                "id": f"c-{i:05d}/{j}",
                "skill": rng.choices(SKILLS, popularity)[0],
                "min_level": rng.choices(LEVELS, (2, 5, 3))[0],
                "count": rng.choices([1, 2], (80, 20))[0],
                "weekly_hours": rng.choice([4, 6, 8, 10]),
                "location": {"mode": "on_site", "departement": departement}
                if rng.random() < 0.2
                else {"mode": "remote"},
            }
            for j in range(rng.randint(3, 5))
        ],
    }


def synthetic_locks(rng: random.Random, people: list[dict], challenges: list[dict]) -> list[dict]:
    """A few staff locks on pairs that satisfy the skill rule, as the lock-and-rerun flow makes."""
    by_skill: dict[str, list[str]] = {}
    for person in people:
        for skill in person["skills"]:
            by_skill.setdefault(skill["skill"], []).append(person["id"])
    locks, used = [], set()
    for challenge in rng.sample(challenges, min(50, len(challenges))):
        slot = challenge["slots"][0]
        person = rng.choice(by_skill.get(slot["skill"], [""]))
        if person and person not in used:
            used.add(person)
            locks.append({"reservist": person, "slot": slot["id"]})
    return locks


if __name__ == "__main__":
    sys.exit(main())
