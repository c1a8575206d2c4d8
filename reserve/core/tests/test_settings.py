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


def test_with_no_configuration_at_all_debug_is_off_and_the_key_is_its_own(tmp_path):
    key_file = tmp_path / "var" / "secret_key"
    show = "from django.conf import settings as s; print(s.DEBUG, s.SECRET_KEY)"

    first = run_manage("shell", "-c", show, SECRET_KEY_FILE=str(key_file))
    second = run_manage("shell", "-c", show, SECRET_KEY_FILE=str(key_file))

    assert first.returncode == 0, first.stderr
    debug, key = first.stdout.split()[-2:]
    assert debug == "False"
    assert key == key_file.read_text()
    assert len(key) >= 50
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert second.stdout.split()[-1] == key


def test_it_refuses_to_start_when_it_can_neither_read_nor_create_its_key(tmp_path):
    (tmp_path / "file").write_text("")

    result = run_manage("check", SECRET_KEY_FILE=str(tmp_path / "file" / "secret_key"))

    assert result.returncode != 0
    assert "cannot be written" in result.stderr
    assert "set SECRET_KEY" in result.stderr


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


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
def test_postgresql_connections_do_not_jit_compile_queries():
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
