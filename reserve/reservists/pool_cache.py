"""A short-lived cache of the pool search's matching ids, keyed by the normalised criteria.

Only the ordered ids (at most COUNT_CAP + 1) are kept: names, skills and the rest of a page are
still loaded fresh. Any change to a profile, its skills, its periods or its account bumps a
generation counter (reserve.core.caching.invalidate), which forgets every cached search at once.
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


def key(criteria: dict | None) -> str:
    generation = cache.get(f"page-generation:{SCOPE}", 0)
    normalised = {
        name: sorted(map(str, value))
        if isinstance(value, list | tuple | set)
        else str(getattr(value, "pk", value))  # an employer by its id, not its name
        for name, value in (criteria or {}).items()
        if value not in (None, "", [], ())
    }
    digest = hashlib.sha256(json.dumps(normalised, sort_keys=True).encode()).hexdigest()
    return f"pool-ids:{generation}:{digest}"


def matching_ids(criteria: dict | None, compute) -> list[int]:
    """The cached ids for these criteria, or compute() stored for a short while."""
    timeout = seconds()
    if timeout <= 0:
        return compute()
    cache_key = key(criteria)
    ids = cache.get(cache_key)
    if ids is None:
        ids = compute()
        cache.set(cache_key, ids, timeout)
    return ids


def _changed(sender, **kwargs) -> None:
    invalidate()


def connect() -> None:
    from django.contrib.auth import get_user_model

    from .models import AvailabilityPeriod, Profile, ProfileSkill

    for model in (Profile, ProfileSkill, AvailabilityPeriod, get_user_model()):
        for signal in (post_save, post_delete):
            signal.connect(_changed, sender=model, dispatch_uid=f"pool-cache:{model.__name__}")
