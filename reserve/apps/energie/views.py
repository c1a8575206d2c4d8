"""Énergie pages for households and alert givers: the diagnostic, its result, the private link.

A file is reached two ways: by the household through its private link (`/dossier/<token>/`), or
by someone with an account allowed to open it (`/foyers/<pk>/`). Both go through `_file`, which
audits every opening.
"""

from functools import wraps

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reserve.core import notify
from reserve.core.csv_export import SafeDictWriter
from reserve.core.lifecycle import TransitionRefused

from . import distribution, messages, queries, services
from .forms import STEP_FORMS, ConsentForm, FlagForm, FollowUpForm
from .models import DpeRecord, Household
from .permissions import HouseholdVisitor, get_household_for_user, organisations_acting_for


def index(request):
    return render(request, "energie/index.html", {"figures": queries.impact_figures()})


def start(request):
    form = ConsentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        household = services.start_household(email=form.cleaned_data["email"])
        if household.email:
            notify.email(
                [household.email],
                "energie/email/private_link",
                {"link_path": services.private_link(household)},
            )
        return redirect("energie:step", household.token, 1)
    return render(request, "energie/start.html", {"form": form})


class LinkGone(Exception):
    """A private link that leads to no file (deleted, purged, or mistyped)."""


def household_view(view):
    """A page of a household file: a dead private link gets a page that says so (404)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except LinkGone:
            return render(request, "energie/link_gone.html", status=404)

    return wrapper


def _file(request, token=None, pk=None):
    """The household file and who is looking at it; the opening is audited."""
    if token is not None:
        household = Household.from_token(token)
        if household is None:
            raise LinkGone
        actor = HouseholdVisitor(household)
    else:
        if not request.user.is_authenticated:
            raise PermissionDenied
        household = get_household_for_user(request.user, pk)
        actor = request.user
    services.open_file(actor, household)
    return household, actor


def _links(household, token, pk):
    """Where this file's pages are, for whoever is looking (private link or account)."""
    if token is not None:
        return {
            "file": reverse("energie:file", args=[token]),
            "step": lambda n: reverse("energie:step", args=[token, n]),
            "delete": reverse("energie:delete", args=[token]),
            "request": reverse("energie:request", args=[token]),
        }
    return {
        "file": reverse("energie:household", args=[pk]),
        "step": lambda n: reverse("energie:household_step", args=[pk, n]),
        "delete": reverse("energie:household_delete", args=[pk]),
        "request": reverse("energie:household_request", args=[pk]),
    }


@household_view
def step(request, step, token=None, pk=None):
    if step not in STEP_FORMS:
        raise Http404
    household, actor = _file(request, token, pk)
    links = _links(household, token, pk)
    found, lookup = (None, None) if step != 3 else _dpe_lookup(request)
    form = STEP_FORMS[step](
        request.POST if request.method == "POST" else None,
        instance=household,
        initial=_dpe_initial(found),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_step(actor, household, step, form.cleaned_data)
        except TransitionRefused as refused:
            flash.error(request, refused.message)
            return redirect(links["file"])
        if step < max(STEP_FORMS):
            return redirect(links["step"](step + 1))
        return redirect(links["file"])
    return render(
        request,
        "energie/step.html",
        {
            "form": form,
            "household": household,
            "step": step,
            "steps": len(STEP_FORMS),
            "private": token is not None,
            "lookup": lookup,
            "found": found,
            "links": {**links, "previous": links["step"](step - 1) if step > 1 else ""},
            "titles": {
                1: _("Votre logement"),
                2: _("Votre foyer"),
                3: _("Vos factures et votre DPE"),
            },
        },
    )


def _dpe_lookup(request):
    """The DPE chosen (`?dpe=`), and the DPEs found at the address typed (`?adresse=&cp=`)."""
    number = request.GET.get("dpe", "").strip()
    found = DpeRecord.objects.filter(number=number).first() if number else None
    address = request.GET.get("adresse", "").strip()[:200]
    postcode = request.GET.get("cp", "").strip()[:5]
    lookup = None
    if address:
        lookup = {
            "address": address,
            "postcode": postcode,
            "records": list(DpeRecord.objects.at_address(address, postcode)[:5]),
        }
    return found, lookup


def _dpe_initial(record) -> dict:
    if record is None:
        return {}
    return {
        "primary_energy_kwh_m2": record.primary_energy_kwh_m2,
        "ghg_kg_m2": record.ghg_kg_m2,
    }


@household_view
def file(request, token=None, pk=None):
    household, actor = _file(request, token, pk)
    links = _links(household, token, pk)
    if household.result is None:
        return redirect(links["step"](min(household.step, max(STEP_FORMS))))
    result = messages.translated(household.result, day=household.result["date"])
    return render(
        request,
        "energie/result.html",
        {
            "household": household,
            "result": result,
            "links": links,
            "edit_links": [(n, links["step"](n)) for n in STEP_FORMS],
            "private": token is not None,
            "private_url": request.build_absolute_uri(services.private_link(household)),
            "can_request": household.status == "diagnosed",
        },
    )


@require_POST
@household_view
def request_visit(request, token=None, pk=None):
    household, actor = _file(request, token, pk)
    try:
        services.request_visit(actor, household)
        flash.success(request, _("C'est noté : un bénévole vous contactera pour une visite."))
    except TransitionRefused as refused:
        flash.error(request, refused.message)
    return redirect(_links(household, token, pk)["file"])


@household_view
def delete(request, token=None, pk=None):
    household, actor = _file(request, token, pk)
    if request.method == "POST":
        services.delete_household(actor, household)
        flash.success(request, _("Votre dossier est supprimé. Il n'en reste rien chez nous."))
        return redirect("energie:index")
    return render(
        request,
        "energie/delete.html",
        {"household": household, "links": _links(household, token, pk)},
    )


@household_view
def follow_up(request, token):
    household, actor = _file(request, token)
    form = FollowUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            distribution.answer_follow_up(actor, household, **form.cleaned_data)
            flash.success(request, _("Merci ! Vos réponses nous aident à mieux choisir les kits."))
            return redirect("energie:file", token)
        except (TransitionRefused, distribution.ServiceError) as error:
            form.add_error(None, getattr(error, "message", str(error)))
    return render(request, "energie/follow_up.html", {"form": form, "household": household})


@login_required
def flag(request):
    organisations = organisations_acting_for(request.user)
    if not organisations.exists():
        raise PermissionDenied(
            _("Pour orienter un foyer, il faut être membre d'une structure vérifiée.")
        )
    form = FlagForm(request.POST if request.method == "POST" else None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        organisation = data.pop("organisation")
        household = services.flag_household(request.user, organisation, **data)
        flash.success(
            request,
            _("Foyer orienté. Faites le diagnostic avec lui maintenant, ou plus tard."),
        )
        return redirect("energie:household_step", household.pk, 1)
    return render(request, "energie/flag.html", {"form": form})


@login_required
def households(request):
    files = Household.objects.visible_to(request.user).select_related("organisation")
    return render(request, "energie/households.html", {"households": files[:500]})


def figures(request):
    return render(request, "energie/figures.html", {"figures": queries.impact_figures()})


OPEN_DATA_FIELDS = [
    "month",
    "departement",
    "kit",
    "measures",
    "eur_saved_year",
    "kwh_saved_year",
    "precarious_household",
]


def open_data_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="energie-poses.csv"'
    writer = SafeDictWriter(response, fieldnames=OPEN_DATA_FIELDS)
    writer.writeheader()
    writer.writerows(queries.open_data_rows())
    return response


def open_data_json(request):
    figures_ = [{**f, "label": str(f["label"])} for f in queries.impact_figures()]
    return JsonResponse(
        {"figures": figures_, "fittings": queries.open_data_rows()},
        json_dumps_params={"ensure_ascii": False},
    )
