"""LightsOff under load, next to the floor in the same run.

- shops in a bounding box (GeoJSON API) over 200,000 shops (target ≥ 0.3 of the floor);
- the impact map's clusters over all of France, 200,000 shops (target ≥ 0.3);
- the legal verdict endpoint (target ≥ 0.5);
- concurrent report submission: throughput, errors, and rows counted after the run (none lost).

Same server as run.py (gunicorn, 2 workers, production settings, SQLite or DATABASE_URL). The
200,000 shops are generated once with a fixed seed (idempotent on a kept PostgreSQL database).
Writes bench/results/lightsoff.json. Run: python bench/bench_lightsoff.py
"""

import json
import os
import sys
import time
from datetime import datetime, timedelta

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

SHOPS = int(os.environ.get("BENCH_LIGHTSOFF_SHOPS", 200_000))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", 4))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 5))
SECONDS = float(os.environ.get("BENCH_SECONDS", 1.5))
RESULTS_PATH = ROOT / "bench" / "results" / "lightsoff.json"

# Shops spread over metropolitan France, denser in a few cities, as the real map would be.
GENERATE = f"""
import random
from reserve.apps.lightsoff.models import Shop
wanted = {SHOPS}
have = Shop.objects.filter(osm_id__startswith="bench/").count()
rng = random.Random(2026)
cities = [(44.84, -0.57), (45.76, 4.83), (47.22, -1.55), (48.86, 2.35), (43.30, 5.37)]
batch = []
for n in range(have, wanted):
    if n % 2:
        lat, lon = rng.uniform(42.5, 51.0), rng.uniform(-4.5, 7.8)
    else:
        c = rng.choice(cities)
        lat, lon = c[0] + rng.gauss(0, 0.05), c[1] + rng.gauss(0, 0.07)
    batch.append(Shop(osm_id=f"bench/{{n}}", name=f"Commerce {{n}}", lat=lat, lon=lon,
                      opening_hours="Mo-Sa 10:00-19:00", commune="33063"))
    if len(batch) == 5000:
        Shop.objects.bulk_create(batch); batch = []
Shop.objects.bulk_create(batch)
print(Shop.objects.count())
"""
COUNT_REPORTS = "from reserve.apps.lightsoff.models import Report; print(Report.objects.count())"
FIRST_SHOP = (
    "from reserve.apps.lightsoff.models import Shop; print(Shop.objects.order_by('pk')[0].pk)"
)

FLOOR = Endpoint("floor", "/sante/")
# A street-level view in central Bordeaux (about 1.4 km × 1.1 km): a phone's map.
BBOX = Endpoint("ls_bbox", "/api/lightsoff/shops?bbox=-0.58,44.835,-0.562,44.845", target=0.3)
# The impact map's clusters over all of metropolitan France (every shop, reported or not).
CLUSTERS = Endpoint(
    "ls_clusters",
    "/api/lightsoff/shops/clusters?bbox=-5.5,41.2,9.8,51.3&zoom=6&listed=true",
    target=0.3,
)
VERDICT = Endpoint(
    "ls_verdict",
    "/api/lightsoff/verdict?element=vitrine&at=2026-03-29T02:30"
    "&opening_hours=Mo-Sa%2010:00-19:00&commune=33063",
    target=0.5,
)


def main() -> int:
    os.environ["LIGHTSOFF_REPORTS_PER_IP_HOUR"] = "100000000"  # every client is 127.0.0.1
    print(f"LightsOff bench — database: {describe_database()}, {SHOPS:,} shops", flush=True)
    try:
        with running_server(workers=2) as server:
            started = time.perf_counter()
            total = shell(server, GENERATE)
            print(f"  shops          {time.perf_counter() - started:5.1f} s ({total} in all)")
            shop_id = int(shell(server, FIRST_SHOP))
            report = Endpoint(
                "ls_report",
                "/api/lightsoff/reports",
                method="POST",
                body=json.dumps(
                    {"shop_id": shop_id, "element": "enseigne", "seen_at": last_night()}
                ).encode(),
                headers={"Content-Type": "application/json"},
            )
            endpoints = [BBOX, CLUSTERS, VERDICT, report]
            for endpoint in [FLOOR, *endpoints]:
                run(server, endpoint, 0.3)
            before = int(shell(server, COUNT_REPORTS))
            floor, samples = interleaved(
                ROUNDS, lambda _round: endpoints, FLOOR, lambda e: run(server, e, SECONDS)
            )
            after = int(shell(server, COUNT_REPORTS))
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 1
    targets = {e.name: e.target for e in [BBOX, CLUSTERS, VERDICT] if e.target}
    print(format_table(floor, samples, targets))
    sent = samples["ls_report"].requests - sum(samples["ls_report"].errors.values())
    # The warm-up run created reports too: count only what the measured runs accepted.
    stored = after - before
    lost = sent - stored
    print(f"\nReports: {sent} accepted during the load, {stored} rows added, {lost} lost")
    rows = metrics(floor, samples) + [
        {"name": "ls_report.accepted", "value": sent, "unit": "reports", "ratio_to_floor": None},
        {"name": "ls_report.stored", "value": stored, "unit": "rows", "ratio_to_floor": None},
        {"name": "ls_report.lost", "value": lost, "unit": "rows", "ratio_to_floor": None},
    ]
    write_results(rows, RESULTS_PATH)
    print(f"Written {RESULTS_PATH.relative_to(ROOT)}")
    return 0 if lost == 0 and not samples["ls_report"].errors else 1


def last_night() -> str:
    """02:30 last night: reports are only accepted for the last 30 days."""
    return (datetime.now() - timedelta(days=1)).strftime("%Y-%m-%dT02:30")


def shell(server, code: str) -> str:
    """Run Python in `manage.py shell` against the bench database; its last printed line."""
    return server.manage("shell", "--no-imports", "-c", code).strip().splitlines()[-1]


def run(server, endpoint, seconds):
    return load(server, endpoint, endpoint.headers, clients=CLIENTS, seconds=seconds,
                max_requests=20_000)  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
