"""Who is asking: the address of the person, not of our reverse proxy, and how often they ask.

Every rate limit counts by `client_ip(request)` with `hit_rate_limit` (counters in the cache,
shared between processes when the cache is: checks.py warns otherwise). allauth's own limits
read the same settings (ALLAUTH_TRUSTED_PROXY_COUNT and ALLAUTH_TRUSTED_CLIENT_IP_HEADER are set
from them), so a person is counted the same way everywhere. docs/configuration.md explains them.
"""

import ipaddress

from django.conf import settings
from django.core.cache import cache


def _valid(address: str) -> str:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return ""


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, unless the deployment declares trusted proxies.

    TRUSTED_CLIENT_IP_HEADER: the proxy puts the address in that header (e.g. X-Real-IP).
    TRUSTED_PROXY_HOPS = n: each of n proxies appends the address it saw to X-Forwarded-For, so
    the n-th from the right is the one the first proxy saw; entries further left were sent by the
    client and prove nothing. When the header lacks them (a request that bypassed the proxies),
    REMOTE_ADDR is used.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    if settings.TRUSTED_CLIENT_IP_HEADER:
        return _valid(request.headers.get(settings.TRUSTED_CLIENT_IP_HEADER, "")) or remote
    hops = settings.TRUSTED_PROXY_HOPS
    if hops > 0:
        forwarded = request.headers.get("X-Forwarded-For", "").split(",")
        if len(forwarded) >= hops:
            return _valid(forwarded[-hops]) or remote
    return remote


def hit_rate_limit(kind: str, key: str, limit: int, seconds: int = 3600) -> bool:
    """Count one hit of `key` for `kind`; True when it is over `limit` in the current window."""
    cache_key = f"rate:{kind}:{key}"
    cache.add(cache_key, 0, seconds)
    try:
        return cache.incr(cache_key) > limit
    except ValueError:  # the counter expired between add and incr
        cache.set(cache_key, 1, seconds)
        return False
