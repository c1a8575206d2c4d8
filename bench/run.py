"""`make bench`: the platform's pages under load next to the floor, all in one run.

Starts gunicorn with production settings on a temporary SQLite database (or on DATABASE_URL), loads
the floor and each endpoint in turn, several rounds, prints the table, writes
bench/results/latest.json, then runs the other bench/bench_*.py scripts. See bench/README.md.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

from harness import (
    ROOT,
    BenchError,
    Endpoint,
    Sample,
    Server,
    describe_database,
    format_table,
    interleaved,
    load,
    metrics,
    running_server,
    write_results,
)

FLOOR = Endpoint("floor", "/sante/")


def seed_challenges(server: Server) -> dict[str, str]:
    """5,000 challenges behind the catalogue, its search and the API."""
    server.manage("seed_demo", "--allow-production", "--challenges", "5000")
    return {}


# Later issues append their pages here; `setup` and `target` are described on Endpoint.
ENDPOINTS = [
    Endpoint("home", "/", target=0.5),
    Endpoint("login", "/compte/login/"),
    Endpoint("challenges", "/defis/", setup=seed_challenges, target=0.5),
    Endpoint("challenge-search", "/defis/?theme=water&q=Lyon", target=0.5),
    Endpoint("challenge", "/defis/commerces-eclaires-la-nuit/", target=0.5),
    Endpoint("api-challenges", "/api/challenges?theme=energy"),
]

RESULTS_PATH = ROOT / "bench" / "results" / "latest.json"
CLIENTS = int(os.environ.get("BENCH_CLIENTS", 4))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 6))
SECONDS_PER_RUN = float(os.environ.get("BENCH_SECONDS", 1.0))
# The whole load phase stays within this budget however many endpoints the list grows to.
LOAD_BUDGET_SECONDS = 75
MAX_REQUESTS_PER_RUN = 20_000
WARM_UP_SECONDS = 0.5


def main() -> int:
    status = 0
    try:
        benchmark_http()
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        status = 1
    return run_other_benchmarks() or status


def benchmark_http() -> None:
    print(f"Preparing the server — database: {describe_database()}", flush=True)
    with running_server(workers=2) as server:
        headers = {e.name: {**e.headers, **(e.setup(server) if e.setup else {})} for e in ENDPOINTS}
        headers[FLOOR.name] = FLOOR.headers
        seconds = seconds_per_run()
        for endpoint in [FLOOR, *ENDPOINTS]:
            run(server, endpoint, headers, WARM_UP_SECONDS)
        print(
            f"Loading {len(ENDPOINTS)} endpoints and the floor, {ROUNDS} rounds, "
            f"{CLIENTS} clients, {seconds:.1f} s per run on {server.url}",
            flush=True,
        )
        started = time.perf_counter()
        floor, samples = interleaved(
            ROUNDS, lambda _round: ENDPOINTS, FLOOR, lambda e: run(server, e, headers, seconds)
        )
        print(f"Load phase: {time.perf_counter() - started:.0f} s\n")
    targets = {e.name: e.target for e in ENDPOINTS if e.target is not None}
    print(format_table(floor, samples, targets))
    write_results(metrics(floor, samples), RESULTS_PATH)
    print(f"\nWritten {RESULTS_PATH.relative_to(ROOT)}")


def seconds_per_run() -> float:
    runs = ROUNDS * 2 * len(ENDPOINTS)
    return min(SECONDS_PER_RUN, LOAD_BUDGET_SECONDS / runs)


def run(server: Server, endpoint: Endpoint, headers: dict, seconds: float) -> Sample:
    return load(
        server,
        endpoint,
        headers[endpoint.name],
        clients=CLIENTS,
        seconds=seconds,
        max_requests=MAX_REQUESTS_PER_RUN,
    )


def run_other_benchmarks() -> int:
    """Each bench/bench_*.py prints its own figures; the server is stopped by now."""
    status = 0
    for script in sorted(Path(__file__).parent.glob("bench_*.py")):
        print(f"\n== {script.name}", flush=True)
        result = subprocess.run([sys.executable, str(script)], cwd=ROOT)
        if result.returncode != 0:
            print(f"bench: {script.name} failed (exit {result.returncode})", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
