from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language

from . import plugins, stats
from .caching import cache_anonymous_page


@cache_anonymous_page(60)
def home(request):
    context = {"counters": stats.counters(), "citizen_app_sections": plugins.home_sections()}
    return render(request, "core/home.html", context)


def privacy(request):
    retention = {
        "reminder_days": settings.INACTIVE_ACCOUNT_REMINDER_DAYS,
        "delete_days": settings.INACTIVE_ACCOUNT_DELETE_AFTER_REMINDER_DAYS,
        "unconfirmed_days": settings.UNCONFIRMED_ACCOUNT_DELETE_DAYS,
        "lightsoff_days": getattr(settings, "LIGHTSOFF_PURGE_DAYS", None),
    }
    return render(request, "core/privacy.html", {"retention": retention})


def set_language(request, code):
    """A plain link switches the language, so that pages can be cached without a CSRF token."""
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if check_for_language(code):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response


def floor(request):
    """The benchmarks' floor: the cheapest response through the full middleware stack."""
    return HttpResponse("ok", content_type="text/plain")


def error_404(request, exception):
    return render(request, "404.html", status=404)


def error_403(request, exception):
    return render(request, "403.html", {"reason": exception}, status=403)


def error_500(request):
    return render(request, "500.html", status=500)
