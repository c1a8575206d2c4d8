import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]


def run_manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**environment, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_with_no_configuration_at_all_it_refuses_to_start_with_a_public_key(tmp_path):
    result = run_manage("check", SQLITE_PATH=str(tmp_path / "db.sqlite3"))

    assert result.returncode != 0
    assert "SECRET_KEY must be set (or DEBUG=1 for a local demo)" in result.stderr


def test_the_local_demo_needs_only_debug_on(tmp_path):
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.EMAIL_DELIVERY_BACKEND)",
        SQLITE_PATH=str(tmp_path / "db.sqlite3"),
        DEBUG="1",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-3:] == [
        "True",
        "django.db.backends.sqlite3",
        "django.core.mail.backends.console.EmailBackend",
    ]


def test_the_production_configuration_passes_check_deploy():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="a-real-secret-key-for-production-0123456789-abcdefghijklmnop",
        ALLOWED_HOSTS="lareserve.example.org",
        SITE_URL="https://lareserve.example.org",
        DATABASE_URL="postgres://reserve@db.example.org/reserve",
        EMAIL_HOST="smtp.example.org",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="lareserve.example.org")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
def test_postgresql_connections_do_not_jit_compile_queries():
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
