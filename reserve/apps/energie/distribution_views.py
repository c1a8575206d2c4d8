"""Énergie pages for partners (kits), staff (campaigns, allocation) and volunteers (visits)."""

from django.conf import settings
from django.contrib import messages as flash
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reserve.accounts.roles import Role, is_staff_member, role_required
from reserve.core.files import serve
from reserve.core.lifecycle import TransitionRefused
from reserve.organisations.models import Organisation

from . import distribution, messages
from .forms import AcceptForm, CampaignForm, InstallationForm, KitForm
from .models import Campaign, Household, Kit, Visit, VisitStatus
from .permissions import get_visit_for_volunteer, organisations_acting_for

staff_required = role_required(Role.STAFF)


@login_required
def kits(request):
    organisations = (
        Organisation.objects.all()
        if is_staff_member(request.user)
        else organisations_acting_for(request.user)
    )
    if not organisations.exists():
        raise PermissionDenied(_("Seuls les membres d'un partenaire vérifié déclarent des kits."))
    form = KitForm(request.POST if request.method == "POST" else None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        distribution.declare_kit(request.user, data.pop("organisation"), **data)
        flash.success(request, _("Stock déclaré. Merci !"))
        return redirect("energie:kits")
    stock = Kit.objects.filter(organisation__in=organisations).select_related("organisation")
    return render(
        request,
        "energie/kits.html",
        {"form": form, "kits": stock, "measure_labels": messages.MEASURES},
    )


@staff_required
def campaigns(request):
    form = CampaignForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        campaign = distribution.create_campaign(request.user, **form.cleaned_data)
        return redirect("energie:campaign", campaign.pk)
    return render(
        request,
        "energie/campaigns.html",
        {
            "form": form,
            "campaigns": Campaign.objects.all(),
            "waiting": Household.objects.waiting().count(),
        },
    )


@staff_required
def campaign(request, pk):
    campaign = get_object_or_404(Campaign, pk=pk)
    run = campaign.latest_run
    rows, unassigned, fairness = [], [], ""
    if run is not None:
        kits = Kit.objects.filter(pk__in=[int(k["id"]) for k in run.instance["kits"]])
        names = {str(k.pk): k.name for k in kits}
        ids = {int(line["volunteer"]) for line in run.result["assignments"]}
        people = {str(u.pk): str(u) for u in get_user_model().objects.filter(pk__in=ids)}
        rows = [
            {
                **line,
                "kit_name": names.get(str(line["kit"]), line["kit"]),
                "volunteer_name": people.get(str(line["volunteer"]), line["volunteer"]),
                "why": messages.allocation_text(line.get("explanation"), names),
            }
            for line in run.result["assignments"]
        ]
        unassigned = [
            {**line, "why": messages.allocation_text(line.get("reason"), names)}
            for line in run.result.get("unassigned", [])
        ]
        fairness = messages.allocation_text(run.result.get("fairness"), names)
    return render(
        request,
        "energie/campaign.html",
        {
            "campaign": campaign,
            "run": run,
            "rows": rows,
            "unassigned": unassigned,
            "fairness": fairness,
            "visits": campaign.visits.select_related("volunteer", "kit"),
        },
    )


@staff_required
@require_POST
def campaign_action(request, pk, action):
    campaign = get_object_or_404(Campaign, pk=pk)
    try:
        if action == "run":
            run = distribution.run_allocation(request.user, campaign)
            flash.success(
                request,
                _("Répartition calculée : %(count)s foyers équipés.")
                % {"count": len(run.result["assignments"])},
            )
        elif action == "lock":
            visits = distribution.lock_campaign(request.user, campaign)
            flash.success(
                request,
                _("Répartition validée : %(count)s visites proposées.") % {"count": len(visits)},
            )
        elif action == "reopen":
            count = distribution.reopen_campaign(request.user, campaign)
            flash.success(
                request, _("Campagne rouverte : %(count)s visites retirées.") % {"count": count}
            )
        else:
            raise PermissionDenied
    except (TransitionRefused, distribution.ServiceError) as error:
        flash.error(request, getattr(error, "message", None) or str(error))
    return redirect("energie:campaign", campaign.pk)


@login_required
def visits(request):
    mine = Visit.objects.filter(volunteer=request.user).select_related(
        "kit", "campaign", "household"
    )
    return render(request, "energie/visits.html", {"visits": mine})


@login_required
def visit(request, pk):
    visit = get_visit_for_volunteer(request.user, pk)
    accept_form = AcceptForm(request.POST if "accept" in request.POST else None)
    install_form = InstallationForm(
        request.POST if "install" in request.POST else None,
        request.FILES if "install" in request.POST else None,
    )
    try:
        if "accept" in request.POST and accept_form.is_valid():
            distribution.accept_visit(request.user, visit, accept_form.cleaned_data["scheduled_at"])
            flash.success(request, _("Visite acceptée. Ajoutez-la à votre agenda."))
            return redirect("energie:visit", visit.pk)
        if "decline" in request.POST:
            distribution.decline_visit(request.user, visit)
            flash.success(
                request, _("Visite déclinée : l'équipe la proposera à quelqu'un d'autre.")
            )
            return redirect("energie:visits")
        if "install" in request.POST and install_form.is_valid():
            distribution.record_installation(request.user, visit, **install_form.cleaned_data)
            flash.success(request, _("Pose enregistrée. Merci pour ce foyer !"))
            return redirect("energie:visit", visit.pk)
    except (TransitionRefused, distribution.ServiceError) as error:
        flash.error(request, getattr(error, "message", None) or str(error))
    advice = []
    if visit.household and visit.household.result:
        advice = messages.translated(visit.household.result["advice"])
    return render(
        request,
        "energie/visit.html",
        {
            "visit": visit,
            "accept_form": accept_form,
            "install_form": install_form,
            "advice": advice,
            "kit_measures": [messages.measure(m) for m in visit.kit.measures],
            "fitted": [messages.measure(m) for m in visit.fitted],
            "statuses": VisitStatus,
        },
    )


@login_required
def visit_ics(request, pk):
    visit = get_visit_for_volunteer(request.user, pk)
    if visit.scheduled_at is None:
        raise PermissionDenied(_("Acceptez d'abord la visite et fixez le rendez-vous."))
    response = HttpResponse(
        distribution.visit_calendar(visit, settings.SITE_URL),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="visite-energie-{visit.pk}.ics"'
    return response


@login_required
def visit_photo(request, pk):
    """The photo of a fitting, for its volunteer and staff only."""
    visit = get_visit_for_volunteer(request.user, pk)
    return serve(visit.photo)
