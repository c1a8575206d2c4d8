"""Whole-page caching for anonymous visitors: the pages the public and the press hit hardest."""

import hashlib
from functools import wraps

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language


def generation(scope: str) -> int:
    """How many times the scope was invalidated: part of the key of anything cached for it."""
    return cache.get(f"page-generation:{scope}", 0)


def page_key(request, scope: str) -> str:
    generation_ = generation(scope)
    # Hashed: a query string can be of any length, a cache key (memcached: 250 bytes) cannot.
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page:{scope}:{generation_}:{get_language()}:{path}"


def invalidate(scope: str) -> None:
    """Forget every cached page of a scope at once (call it when what they show changes)."""
    try:
        cache.incr(f"page-generation:{scope}")
    except ValueError:
        cache.set(f"page-generation:{scope}", 1, None)


def cache_anonymous_page(seconds: int, scope: str = "default"):
    """Serve anonymous GETs from the cache; signed-in users and pending messages bypass it."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            cacheable = (
                request.method == "GET"
                and not request.user.is_authenticated
                and not len(messages.get_messages(request))
            )
            if not cacheable:
                return view(request, *args, **kwargs)
            key = page_key(request, scope)
            cached = cache.get(key)
            if cached is not None:
                return HttpResponse(cached[0], content_type=cached[1])
            response = view(request, *args, **kwargs)
            # A page holding a CSRF token belongs to one visitor: never share it.
            personal = response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            if response.status_code == 200 and not personal:
                cache.set(key, (response.content, response["Content-Type"]), seconds)
            return response

        return wrapper

    return decorator
