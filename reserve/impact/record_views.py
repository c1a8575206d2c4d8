"""The volunteer's record: engagements, certificate and the choice of what is public."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import pdf, record, services
from .forms import VisibilityForm


@login_required
def mine(request):
    entries = record.engagements(request.user)
    visibility = record.visibility_of(request.user)
    context = {
        "engagements": entries,
        "total_hours": record.total_hours(entries),
        "form": VisibilityForm(instance=visibility),
        "visibility": visibility,
    }
    return render(request, "impact/mine.html", context)


@login_required
@require_POST
def set_visibility(request):
    form = VisibilityForm(request.POST)
    if form.is_valid():
        services.set_visibility(request.user, **form.cleaned_data)
        messages.success(request, _("Vos choix de visibilité sont enregistrés."))
    return redirect("impact:mine")


@login_required
def certificate(request):
    entries = record.engagements(request.user)
    if not entries:
        messages.error(request, _("Aucun engagement à attester pour l'instant."))
        return redirect("impact:mine")
    name = request.user.get_full_name() or request.user.email
    document = pdf.certificate(name, entries, record.total_hours(entries), date.today())
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="attestation-engagement.pdf"'
    return response
