"""The staff pool search over 100,000 reservists, next to the floor, in one run.

Starts the production-like server of harness.py (SQLite in a temporary file, or DATABASE_URL),
generates the pool with `seed_demo --reservists N` (BENCH_RESERVISTS, 100,000 by default), logs a
staff member in, then loads the floor and two searches in interleaved rounds: a multi-facet one
(UX designers, at least confident, available next month at least 4 h a week, in Gironde, remote)
and a free-text one sorted by relevance. Writes bench/results/pool-<database>.json.

The search page keeps the matching ids of a query, its rendered results and its rendered filters for
a short while (reservists/pool_cache.py, results.py), so each search is measured three ways: `_cold`
on a second gunicorn over the same database with that cache off (POOL_CACHE_SECONDS=0: every
request runs the whole search and renders everything), `_warm` the same query again and again
(cache hits: what is left is the session, the form's validation and the page around the results),
and `_rotating` a different département or text in every round (the first request of a round
misses the cache, the rest hit it). The `_htmx` searches send `HX-Request` as the filters do once
the page is open: the answer is the page's <main> only (templates/partial.html).
"""

import contextlib
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from harness import (
    ROOT,
    BenchError,
    Endpoint,
    Server,
    describe_database,
    format_table,
    free_port,
    gunicorn,
    interleaved,
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

# Fresh planner statistics and visibility map, as autovacuum keeps them in production.
ANALYZE = (
    "from django.db import connection; connection.cursor().execute("
    "'VACUUM ANALYZE' if connection.vendor == 'postgresql' else 'ANALYZE')"
)
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


DEPARTEMENTS = ["33", "75", "69", "13", "31", "59", "44", "35", "67", "34"]
TEXTS = ["energie+logement", "sante", "design+service", "donnees", "mobilite", "eau+agriculture"]


def facets(departement: str) -> str:
    first, last = next_month()
    return (
        f"/reserve/vivier/?skills=design.ux&min_level=2&start={first}&end={last}"
        f"&min_hours=4&departement={departement}&work_mode=remote"
    )


def text(words: str) -> str:
    return f"/reserve/vivier/?q={words}&sort=relevance"


HTMX = {"HX-Request": "true"}


def endpoints(round_number: int = 0) -> list[Endpoint]:
    """Cold and warm: always the same queries; rotating: another one in each round. The `_htmx`
    ones are what the filters ask once the page is open: its <main> only, without the layout."""
    departement = DEPARTEMENTS[round_number % len(DEPARTEMENTS)]
    words = TEXTS[round_number % len(TEXTS)]
    return [
        Endpoint("pool_facets_cold", facets("33"), target=TARGET),
        Endpoint("pool_text_cold", text("energie+logement"), target=TARGET),
        Endpoint("pool_facets_warm", facets("33"), target=TARGET),
        Endpoint("pool_text_warm", text("energie+logement"), target=TARGET),
        Endpoint("pool_facets_rotating", facets(departement), target=TARGET),
        Endpoint("pool_text_rotating", text(words), target=TARGET),
        Endpoint("pool_facets_htmx_cold", facets("33"), headers=HTMX, target=TARGET),
        Endpoint("pool_facets_htmx_warm", facets("33"), headers=HTMX, target=TARGET),
        Endpoint("pool_text_htmx_rotating", text(words), headers=HTMX, target=TARGET),
    ]


@contextlib.contextmanager
def uncached_server(server: Server):
    """A second gunicorn over the same database, with the pool's cache off."""
    cold = Server(port=free_port(), env={**server.env, "POOL_CACHE_SECONDS": "0"})
    log_path = Path(tempfile.mkdtemp(prefix="la-reserve-bench-cold-")) / "gunicorn.log"
    with gunicorn(cold, workers=2, log_path=log_path):
        yield cold


FLOOR = Endpoint("floor", "/sante/")


def main() -> int:
    print(f"Pool search bench — database: {describe_database()}", flush=True)
    try:
        with running_server(workers=2) as server:
            started = time.perf_counter()
            server.manage("seed_demo", "--allow-production", "--reservists", str(RESERVISTS))
            server.manage("shell", "-c", ANALYZE)
            print(f"  {RESERVISTS} reservists in {time.perf_counter() - started:.0f} s", flush=True)
            cookie = server.manage("shell", "-c", STAFF_SESSION).strip().splitlines()[-1]
            staff = {"Cookie": f"sessionid={cookie}"}
            searches = endpoints()
            with uncached_server(server) as cold:
                target = {e.name: cold if e.name.endswith("_cold") else server for e in searches}

                def measure(endpoint: Endpoint, seconds: float = SECONDS, most: int = 20_000):
                    headers = {} if endpoint is FLOOR else {**endpoint.headers, **staff}
                    return load(target.get(endpoint.name, server), endpoint, headers,
                                clients=CLIENTS, seconds=seconds, max_requests=most)  # fmt: skip

                for endpoint in [FLOOR, *searches]:
                    warm = measure(endpoint, seconds=1, most=50)
                    if warm.errors:
                        raise BenchError(
                            f"{endpoint.name} answered with errors: {dict(warm.errors)}"
                        )
                floor, samples = interleaved(ROUNDS, endpoints, FLOOR, measure)
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
