"""Public impact pages, open data and the verification of a time statement."""

import io

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render

from reserve.core.caching import cache_anonymous_page
from reserve.core.csv_export import safe_writer

from . import figures, opendata, record
from .models import TimeStatement, Visibility
from .signals import SCOPE

CACHED = 600
CSV_COLUMNS = [
    "slug",
    "title",
    "status",
    "themes",
    "territory_level",
    "territory_name",
    "organisation",
    "delivered_at",
    "hours",
    "value_eur",
    "days_to_team",
    "days_to_delivery",
]


@cache_anonymous_page(CACHED, SCOPE)
def programme(request):
    return render(request, "impact/programme.html", figures.programme())


@cache_anonymous_page(CACHED, SCOPE)
def challenge(request, slug):
    impact = figures.challenge_impact(figures.get_impact_challenge(slug))
    return render(request, "impact/challenge.html", impact)


@cache_anonymous_page(CACHED, SCOPE)
def open_data_json(request):
    response = JsonResponse(
        opendata.programme_data(), encoder=DjangoJSONEncoder, json_dumps_params={"indent": 1}
    )
    response["Content-Disposition"] = 'inline; filename="impact.json"'
    return response


@cache_anonymous_page(CACHED, SCOPE)
def open_data_csv(request):
    buffer = io.StringIO()
    writer = safe_writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for challenge in figures.challenges_with_impact().order_by("slug"):
        data = opendata.challenge_data(challenge, detail=False)
        data["themes"] = " ".join(data["themes"])
        writer.writerow([data[column] for column in CSV_COLUMNS])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="impact.csv"'
    return response


def verify(request, token):
    statement = get_object_or_404(
        TimeStatement.objects.select_related("employer", "beneficiary"), token=token
    )
    return render(request, "impact/verify.html", {"statement": statement})


def contributor(request, token):
    visibility = get_object_or_404(
        Visibility.objects.select_related("user"), profile_token=token, public_profile=True
    )
    context = {
        "first_name": visibility.user.first_name,
        "engagements": record.engagements(visibility.user, public_only=True),
        "impact_statuses": figures.WITH_IMPACT,
    }
    return render(request, "impact/contributor.html", context)
