"""The staff pool search over 100,000 reservists, next to the floor, in one run.

Starts the production-like server of harness.py (SQLite in a temporary file, or DATABASE_URL),
generates the pool with `seed_demo --reservists N` (BENCH_RESERVISTS, 100,000 by default), logs a
staff member in, then loads the floor and two searches in interleaved rounds: a multi-facet one
(UX designers, at least confident, available next month at least 4 h a week, in Gironde, remote)
and a free-text one sorted by relevance. Writes bench/results/pool-<database>.json.
"""

import os
import sys
import time
from datetime import date, timedelta

from harness import (
    ROOT,
    BenchError,
    Endpoint,
    Sample,
    describe_database,
    format_table,
    load,
    metrics,
    running_server,
    write_results,
)

RESERVISTS = int(os.environ.get("BENCH_RESERVISTS", 100_000))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", 4))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 5))
SECONDS = float(os.environ.get("BENCH_SECONDS", 2.0))
TARGET = 0.25

ANALYZE = "from django.db import connection; connection.cursor().execute('ANALYZE')"
STAFF_SESSION = """
from django.test import Client
from reserve.accounts.models import User
client = Client()
client.force_login(User.objects.get(email="staff@demo.lareserve.fr"))
print(client.cookies["sessionid"].value)
"""


def next_month() -> tuple[date, date]:
    first = (date.today().replace(day=1) + timedelta(days=32)).replace(day=1)
    return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def endpoints() -> list[Endpoint]:
    first, last = next_month()
    facets = (
        f"/reserve/vivier/?skills=design.ux&min_level=2&start={first}&end={last}"
        "&min_hours=4&departement=33&work_mode=remote"
    )
    return [
        Endpoint("pool_facets", facets, target=TARGET),
        Endpoint("pool_text", "/reserve/vivier/?q=energie+logement&sort=relevance", target=TARGET),
    ]


def main() -> int:
    floor_endpoint = Endpoint("floor", "/sante/")
    print(f"Pool search bench — database: {describe_database()}", flush=True)
    try:
        with running_server(workers=2) as server:
            started = time.perf_counter()
            server.manage("seed_demo", "--allow-production", "--reservists", str(RESERVISTS))
            # Fresh planner statistics, as autovacuum would gather them in production.
            server.manage("shell", "-c", ANALYZE)
            print(f"  {RESERVISTS} reservists in {time.perf_counter() - started:.0f} s", flush=True)
            cookie = server.manage("shell", "-c", STAFF_SESSION).strip().splitlines()[-1]
            staff = {"Cookie": f"sessionid={cookie}"}
            searches = endpoints()
            floor, samples = Sample(), {e.name: Sample() for e in searches}
            for endpoint in [floor_endpoint, *searches]:
                warm = load(server, endpoint, staff, clients=CLIENTS, seconds=1, max_requests=50)
                if warm.errors:
                    raise BenchError(f"{endpoint.name} answered with errors: {dict(warm.errors)}")
            for _ in range(ROUNDS):
                for endpoint in searches:
                    floor.merge(
                        load(server, floor_endpoint, {}, clients=CLIENTS, seconds=SECONDS,
                             max_requests=20_000)
                    )  # fmt: skip
                    samples[endpoint.name].merge(
                        load(server, endpoint, staff, clients=CLIENTS, seconds=SECONDS,
                             max_requests=20_000)
                    )  # fmt: skip
    except BenchError as exc:
        print(f"bench_pool: {exc}", file=sys.stderr)
        return 1
    print(format_table(floor, samples, {e.name: e.target for e in searches}))
    vendor = "postgresql" if os.environ.get("DATABASE_URL") else "sqlite"
    path = ROOT / "bench" / "results" / f"pool-{vendor}.json"
    write_results(metrics(floor, samples), path)
    print(f"\nWritten {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
