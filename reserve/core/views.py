from django import forms
from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import health, plugins, stats
from .caching import cache_anonymous_page
from .components import STATUS_TONES


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


class StyleExampleForm(forms.Form):
    name = forms.CharField(
        label=_("Nom de l'équipe"), help_text=_("Le nom que verront les autres réservistes.")
    )
    email = forms.EmailField(label=_("Adresse e-mail"))


@login_required
def style(request):
    """The living style guide: every component of the design system, in both themes."""
    if not request.user.is_staff:
        raise PermissionDenied(_("Le guide de style est réservé à l'équipe de la plateforme."))
    themes = [
        ("light", "clair", _("Thème clair"), _example_form("clair")),
        ("dark", "sombre", _("Thème sombre"), _example_form("sombre")),
    ]
    context = {
        "themes": themes,
        "statuses": sorted(STATUS_TONES),
        "chart_rows": [(_("Janvier"), 12), (_("Février"), 19), (_("Mars"), 7)],
        "steps": [_("Vous"), _("Compétences"), _("Disponibilités"), _("Confirmation")],
        "colours": [
            "bg",
            "surface",
            "surface-2",
            "fg",
            "muted",
            "line",
            "accent",
            "accent-soft",
            "success-bg",
            "warning-bg",
            "danger-bg",
            "info-bg",
        ],
    }
    return render(request, "core/style.html", context)


def _example_form(prefix):
    form = StyleExampleForm({"name": "", "email": "pas-une-adresse"}, auto_id=f"{prefix}_%s")
    form.is_valid()
    return form


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


def admin_login(request):
    """The admin has no login form of its own: the site's login is the only door, with its rate
    limits, its login by e-mail code and its password reset (allauth)."""
    next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = reverse("admin:index")
    if not request.user.is_authenticated:
        return redirect_to_login(next_url, settings.LOGIN_URL)
    if not request.user.is_staff:
        raise PermissionDenied(_("L'administration est réservée à l'équipe de la plateforme."))
    return redirect(next_url)


def floor(request):
    """Liveness, and the benchmarks' floor: the cheapest response through the full middleware
    stack, touching neither the database nor the cache."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def ready(request):
    """Readiness: 200 when the database (and the shared cache) answer, 503 naming what failed."""
    checks = health.readiness()
    ok = all(result == "ok" for result in checks.values())
    return JsonResponse(
        {"status": "ok" if ok else "unavailable", "checks": checks}, status=200 if ok else 503
    )


def error_404(request, exception):
    return render(request, "404.html", status=404)


def error_403(request, exception):
    return render(request, "403.html", {"reason": exception}, status=403)


def error_500(request):
    return render(request, "500.html", status=500)
