"""Whether this process can serve: the database answers, and the shared cache when there is one."""

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.utils.crypto import get_random_string

PROCESS_LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


def shared_cache_configured() -> bool:
    """True when the default cache lives outside this process (Redis, Memcached, database...)."""
    return settings.CACHES["default"]["BACKEND"] not in PROCESS_LOCAL_CACHES


def check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return f"unavailable ({type(error).__name__})"
    return "ok"


def check_cache() -> str:
    key, value = "health:ready", get_random_string(12)
    try:
        cache.set(key, value, 10)
        answered = cache.get(key)
    except Exception as error:  # noqa: BLE001 - each cache backend raises its own errors
        return f"unavailable ({type(error).__name__})"
    return "ok" if answered == value else "unavailable (value not kept)"


def readiness() -> dict[str, str]:
    checks = {"database": check_database()}
    if shared_cache_configured():
        checks["cache"] = check_cache()
    return checks
