"""Fixtures shared by every test: unit, integration and browser."""

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from reserve.accounts.tests.factories import UserFactory

# The machine is shared and its load varies: a property test is judged on its result, not on the
# time one example took (hypothesis's default 200 ms deadline made them flaky under load).
hypothesis_settings.register_profile("shared-machine", deadline=None)
hypothesis_settings.load_profile("shared-machine")


@pytest.fixture(autouse=True)
def outbox_email(settings):
    """Mail goes through the real outbox; delivery lands in django.core.mail.outbox."""
    settings.EMAIL_BACKEND = "reserve.core.mail.OutboxBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """A deliberately slow hash costs seconds per sign-up and proves nothing here."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counters and cached pages live in the cache: each test starts afresh."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def french_by_default():
    """A request in English leaves English active in the thread: the next test starts in French."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture
def run_tasks(monkeypatch):
    """Work the task queue as `manage.py db_worker` does, until it is empty.

    The worker closes stale connections between tasks; inside a test's transaction that would
    close the test's own connection (PostgreSQL), so that step is skipped here.
    """
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )

    def run():
        call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)

    return run


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True)
