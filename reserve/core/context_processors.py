from django.conf import settings

from . import attention, plugins
from .notify import unread_count


def platform(request):
    return {
        # Pages that htmx updates in place extend `layout`: only their <main> for htmx.
        "layout": "partial.html" if swaps_main_content(request) else "base.html",
        "SITE_URL": settings.SITE_URL,
        "citizen_apps": plugins.navigation,
        # A callable: counted (one query, then cached) only where a template shows it.
        "unread_notifications": lambda: unread_count(request.user),
        "needs_count": lambda: attention.count_for(request.user),
    }


def swaps_main_content(request) -> bool:
    """An htmx request for the page's main content (not the restoration of a whole page from
    the history, which needs the full page)."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request
