"""Énergie's diagnostic API under load, next to the floor in the same run.

`POST /api/energie/diagnostic` with a full household (DPE figures and bills: every part of the
diagnostic is computed), target ≥ 0.5 of the floor; and the same with a date in 2024, which picks
other dated rules. Same server as run.py (gunicorn, 2 workers, production settings, SQLite or
DATABASE_URL). Writes bench/results/energie_api.json. Run: python bench/bench_energie_api.py
"""

import json
import os
import sys

from harness import (
    ROOT,
    BenchError,
    Endpoint,
    describe_database,
    format_table,
    interleaved,
    load,
    metrics,
    running_server,
    write_results,
)

CLIENTS = int(os.environ.get("BENCH_CLIENTS", 4))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 5))
SECONDS = float(os.environ.get("BENCH_SECONDS", 1.5))
RESULTS_PATH = ROOT / "bench" / "results" / "energie_api.json"

HOUSEHOLD = {
    "household_size": 3,
    "reference_tax_income": 14_000,
    "region": "other",
    "surface_m2": 60,
    "primary_energy_kwh_m2": 430,
    "ghg_kg_m2": 20,
    "annual_energy_bill_eur": 1_800,
    "heating_energy": "gas",
    "dwelling": "house",
}
JSON = {"Content-Type": "application/json", "Accept-Language": "fr"}
FLOOR = Endpoint("floor", "/sante/")
DIAGNOSTIC = Endpoint(
    "energie_diagnostic",
    "/api/energie/diagnostic",
    method="POST",
    body=json.dumps(HOUSEHOLD).encode(),
    headers=JSON,
    target=0.5,
)
PAST = Endpoint(
    "energie_diagnostic_2024",
    "/api/energie/diagnostic",
    method="POST",
    body=json.dumps({**HOUSEHOLD, "date": "2024-06-01"}).encode(),
    headers=JSON,
    target=0.5,
)
ENDPOINTS = [DIAGNOSTIC, PAST]


def main() -> int:
    os.environ["ENERGIE_DIAGNOSTICS_PER_IP_HOUR"] = "100000000"  # every client is 127.0.0.1
    print(f"Énergie API bench — database: {describe_database()}", flush=True)
    try:
        with running_server(workers=2) as server:
            for endpoint in [FLOOR, *ENDPOINTS]:
                run(server, endpoint, 0.3)
            floor, samples = interleaved(
                ROUNDS, lambda _round: ENDPOINTS, FLOOR, lambda e: run(server, e, SECONDS)
            )
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 1
    print(format_table(floor, samples, {e.name: e.target for e in ENDPOINTS}))
    write_results(metrics(floor, samples), RESULTS_PATH)
    print(f"Written {RESULTS_PATH.relative_to(ROOT)}")
    return 0 if not any(s.errors for s in samples.values()) else 1


def run(server, endpoint, seconds):
    return load(server, endpoint, endpoint.headers, clients=CLIENTS, seconds=seconds,
                max_requests=20_000)  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
