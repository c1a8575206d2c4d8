import json
import uuid

from django.conf import settings
from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reserve.accounts.roles import Role, role_required
from reserve.core import files
from reserve.core import theme as site_theme
from reserve.core.caching import cache_anonymous_page
from reserve.core.clients import client_ip
from reserve.core.csv_export import SafeDictWriter

from . import explain, night, permissions, scripts, services, stats
from .forms import (
    AbuseForm,
    EcoWattForm,
    FollowUpForm,
    ModerationForm,
    ReportForm,
    ShopForm,
)
from .models import (
    Action,
    Answer,
    EcoWattDay,
    FollowUpAnswer,
    Moderation,
    Reason,
    Report,
    Shop,
    ShopStatus,
    Verdicts,
)

CACHE = services.CACHE_SCOPE


def _float(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def posted(request):
    """The POST data when posted (even empty, so that required fields say so), else None."""
    return request.POST if request.method == "POST" else None


def _too_many(request, template, context):
    context["rate_limited"] = True
    return render(request, template, context, status=429)


def tense_day():
    return EcoWattDay.objects.filter(day=timezone.localdate(), value__gte=2).first()


def street(request, lat=None, lon=None) -> dict:
    """What every street page needs: its theme (dark at night where the reader is) and the map."""
    return {
        "theme": night.theme(request, timezone.now(), lat, lon),
        "map_tile_url": settings.MAP_TILE_URL,
        "map_attribution": settings.MAP_ATTRIBUTION,
    }


@require_POST
def theme_switch(request):
    """The theme switch of the street pages, for those without JavaScript: the site's choice."""
    chosen = request.POST.get("theme", "")
    if chosen not in site_theme.THEMES:
        return HttpResponseBadRequest(_("Thème inconnu : « theme » vaut dark ou light."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = reverse("lightsoff:index")
    response = redirect(target)
    site_theme.remember(response, chosen, secure=request.is_secure())
    return response


def index(request):
    """Find the shop: located (lat/lon from the browser) or searched by name or address."""
    lat, lon = _float(request.GET.get("lat")), _float(request.GET.get("lon"))
    query = request.GET.get("q", "").strip()[:100]
    located = lat is not None and lon is not None
    if located and not services.in_france(lat, lon):
        messages.error(request, _("Cette position est hors de France : cherchez plutôt par nom."))
        located = False
    shops = []
    if located:
        shops = Shop.objects.nearest(lat, lon, metres=400, limit=40)
    elif query:
        shops = list(Shop.objects.search(query).order_by("name")[:40])
    markers = [
        {
            "id": s.pk,
            "name": s.name,
            "lat": s.lat,
            "lon": s.lon,
            "url": reverse("lightsoff:report", args=[s.pk]),
        }
        for s in shops
    ]
    return render(
        request,
        "lightsoff/index.html",
        {
            "shops": shops,
            "query": query,
            "lat": lat if located else None,
            "lon": lon if located else None,
            "markers": markers,
            "tense_day": tense_day(),
            **street(request, lat if located else None, lon if located else None),
        },
    )


def shop_add(request):
    initial = {"lat": request.GET.get("lat"), "lon": request.GET.get("lon")}
    form = ShopForm(posted(request), initial=initial)
    similar = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        similar = services.similar_shops(data["name"], data["lat"], data["lon"])
        if not similar or data["confirm_new"]:
            shop = services.add_shop(
                name=data["name"],
                category=data["category"],
                lat=data["lat"],
                lon=data["lon"],
                address=data["address"],
            )
            return redirect("lightsoff:report", shop.pk)
        form = ShopForm(initial={**data, "confirm_new": True})
    lat, lon = _float(form["lat"].value()), _float(form["lon"].value())
    located = lat is not None and lon is not None and services.in_france(lat, lon)
    context = {
        "form": form,
        "similar": similar,
        # Where the map opens: the pin if any, else the reader's city (Paris by default).
        "map_center": (lat, lon) if located else night.PARIS,
        **street(request, lat if located else None, lon if located else None),
    }
    return render(request, "lightsoff/shop_add.html", context)


def report_create(request, pk):
    shop = get_object_or_404(Shop.objects.public(), pk=pk)
    initial = {"seen_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M")}
    form = ReportForm(posted(request), request.FILES or None, initial=initial)
    context = {"shop": shop, "form": form, **street(request, shop.lat, shop.lon)}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = services.report_lit_shop(
                shop,
                element=data["element"],
                seen_at=data["seen_at"],
                photo=data["photo"],
                email=data["email"],
                consent=data["consent"],
                comment=data["comment"],
                client=client_ip(request),
            )
        except services.RateLimited:
            return _too_many(request, "lightsoff/report_form.html", context)
        except services.ServiceError as error:
            form.add_error(None, error)
        else:
            return redirect("lightsoff:report_result", report.token)
    return render(request, "lightsoff/report_form.html", context)


def report_result(request, token):
    report = get_object_or_404(Report.objects.select_related("shop"), token=token)
    waste = services.report_estimate(report)
    context = {
        "report": report,
        "shop": report.shop,
        "verdict": explain.stored(report),
        "waste": waste,
        "assumptions": explain.assumptions(waste),
        **street(request, report.shop.lat, report.shop.lon),
    }
    if report.verdict == Verdicts.VIOLATION:
        context |= {
            "call_script": scripts.call_script(report),
            "variants": scripts.message_variants(report),
            "can_call": report.shop.phone and not services.is_premium_rate(report.shop.phone),
            "actions": Action,
        }
    return render(request, "lightsoff/report_result.html", context)


@require_POST
def report_action(request, token):
    report = get_object_or_404(Report, token=token)
    action = request.POST.get("action", "")
    try:
        services.record_action(report, action)
    except services.ServiceError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Merci ! C'est noté : « %(action)s ».") % {"action": Action(action).label}
        )
    return redirect("lightsoff:report_result", report.token)


@cache_anonymous_page(60, CACHE)
def shop_detail(request, pk):
    shop = get_object_or_404(Shop.objects.public(), pk=pk)
    reports = shop.reports.filter(moderation=Moderation.VISIBLE)[:10]
    return render(request, "lightsoff/shop_detail.html", {"shop": shop, "reports": reports})


def shopkeeper(request, token):
    """The shopkeeper's page: reached by the link or QR code only, no account."""
    shop = get_object_or_404(Shop, token=token)
    context = {"shop": shop, "reasons": Reason.choices, "answers": Answer, "answered": None}
    if request.method == "POST":
        try:
            given = services.answer_as_shopkeeper(
                shop,
                request.POST.get("answer", ""),
                request.POST.get("reason", ""),
                client=client_ip(request),
            )
        except services.RateLimited:
            return _too_many(request, "lightsoff/shopkeeper.html", context)
        except services.ServiceError as error:
            context["error"] = " ".join(error.messages)
        else:
            context["answered"] = given
            shop.refresh_from_db()
    return render(request, "lightsoff/shopkeeper.html", context)


def follow_up(request, token):
    report = get_object_or_404(Report.objects.select_related("shop"), token=token)
    form = FollowUpForm(posted(request))
    context = {
        "shop": report.shop,
        "form": form,
        **street(request, report.shop.lat, report.shop.lon),
    }
    if request.method == "POST" and form.is_valid():
        try:
            follow_up = services.record_follow_up(
                report.shop, form.cleaned_data["answer"], report=report, client=client_ip(request)
            )
        except services.RateLimited:
            return _too_many(request, "lightsoff/follow_up.html", context)
        except services.ServiceError as error:
            form.add_error(None, error)
        else:
            thank_for_follow_up(request, follow_up)
            return redirect("lightsoff:shop", report.shop.pk)
    return render(request, "lightsoff/follow_up.html", context)


def thank_for_follow_up(request, follow_up):
    waiting = follow_up.answer == FollowUpAnswer.NOW_OFF and (
        follow_up.shop.status != ShopStatus.CONFIRMED_OFF
    )
    if waiting:
        messages.success(
            request,
            _(
                "Merci d'être repassé(e) ! Quand une autre personne l'aura vu éteint elle aussi, "
                "le commerce sera affiché « éteint (confirmé) »."
            ),
        )
    else:
        messages.success(request, _("Merci d'être repassé(e) ! Le statut du commerce est à jour."))


def abuse(request, pk):
    shop = get_object_or_404(Shop.objects.public(), pk=pk)
    report = _public_report(shop, request.GET.get("signalement", ""))
    form = AbuseForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.report_abuse(
                shop, form.cleaned_data["reason"], report, client=client_ip(request)
            )
        except services.RateLimited:
            return _too_many(request, "lightsoff/abuse.html", {"shop": shop, "form": form})
        messages.success(request, _("Merci, l'équipe de modération va regarder."))
        return redirect("lightsoff:shop", shop.pk)
    return render(request, "lightsoff/abuse.html", {"shop": shop, "form": form})


def photo(request, public_id):
    """A report's photo: public once moderated, before that for the moderators only."""
    report = get_object_or_404(Report.objects.exclude(photo=""), public_id=public_id)
    if not permissions.can_see_photo(request.user, report):
        raise Http404
    return files.serve(report.photo)


def _public_report(shop, public_id: str):
    try:
        return shop.reports.filter(public_id=uuid.UUID(public_id)).first()
    except ValueError:
        return None


# --- public impact ---------------------------------------------------------------------------


@cache_anonymous_page(120, CACHE)
def impact(request):
    months = [(date_format(m["month"], "F Y"), m["count"]) for m in stats.reports_by_month()]
    statuses = [s for s in ShopStatus.choices if s[0] != ShopStatus.LISTED]
    return render(
        request,
        "lightsoff/impact.html",
        {
            "figures": stats.impact_figures(),
            "cities": stats.by_city(),
            "months": months,
            "tense_day": tense_day(),
            "statuses": statuses,
            "status_labels": {value: str(label) for value, label in statuses},
            "map_extent": json.dumps(stats.reported_extent()),
            "map_tile_url": settings.MAP_TILE_URL,
            "map_attribution": settings.MAP_ATTRIBUTION,
        },
    )


OPEN_DATA_FIELDS = [
    "id", "name", "category", "address", "city", "commune", "lat", "lon", "osm_id", "status",
    "report_count", "last_verdict", "kwh_per_year", "eur_per_year", "kg_co2_per_year",
]  # fmt: skip


def _open_data_rows():
    return Shop.objects.public().exclude(status=ShopStatus.LISTED).values(*OPEN_DATA_FIELDS)


def impact_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="lightsoff-commerces.csv"'
    writer = SafeDictWriter(response, fieldnames=OPEN_DATA_FIELDS)
    writer.writeheader()
    writer.writerows(_open_data_rows())
    return response


def impact_geojson(request):
    features = [
        {
            "type": "Feature",
            "id": row["id"],
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": {k: v for k, v in row.items() if k not in ("lat", "lon", "id")},
        }
        for row in _open_data_rows()
    ]
    body = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/geo+json")
    response["Content-Disposition"] = 'attachment; filename="lightsoff-commerces.geojson"'
    return response


# --- moderation and EcoWatt (staff) -----------------------------------------------------------


@role_required(Role.STAFF)
def moderation(request):
    if request.method == "POST":
        report = get_object_or_404(Report, pk=request.POST.get("report"))
        form = ModerationForm(request.POST)
        if form.is_valid():
            try:
                services.moderate_report(
                    request.user,
                    report,
                    approve=form.cleaned_data["decision"] == "approve",
                    reason=form.cleaned_data["reason"],
                )
            except services.ServiceError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Décision enregistrée."))
        return redirect("lightsoff:moderation")
    flagged = Q(moderation=Moderation.PENDING) | Q(abusereport__resolved=False)
    pending = Report.objects.filter(flagged).distinct().select_related("shop")[:50]
    return render(
        request, "lightsoff/moderation.html", {"reports": pending, "form": ModerationForm()}
    )


@role_required(Role.STAFF)
def ecowatt(request):
    form = EcoWattForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.set_ecowatt(request.user, data["day"], data["value"], data["message"])
        messages.success(request, _("Signal EcoWatt enregistré."))
        return redirect("lightsoff:ecowatt")
    days = EcoWattDay.objects.all()[:14]
    return render(request, "lightsoff/ecowatt.html", {"form": form, "days": days})
