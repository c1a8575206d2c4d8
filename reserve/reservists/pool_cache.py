"""A short-lived cache of the pool search, keyed by the normalised criteria: the ordered ids of
the matches (at most COUNT_CAP + 1) and each rendered page of results (results.py).

Any change to a profile, its skills, its periods, its account or an organisation bumps a generation
counter (reserve.core.caching.invalidate), which forgets every cached search at once.
POOL_CACHE_SECONDS=0 turns the cache off (the benchmark does, to measure cold searches).
"""

import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from reserve.core.caching import invalidate as invalidate_scope

SCOPE = "reservists-pool"


def seconds() -> int:
    return settings.POOL_CACHE_SECONDS


def invalidate() -> None:
    invalidate_scope(SCOPE)


def key(criteria: dict | None, *extra) -> str:
    generation = cache.get(f"page-generation:{SCOPE}", 0)
    normalised = {
        name: sorted(map(str, value))
        if isinstance(value, list | tuple | set)
        else str(getattr(value, "pk", value))  # an employer by its id, not its name
        for name, value in (criteria or {}).items()
        if value not in (None, "", [], ())
    }
    digest = hashlib.sha256(json.dumps([normalised, extra], sort_keys=True).encode()).hexdigest()
    return f"pool:{generation}:{digest}"


def _cached(cache_key: str, compute):
    timeout = seconds()
    if timeout <= 0:
        return compute()
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        cache.set(cache_key, value, timeout)
    return value


def matching_ids(criteria: dict | None, compute) -> list[int]:
    """The cached ids for these criteria, or compute() stored for a short while."""
    return _cached(key(criteria, "ids"), compute)


def fragment(criteria: dict | None, extra: tuple, compute) -> str:
    """A cached piece of HTML for these criteria and `extra` (page number, language…)."""
    return _cached(key(criteria, "html", *extra), compute)


def employer_choices(compute) -> list[tuple[int, str]]:
    """The employers a search can pick, kept like the searches (organisations invalidate too)."""
    return _cached(key(None, "employers"), compute)


def _changed(sender, **kwargs) -> None:
    invalidate()


def connect() -> None:
    from django.contrib.auth import get_user_model

    from reserve.organisations.models import Organisation

    from .models import AvailabilityPeriod, Profile, ProfileSkill

    for model in (Profile, ProfileSkill, AvailabilityPeriod, get_user_model(), Organisation):
        for signal in (post_save, post_delete):
            signal.connect(_changed, sender=model, dispatch_uid=f"pool-cache:{model.__name__}")
