"""Read EcoWatt day signals from the files RTE publishes.

Two formats are accepted, both keyed on RTE's own field names:
- the API's JSON answer: `{"signals": [{"jour": "2026-01-15T00:00:00+01:00", "dvalue": 2,
  "message": "..."}, ...]}`;
- a CSV export (comma or semicolon separated, UTF-8) with a header holding at least `jour` and
  `dvalue` (and optionally `message`), `jour` as `YYYY-MM-DD` or an ISO 8601 date-time.
"""

import csv
import io
import json
from datetime import date, datetime


def parse_day(text: str) -> date:
    text = text.strip()
    return datetime.fromisoformat(text).date() if "T" in text else date.fromisoformat(text[:10])


def read_signals(text: str) -> list[tuple[date, int, str]]:
    """(day, value, message) for each signal; raises ValueError on a file it cannot read."""
    stripped = text.lstrip("\ufeff").strip()
    if stripped.startswith("{"):
        rows = json.loads(stripped).get("signals", [])
    else:
        dialect = csv.Sniffer().sniff(stripped.splitlines()[0], delimiters=",;")
        rows = list(csv.DictReader(io.StringIO(stripped), dialect=dialect))
    signals = []
    for row in rows:
        value = int(row["dvalue"])
        if value not in (1, 2, 3):
            raise ValueError(f"dvalue {value} is not 1, 2 or 3")
        signals.append((parse_day(str(row["jour"])), value, str(row.get("message") or "")))
    return signals
