"""Impact pages and time statements, next to the floor in the same run.

- a closed challenge's public impact page and the programme's impact page, anonymous, cached
  (target ≥ 0.8 of the floor);
- the time statement PDF ("relevé d'heures de mécénat") of an employee with 50 validated weekly
  check-ins: issuing it (hours read, digest, row written) and drawing the PDF, p50 and p95 over
  40 statements, in the server's settings and database.

Same server as run.py (gunicorn, 2 workers, production settings, SQLite or DATABASE_URL), with the
demo data (seed_demo). Writes bench/results/impact.json. Run: python bench/bench_impact.py
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
STATEMENTS = 40
CHECKINS = 50
RESULTS_PATH = ROOT / "bench" / "results" / "impact.json"

FLOOR = Endpoint("floor", "/sante/")
CHALLENGE = Endpoint("impact_challenge", "/impact/defis/canicule-personnes-isolees/", target=0.8)
PROGRAMME = Endpoint("impact_programme", "/impact/", target=0.8)

# An employee of the demo employer on the closed challenge, 50 validated weeks, then 40
# statements issued and drawn; prints the latencies in milliseconds as JSON.
STATEMENT_PDF = f"""
import json, time
from datetime import date, timedelta
from django.utils import timezone
from reserve.accounts.models import User
from reserve.challenges.models import Challenge
from reserve.impact import pdf, services
from reserve.organisations.models import Organisation
from reserve.reservists.models import Profile
from reserve.sprints.models import CheckIn, HoursEntry, monday
employer = Organisation.objects.get(name="Numéra Conseil")
admin = User.objects.get(email="mecenat@demo.lareserve.fr")
profile = Profile.objects.seconded_by(employer).select_related("user").order_by("pk").first()
challenge = Challenge.objects.get(slug="canicule-personnes-isolees")
start = monday(date(2024, 1, 1))
for n in range({CHECKINS}):
    week = start + timedelta(weeks=n)
    if HoursEntry.objects.filter(challenge=challenge, member=profile.user, week=week).exists():
        continue
    checkin = CheckIn.objects.create(challenge=challenge, author=profile.user, week=week,
                                     progress="bench")
    HoursEntry.objects.create(checkin=checkin, challenge=challenge, member=profile.user,
                              week=week, hours=6, validated_by=admin, validated_at=timezone.now())
end = start + timedelta(weeks={CHECKINS})
timings = []
for _ in range({STATEMENTS}):
    began = time.perf_counter()
    statement = services.issue_statement(admin, employer, profile, challenge.organisation,
                                         start, end)
    document = pdf.time_statement(statement, "https://example.org/impact/releves/x/")
    timings.append((time.perf_counter() - began) * 1000)
print(json.dumps({{"lines": len(statement.lines), "bytes": len(document), "ms": timings}}))
"""


def main() -> int:
    print(f"Impact bench — database: {describe_database()}", flush=True)
    try:
        with running_server(workers=2) as server:
            server.manage("seed_demo", "--allow-production", "--reservists", "300")
            endpoints = [CHALLENGE, PROGRAMME]
            for endpoint in [FLOOR, *endpoints]:
                run(server, endpoint, 0.3)
            floor, samples = interleaved(
                ROUNDS, lambda _round: endpoints, FLOOR, lambda e: run(server, e, SECONDS)
            )
            output = server.manage("shell", "--no-imports", "-c", STATEMENT_PDF)
            statements = json.loads(output.strip().splitlines()[-1])
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 1
    print(format_table(floor, samples, {e.name: e.target for e in endpoints}))
    timings = sorted(statements["ms"])
    p50, p95 = percentile(timings, 0.50), percentile(timings, 0.95)
    print(
        f"\nTime statement PDF, {statements['lines']} weekly lines, {statements['bytes']:,} bytes:"
        f" p50 {p50:.1f} ms, p95 {p95:.1f} ms over {len(timings)} statements"
    )
    rows = metrics(floor, samples) + [
        {"name": "statement_pdf.p50", "value": p50, "unit": "ms", "ratio_to_floor": None},
        {"name": "statement_pdf.p95", "value": p95, "unit": "ms", "ratio_to_floor": None},
    ]
    write_results(rows, RESULTS_PATH)
    print(f"Written {RESULTS_PATH.relative_to(ROOT)}")
    failed = any(samples[e.name].errors for e in endpoints)
    return 1 if failed else 0


def percentile(ordered: list[float], fraction: float) -> float:
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def run(server, endpoint, seconds):
    return load(server, endpoint, endpoint.headers, clients=CLIENTS, seconds=seconds,
                max_requests=20_000)  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
