"""The programme's live counters, shown on the home page and in the API.

Each app contributes by giving its AppConfig a `public_counters() -> list[Counter]` method.
"""

from dataclasses import dataclass

from django.apps import apps
from django.core.cache import cache

CACHE_KEY = "core:public-counters"
CACHE_SECONDS = 60


@dataclass(frozen=True)
class Counter:
    key: str
    label: str  # plural, e.g. "réservistes"
    value: int
    singular: str | None = None  # e.g. "réserviste", shown when the value is 0 or 1

    @property
    def caption(self) -> str:
        return self.singular if self.singular is not None and self.value <= 1 else self.label


def counters() -> list[Counter]:
    cached = cache.get(CACHE_KEY)
    if cached is None:
        cached = compute_counters()
        cache.set(CACHE_KEY, cached, CACHE_SECONDS)
    return cached


def compute_counters() -> list[Counter]:
    found = []
    for config in apps.get_app_configs():
        contribute = getattr(config, "public_counters", None)
        if contribute is not None:
            found.extend(contribute())
    return found
