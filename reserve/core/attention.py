"""What needs a person now: the items of their home page, contributed by every app.

Core names no domain app. An app contributes by giving its AppConfig
`needs_attention(user) -> list[Item]` and, so that the header's count follows what changes,
`attention_models`: the models whose writes can change someone's items. The count is computed
once per person and cached; any write to a declared model starts a new generation of counts.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.apps import apps
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

COUNT_CACHE_SECONDS = 300
GENERATION_KEY = "attention-generation"


@dataclass(frozen=True)
class Item:
    """One thing a person should act on, and the link where they act."""

    title: str
    url: str
    detail: str = ""
    icon: str = "bell"
    # The date that makes it urgent (a deadline, a due qualification): soonest first.
    due: date | datetime | None = None
    kind: str = ""


def items_for(user) -> list[Item]:
    if not user.is_authenticated:
        return []
    items = []
    for config in apps.get_app_configs():
        contribute = getattr(config, "needs_attention", None)
        if contribute is not None:
            items.extend(contribute(user))
    return sorted(items, key=_urgency)


def _urgency(item: Item):
    if item.due is None:
        return (1, "")
    due = item.due if isinstance(item.due, datetime) else datetime(*item.due.timetuple()[:3])
    return (0, due.replace(tzinfo=None).isoformat())


def count_for(user) -> int:
    """How many items wait for the person: computed once, then cached until something changes."""
    if not user.is_authenticated:
        return 0
    key = f"attention:{_generation()}:{user.pk}"
    count = cache.get(key)
    if count is None:
        count = len(items_for(user))
        cache.set(key, count, COUNT_CACHE_SECONDS)
    return count


def _generation() -> int:
    return cache.get(GENERATION_KEY, 0)


def changed(**kwargs) -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def connect_models() -> None:
    """Called once at start-up (CoreConfig.ready): watch the models the apps declared."""
    for config in apps.get_app_configs():
        for label in getattr(config, "attention_models", ()):
            model = apps.get_model(label)
            post_save.connect(changed, sender=model, dispatch_uid=f"attention-save-{label}")
            post_delete.connect(changed, sender=model, dispatch_uid=f"attention-delete-{label}")
