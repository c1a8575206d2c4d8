"""The programme's live counters, shown on the home page and in the API."""

from django.core.cache import cache

from reserve.accounts.models import User
from reserve.organisations.models import ADMINISTRATION_KINDS, Organisation, Part

CACHE_KEY = "core:home-counters"
CACHE_SECONDS = 60


def counters() -> dict[str, int]:
    cached = cache.get(CACHE_KEY)
    if cached is None:
        cached = compute_counters()
        cache.set(CACHE_KEY, cached, CACHE_SECONDS)
    return cached


def compute_counters() -> dict[str, int]:
    verified = Organisation.objects.verified()
    return {
        "reservists": User.objects.filter(is_reservist=True, is_active=True).count(),
        "organisations": verified.count(),
        "administrations": verified.filter(kind__in=ADMINISTRATION_KINDS).count(),
        "employers": verified.playing(Part.EMPLOYER).count(),
    }
