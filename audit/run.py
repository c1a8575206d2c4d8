"""`make audit`: replay the concurrency and fault scenarios against a real server and print what
was lost. Every figure but "requests" and "faults" must be 0 (exit status 1 otherwise).

A fresh database (a temporary SQLite file, or with DATABASE_URL a PostgreSQL database created on
that server and dropped at the end), gunicorn with production settings on a free port of
127.0.0.1, task workers started and killed by the scenarios, a local SMTP server that can hang.
See audit/README.md.
"""

import sys
import time

import scenario_reports
import scenario_seats
import scenario_smtp_hang
import scenario_worker_kill
from platform_under_audit import running_platform
from smtp import FakeSMTP

COLUMNS = ("requests", "faults", "lost", "double_booked", "server_errors")


def main() -> int:
    smtp = FakeSMTP()
    started = time.monotonic()
    try:
        with running_platform(smtp.port) as (server, where):
            print(f"Audit on {where}, gunicorn at {server.url}", flush=True)
            results = []
            for scenario in (
                lambda: scenario_reports.run(server),
                lambda: scenario_smtp_hang.run(server, smtp),
                lambda: scenario_worker_kill.run(server, smtp),
                lambda: scenario_seats.run(server),
            ):
                result = scenario()
                results.append(result)
                print(f"\n{result.name}", flush=True)
                for note in result.notes:
                    print(f"  {note}", flush=True)
    finally:
        smtp.close()
    print(f"\n{'scenario':<40}" + "".join(f"{c.replace('_', ' '):>15}" for c in COLUMNS))
    for result in results:
        print(f"{result.name:<40}" + "".join(f"{getattr(result, c):>15}" for c in COLUMNS))
    failed = [r for r in results if r.lost or r.double_booked or r.server_errors]
    print(
        f"\n{len(results)} scenarios in {time.monotonic() - started:.0f} s; "
        + ("all held." if not failed else f"{len(failed)} did not hold.")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
