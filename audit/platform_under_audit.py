"""The audited platform: a fresh database, gunicorn on a free port, task workers to start and
kill, all with production settings. Used by run.py and the scenarios."""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]  # this checkout's code, not an installed one

from harness import HOST, Server, free_port, gunicorn, run_checked  # noqa: E402


@dataclass
class Result:
    """What one scenario sent, broke and observed; every count but the first two must be 0."""

    name: str
    requests: int = 0
    faults: int = 0
    lost: int = 0
    double_booked: int = 0
    server_errors: int = 0
    notes: list[str] = field(default_factory=list)


@contextlib.contextmanager
def fresh_database(workdir: Path) -> Iterator[tuple[dict[str, str], str]]:
    """A temporary SQLite file, or, with DATABASE_URL, a PostgreSQL database created on that
    server for the audit and dropped after it (the configured database is never touched)."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        yield {"SQLITE_PATH": str(workdir / "audit.sqlite3")}, "SQLite (temporary file, WAL)"
        return
    import psycopg

    parts = urlsplit(url)
    name = f"audit_{secrets.token_hex(4)}"
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        where = f"PostgreSQL {parts.hostname}:{parts.port or 5432}/{name} (created, then dropped)"
        yield {"DATABASE_URL": urlunsplit(parts._replace(path=f"/{name}"))}, where
    finally:
        with psycopg.connect(maintenance, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def production_env(workdir: Path, port: int, database: dict[str, str], smtp_port: int) -> dict:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(
        database,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="0",
        SITE_URL=f"http://{HOST}:{port}",
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        LOG_LEVEL="ERROR",
        # Each simulated person comes through one trusted proxy with their own address.
        TRUSTED_PROXY_HOPS="1",
        EMAIL_HOST=HOST,
        EMAIL_PORT=str(smtp_port),
        EMAIL_USE_TLS="0",
        EMAIL_TIMEOUT="5",
        DEFAULT_FROM_EMAIL="La Réserve <audit@lareserve.localhost>",
        # Short leases, so that recovery is observed within seconds.
        TASK_HEARTBEAT_SECONDS="1",
        TASK_LEASE_SECONDS="3",
        OUTBOX_LEASE_SECONDS="8",
    )
    return env


@contextlib.contextmanager
def running_platform(smtp_port: int, web_workers: int = 4) -> Iterator[tuple[Server, str]]:
    with tempfile.TemporaryDirectory(prefix="la-reserve-audit-") as tmp:
        workdir = Path(tmp)
        port = free_port()
        with fresh_database(workdir) as (database, where):
            server = Server(port=port, env=production_env(workdir, port, database, smtp_port))
            server.manage("migrate", "--noinput")
            server.manage("collectstatic", "--noinput")
            os.environ.update(server.env, DJANGO_SETTINGS_MODULE="reserve.settings")
            import django

            django.setup()
            try:
                with gunicorn(server, web_workers, workdir / "gunicorn.log"):
                    yield server, where
            finally:
                from django.db import connections

                connections.close_all()


class Worker:
    """`manage.py db_worker` in its own process group, to be stopped or killed (SIGKILL)."""

    def __init__(self, server: Server, **env: str):
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
            cwd=ROOT,
            env={**server.env, **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()


__all__ = ["HOST", "ROOT", "Result", "Server", "Worker", "run_checked", "running_platform"]
