from django.conf import settings
from django.core.checks import Warning, register

from . import health


@register()
def rate_limits_are_shared(app_configs, **kwargs):
    """Counters in a per-process cache multiply every limit by the number of processes."""
    if settings.DEBUG or settings.WEB_CONCURRENCY <= 1 or health.shared_cache_configured():
        return []
    return [
        Warning(
            f"WEB_CONCURRENCY={settings.WEB_CONCURRENCY} web processes share no cache: each "
            "counts rate limits (logins, reports) on its own, so every limit is multiplied.",
            hint="Set REDIS_URL to a Redis server shared by every process (configuration.md).",
            id="core.W001",
        )
    ]
