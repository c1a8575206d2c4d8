import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from reserve.core import plugins

ROOT = Path(__file__).resolve().parents[3]
WITHOUT_CITIZEN_APPS = "reserve.core.tests.settings_without_citizen_apps"

# Run in a fresh process: what the platform imports once no citizen app is installed.
VISIT = """
import json, sys
import django
django.setup()
from django.core.management import call_command
from django.test import Client
from django.test.utils import setup_test_environment
call_command("migrate", verbosity=0)
setup_test_environment()
client = Client()
paths = ["/", "/defis/", "/organisations/", "/api/stats", "/api/openapi.json", "/lightsoff/"]
print(json.dumps({
    "status": {path: client.get(path).status_code for path in paths},
    "home": client.get("/").content.decode(),
    "imported": sorted(name for name in sys.modules if name.startswith("reserve.apps.")),
}))
"""


def run_without_citizen_apps(tmp_path, *args):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}
    }
    environment |= {
        "DEBUG": "1",  # the embedded set-up, as `make run` serves it (no HTTPS redirect)
        "DJANGO_SETTINGS_MODULE": WITHOUT_CITIZEN_APPS,
        "SQLITE_PATH": str(tmp_path / "db.sqlite3"),
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_platform_starts_without_any_citizen_app(tmp_path):
    result = run_without_citizen_apps(tmp_path, "manage.py", "check", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_platform_serves_its_pages_without_any_citizen_app(tmp_path):
    result = run_without_citizen_apps(tmp_path, "-c", VISIT)

    assert result.returncode == 0, result.stderr
    visit = json.loads(result.stdout.splitlines()[-1])
    assert visit["status"] == {
        "/": 200,
        "/defis/": 200,
        "/organisations/": 200,
        "/api/stats": 200,
        "/api/openapi.json": 200,
        "/lightsoff/": 404,
    }
    assert "Des bénévoles mobilisés" in visit["home"]
    assert "lightsoff" not in visit["home"].lower()
    assert visit["imported"] == []


@pytest.mark.django_db
def test_the_home_page_presents_each_citizen_app_from_its_declaration(client, monkeypatch):
    config = apps.get_app_config("lightsoff")
    monkeypatch.setattr(config, "home_heading", "Une vitrine allumée à 3 h ?")
    monkeypatch.setattr(config, "summary", "Dites-le en deux minutes.")
    plugins.home_sections.cache_clear()
    try:
        page = client.get("/").content.decode()
    finally:
        plugins.home_sections.cache_clear()

    assert '<h2 id="titre-lightsoff">Une vitrine allumée à 3 h ?</h2>' in page
    assert "<p>Dites-le en deux minutes.</p>" in page
    assert '<a class="button secondary" href="/lightsoff/">Signaler un commerce</a>' in page
    assert '<a href="/lightsoff/impact/">Voir l&#x27;impact</a>' in page


@pytest.mark.django_db
def test_each_citizen_app_reports_indicators_with_a_unit_and_a_source():
    indicators = [i for config in plugins.citizen_app_configs() for i in config.impact_indicators()]

    assert indicators
    for indicator in indicators:
        assert set(indicator) >= {"key", "label", "value", "unit", "source"}
        assert isinstance(indicator["value"], int | float)
        assert str(indicator["label"])
        assert str(indicator["source"])


class UndeclaredConfig(plugins.CitizenApp):
    """A citizen app that forgot everything it must declare."""

    name = "reserve.core"
    label = "undeclared"
    url_prefix = "/lightsoff"
    api_router = "reserve.nowhere.router"
    staff_links = [("Modération", "undeclared:moderation")]
    periodic_tasks = [("not a task", 3600)]


@pytest.fixture
def undeclared_app(monkeypatch):
    config = UndeclaredConfig("reserve.core", sys.modules["reserve.core"])
    installed = plugins.citizen_app_configs()
    monkeypatch.setattr(plugins, "citizen_app_configs", lambda: [*installed, config])
    return config


def error_ids(config):
    return {error.id for error in plugins.check_citizen_apps() if error.obj is config}


def test_the_declared_citizen_apps_pass_the_checks():
    assert plugins.check_citizen_apps() == []


def test_a_citizen_app_missing_its_declarations_stops_the_platform(undeclared_app):
    with pytest.raises(SystemCheckError) as refusal:
        call_command("check")

    assert "plugins.E001" in str(refusal.value)
    assert "Citizen app 'undeclared' does not declare `title`." in str(refusal.value)


def test_each_missing_declaration_has_its_own_error(undeclared_app):
    assert error_ids(undeclared_app) == {
        "plugins.E001",  # title
        "plugins.E002",  # nav_label
        "plugins.E003",  # summary
        "plugins.E004",  # challenge_slug
        "plugins.E005",  # url_prefix starting with "/"
        "plugins.E007",  # api_router that cannot be imported
        "plugins.E008",  # undeclared:index and undeclared:moderation do not exist
        "plugins.E009",  # periodic_tasks that are not (task, timedelta)
    }


def test_a_well_declared_citizen_app_passes(undeclared_app, monkeypatch):
    from reserve.core.mail import deliver_outbox_message

    for attribute, value in {
        "title": "Exemple",
        "nav_label": "Exemple",
        "summary": "Une application d'exemple.",
        "challenge_slug": "defi-exemple",
        "url_prefix": "exemple/",
        "api_router": "reserve.core.api.router",
        "api_prefix": "/exemple",
        "index_url_name": "core:home",
        "staff_links": [("Accueil", "core:privacy")],
        "periodic_tasks": [(deliver_outbox_message, timedelta(minutes=5))],
    }.items():
        monkeypatch.setattr(undeclared_app, attribute, value)

    assert error_ids(undeclared_app) == set()


def test_two_citizen_apps_cannot_share_a_prefix(undeclared_app, monkeypatch):
    monkeypatch.setattr(undeclared_app, "url_prefix", "lightsoff/")

    assert "plugins.E010" in error_ids(undeclared_app)
