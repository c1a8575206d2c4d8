"""The reusable pieces of `make bench`: a production-like server, a load generator, the results.

Nothing here knows which pages are benchmarked: `run.py` holds the list of endpoints.
"""

from __future__ import annotations

import contextlib
import http.client
import itertools
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
DEFAULT_HEADERS = {
    "User-Agent": "la-reserve-bench",
    "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
    "Accept-Language": "fr-FR,fr;q=0.9",
}


class BenchError(Exception):
    """The server could not be prepared or started; the message says why."""


@dataclass(frozen=True)
class Endpoint:
    """One benchmarked request.

    `setup(server)` runs once before the load and returns extra headers for every request (a session
    cookie, for instance); it may use `server.manage(...)` to create what the request needs.
    `target` is the throughput ratio to the floor we aim for: reported, never asserted.
    """

    name: str
    path: str
    method: str = "GET"
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    setup: Callable[[Server], dict[str, str]] | None = None
    target: float | None = None


@dataclass(frozen=True)
class Server:
    port: int
    env: dict[str, str]

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def manage(self, *args: str) -> str:
        """Run a management command against the server's database and settings."""
        return run_checked([sys.executable, "manage.py", *args], self.env)


def run_checked(command: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BenchError(f"{' '.join(command[1:])} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def describe_database() -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        return "SQLite (temporary file)"
    parts = urlsplit(url)  # never print the password
    return f"{parts.scheme} {parts.hostname}:{parts.port or ''}{parts.path}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def production_env(workdir: Path, port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="0",
        SITE_URL=f"http://{HOST}:{port}",
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        LOG_LEVEL="WARNING",
    )
    if not env.get("DATABASE_URL"):
        env.pop("DATABASE_URL", None)
        env["SQLITE_PATH"] = str(workdir / "bench.sqlite3")
    return env


def prepare(server: Server) -> None:
    """Migrate and seed the database and collect the static files; all idempotent, so that a
    PostgreSQL database given by DATABASE_URL keeps its data. seed_demo refuses DEBUG=0 because
    its accounts have a public password: a benchmark database is where we want them anyway."""
    for step in (
        ["migrate", "--noinput"],
        ["seed_demo", "--allow-production"],
        ["collectstatic", "--noinput"],
    ):
        started = time.perf_counter()
        server.manage(*step)
        print(f"  {step[0]:<14} {time.perf_counter() - started:5.1f} s", flush=True)


@contextlib.contextmanager
def running_server(workers: int = 2) -> Iterator[Server]:
    """A prepared database and gunicorn serving it with production settings, stopped on exit."""
    with tempfile.TemporaryDirectory(prefix="la-reserve-bench-") as tmp:
        workdir = Path(tmp)
        port = free_port()
        server = Server(port=port, env=production_env(workdir, port))
        prepare(server)
        with gunicorn(server, workers, workdir / "gunicorn.log"):
            yield server


@contextlib.contextmanager
def gunicorn(server: Server, workers: int, log_path: Path) -> Iterator[Server]:
    """gunicorn serving `server` (its port and environment) until the block ends."""
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "reserve.wsgi:application"]
            + ["--workers", str(workers), "--bind", f"{HOST}:{server.port}"],
            cwd=ROOT,
            env=server.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so that stopping it stops all
        )
        try:
            wait_until_ready(server, process, log_path)
            yield server
        finally:
            stop(process)


def wait_until_ready(server: Server, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"gunicorn exited:\n{log_path.read_text()[-3000:]}")
        conn = http.client.HTTPConnection(HOST, server.port, timeout=2)
        with contextlib.suppress(OSError, http.client.HTTPException), contextlib.closing(conn):
            conn.request("GET", "/sante/")
            if conn.getresponse().status == 200:
                return
        time.sleep(0.2)
    raise BenchError(f"/sante/ did not answer within 30 s:\n{log_path.read_text()[-3000:]}")


def stop(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@dataclass
class Sample:
    """What one or several load runs of the same endpoint observed."""

    requests: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)

    def merge(self, other: Sample) -> None:
        self.requests += other.requests
        self.seconds += other.seconds
        self.latencies.extend(other.latencies)
        self.errors.update(other.errors)

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile_ms(self, fraction: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000


def load(
    server: Server,
    endpoint: Endpoint,
    headers: dict[str, str],
    *,
    clients: int,
    seconds: float,
    max_requests: int,
) -> Sample:
    """`clients` keep-alive connections send requests back to back for `seconds` or until
    `max_requests` have been sent, whichever comes first. Non-2xx answers count as errors."""
    sample = Sample()
    lock = threading.Lock()
    budget = itertools.count()
    request = (endpoint.method, endpoint.path, endpoint.body, {**DEFAULT_HEADERS, **headers})
    started = time.perf_counter()
    deadline = started + seconds
    threads = [
        threading.Thread(
            target=_client,
            daemon=True,
            args=(server.port, request, deadline, budget, max_requests, sample, lock),
        )
        for _ in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    sample.seconds = time.perf_counter() - started
    return sample


def _client(port, request, deadline, budget, max_requests, sample, lock) -> None:
    method, path, body, headers = request
    own = Sample()
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        while time.perf_counter() < deadline and next(budget) < max_requests:
            started = time.perf_counter()
            try:
                conn.request(method, path, body, headers)
                response = conn.getresponse()
                response.read()
            except (OSError, http.client.HTTPException) as exc:
                conn.close()  # the next request reconnects
                own.errors[type(exc).__name__] += 1
                continue
            own.latencies.append(time.perf_counter() - started)
            own.requests += 1
            if not 200 <= response.status < 300:
                own.errors[f"HTTP {response.status}"] += 1
    finally:
        conn.close()
    with lock:
        sample.merge(own)


def interleaved(
    rounds: int,
    endpoints_of_round: Callable[[int], list[Endpoint]],
    floor: Endpoint,
    measure: Callable[[Endpoint], Sample],
) -> tuple[Sample, dict[str, Sample]]:
    """Floor, A, floor, B, … in each round (numbered from 1), so that the noise of a shared
    machine hits the floor and every endpoint alike; samples are merged by endpoint name."""
    floor_sample, samples = Sample(), {}
    for number in range(1, rounds + 1):
        for endpoint in endpoints_of_round(number):
            floor_sample.merge(measure(floor))
            samples.setdefault(endpoint.name, Sample()).merge(measure(endpoint))
    return floor_sample, samples


def metrics(floor: Sample, samples: dict[str, Sample]) -> list[dict]:
    """The figures as `{name, value, unit, ratio_to_floor}`, the floor's own first."""
    rows = []
    for name, sample in {"floor": floor, **samples}.items():
        rows += [
            _metric(f"{name}.throughput", sample.throughput, "req/s", floor.throughput),
            _metric(f"{name}.p50", sample.percentile_ms(0.50), "ms", floor.percentile_ms(0.50)),
            _metric(f"{name}.p95", sample.percentile_ms(0.95), "ms", floor.percentile_ms(0.95)),
            {
                "name": f"{name}.errors",
                "value": sum(sample.errors.values()),
                "unit": "requests",
                "ratio_to_floor": None,
            },
        ]
    return rows


def _metric(name: str, value: float, unit: str, floor_value: float) -> dict:
    ratio = value / floor_value if floor_value else None
    return {
        "name": name,
        "value": round(value, 2),
        "unit": unit,
        "ratio_to_floor": round(ratio, 3) if ratio is not None else None,
    }


def write_results(rows: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")


def format_table(floor: Sample, samples: dict[str, Sample], targets: dict[str, float]) -> str:
    header = f"{'endpoint':<16}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}{'× floor':>9}"
    lines = [header, "-" * len(header)]
    for name, sample in {"floor": floor, **samples}.items():
        ratio = sample.throughput / floor.throughput if floor.throughput else float("nan")
        line = (
            f"{name:<16}{sample.throughput:>9.1f}{sample.percentile_ms(0.50):>9.1f}"
            f"{sample.percentile_ms(0.95):>9.1f}{sum(sample.errors.values()):>8}{ratio:>9.2f}"
        )
        if name in targets:
            verdict = "meets" if ratio >= targets[name] else "BELOW"
            line += f"  {verdict} target ≥ {targets[name]}"
        lines.append(line)
    for name, sample in {"floor": floor, **samples}.items():
        if sample.errors:
            detail = ", ".join(f"{error} × {count}" for error, count in sample.errors.items())
            lines.append(f"errors on {name}: {detail}")
    return "\n".join(lines)
