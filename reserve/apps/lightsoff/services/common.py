"""What every LightsOff service shares: its error, the public-data cache and the rate limits."""

from django.core.cache import cache
from django.core.exceptions import ValidationError

from reserve.core.caching import invalidate

CACHE_SCOPE = "lightsoff"
MAP_GENERATION_KEY = "lightsoff:map-generation"


class ServiceError(ValidationError):
    """A rule of the service a user broke; the message says which, in the reader's language."""


class RateLimited(ServiceError):
    """Too many attempts in the current window (a 429 for the caller)."""


def public_data_changed() -> None:
    """Cached public pages and map answers are stale: forget them all at once."""
    invalidate(CACHE_SCOPE)
    try:
        cache.incr(MAP_GENERATION_KEY)
    except ValueError:
        cache.set(MAP_GENERATION_KEY, 1, None)


def map_generation() -> int:
    return cache.get(MAP_GENERATION_KEY, 0)
