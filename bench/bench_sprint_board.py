"""The staff sprint board with 200 active sprints, next to the floor, in one run.

Starts the production-like server of harness.py (SQLite in a temporary file, or DATABASE_URL),
loads the demo, adds BENCH_SPRINTS sprints in progress (200 by default) with two check-ins each
(one in three with an open blocker, one in four at risk) and an overdue deliverable for one in
five, logs a staff member in, then loads the floor and `/sprints/tableau/` in interleaved rounds.
Prints the number of SQL queries the board costs (the same for 2 or 2,000 sprints: one query for
the sprints and their figures, see reserve/sprints/board.py). `make bench` runs it after run.py.
Writes bench/results/sprint-board-<database>.json.
"""

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

SPRINTS = int(os.environ.get("BENCH_SPRINTS", 200))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", 4))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 5))
SECONDS = float(os.environ.get("BENCH_SECONDS", 1.5))
TARGET = 0.25

GENERATE = """
from datetime import timedelta
from django.utils import timezone
from reserve.challenges.models import Challenge, Status
from reserve.sprints.models import CheckIn, Deliverable, monday
count = {count}
today = timezone.localdate()
ours = Challenge.objects.filter(slug__startswith="sprint-banc-")
existing = set(ours.values_list("slug", flat=True))
new = []
for n in range(count):
    slug = f"sprint-banc-{{n:05d}}"
    if slug in existing:
        continue
    start = today - timedelta(days=5 + n % 20)
    new.append(Challenge(
        slug=slug, title=f"Sprint de banc n° {{n}}", status=Status.IN_SPRINT, summary="Banc.",
        problem="Banc.", blind_spot="Banc.", deliverable="Banc.", success_criterion="Banc.",
        sprint_start=start, sprint_end=start + timedelta(days=29),
    ))
created = Challenge.objects.bulk_create(new)
checkins, deliverables = [], []
for n, challenge in enumerate(created):
    for week in (1, 2):
        checkins.append(CheckIn(
            challenge=challenge,
            week=monday(challenge.sprint_start) + timedelta(days=7 * (week - 1)),
            progress="Avancement.", blockers="Un blocage." if n % 3 == 0 and week == 2 else "",
            confidence="at_risk" if n % 4 == 0 and week == 2 else "on_track",
        ))
    deliverables.append(Deliverable(
        challenge=challenge, name="Service", kind="service", mandatory=True,
        due_date=today - timedelta(days=1) if n % 5 == 0 else challenge.sprint_end,
    ))
CheckIn.objects.bulk_create(checkins)
Deliverable.objects.bulk_create(deliverables)
print(Challenge.objects.filter(status=Status.IN_SPRINT).count())
"""
STAFF_SESSION = """
from django.test import Client
from reserve.accounts.models import User
client = Client()
client.force_login(User.objects.get(email="staff@demo.lareserve.fr"))
print(client.cookies["sessionid"].value)
"""
QUERIES = """
from django.db import connection
from django.test.utils import CaptureQueriesContext
from reserve.sprints.board import board
with CaptureQueriesContext(connection) as queries:
    rows = board()
print(len(rows), len(queries))
"""

FLOOR = Endpoint("floor", "/sante/")
BOARD = Endpoint("sprint_board", "/sprints/tableau/", target=TARGET)


def main() -> int:
    print(f"Sprint board bench — database: {describe_database()}", flush=True)
    try:
        with running_server(workers=2) as server:
            server.manage("seed_demo", "--allow-production")
            active = server.manage("shell", "-c", GENERATE.format(count=SPRINTS)).split()[-1]
            rows, queries = server.manage("shell", "-c", QUERIES).split()[-2:]
            cookie = server.manage("shell", "-c", STAFF_SESSION).strip().splitlines()[-1]
            staff = {"Cookie": f"sessionid={cookie}"}

            def measure(endpoint: Endpoint, seconds: float = SECONDS, most: int = 20_000):
                headers = {} if endpoint is FLOOR else staff
                return load(server, endpoint, headers, clients=CLIENTS, seconds=seconds,
                            max_requests=most)  # fmt: skip

            for endpoint in (FLOOR, BOARD):
                warm = measure(endpoint, seconds=1, most=50)
                if warm.errors:
                    raise BenchError(f"{endpoint.name} answered with errors: {dict(warm.errors)}")
            floor, samples = interleaved(ROUNDS, lambda _round: [BOARD], FLOOR, measure)
    except BenchError as exc:
        print(f"bench_sprint_board: {exc}", file=sys.stderr)
        return 1
    print(f"{active} active sprints; the board lists {rows} of them in {queries} SQL queries.")
    print(format_table(floor, samples, {BOARD.name: TARGET}))
    vendor = "postgresql" if os.environ.get("DATABASE_URL") else "sqlite"
    path = ROOT / "bench" / "results" / f"sprint-board-{vendor}.json"
    results = metrics(floor, samples)
    results.append({"name": "sprint_board.queries", "value": int(queries), "unit": "queries",
                    "ratio_to_floor": None})  # fmt: skip
    write_results(results, path)
    print(f"\nWritten {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
