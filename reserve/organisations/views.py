from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reserve.accounts.roles import Role, role_required
from reserve.core.lifecycle import TransitionRefused

from . import services
from .forms import AddMemberForm, OrganisationForm, VerificationForm
from .lifecycle import LIFECYCLE
from .models import Membership, Organisation
from .permissions import (
    can_manage,
    get_organisation_for_manager,
    get_organisation_for_user,
    membership_of,
)


def directory(request):
    organisations = Organisation.objects.verified()
    mine = Organisation.objects.of_member(request.user) if request.user.is_authenticated else []
    return render(
        request, "organisations/directory.html", {"organisations": organisations, "mine": mine}
    )


@login_required
def create(request):
    form = OrganisationForm(request.POST or None)
    if form.is_valid():
        organisation = services.create_organisation(request.user, form)
        messages.success(
            request,
            _(
                "Organisation déclarée. L'équipe du programme va la vérifier ; "
                "vous serez prévenu par e-mail."
            ),
        )
        return redirect(organisation)
    return render(request, "organisations/form.html", {"form": form})


def detail(request, pk):
    organisation = get_organisation_for_user(request.user, pk)
    manager = can_manage(request.user, organisation)
    context = {
        "organisation": organisation,
        "can_manage": manager,
        "membership": membership_of(request.user, organisation),
        "members": organisation.memberships.select_related("user") if manager else None,
        "add_member_form": AddMemberForm() if manager else None,
        "transitions": LIFECYCLE.available(request.user, organisation),
    }
    return render(request, "organisations/detail.html", context)


@login_required
@require_POST
def transition(request, pk, name):
    """A verification step from the organisation's page: a new request, or staff withdrawing."""
    organisation = get_organisation_for_user(request.user, pk)
    try:
        services.transition(request.user, organisation, name, request.POST.get("note", ""))
    except TransitionRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("C'est enregistré."))
    return redirect(organisation)


@login_required
def edit(request, pk):
    organisation = get_organisation_for_manager(request.user, pk)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if form.is_valid():
        services.update_organisation(request.user, form)
        messages.success(request, _("Modifications enregistrées."))
        return redirect(organisation)
    return render(request, "organisations/form.html", {"form": form, "organisation": organisation})


@login_required
@require_POST
def add_member(request, pk):
    organisation = get_organisation_for_manager(request.user, pk)
    form = AddMemberForm(request.POST)
    if form.is_valid():
        try:
            services.add_member(
                request.user, organisation, form.cleaned_data["email"], form.cleaned_data["role"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Membre ajouté."))
            return redirect(organisation)
    context = {
        "organisation": organisation,
        "can_manage": True,
        "members": organisation.memberships.select_related("user"),
        "add_member_form": form,
    }
    return render(request, "organisations/detail.html", context, status=400)


@login_required
@require_POST
def remove_member(request, pk, membership_pk):
    organisation = get_organisation_for_manager(request.user, pk)
    membership = get_object_or_404(Membership, pk=membership_pk, organisation=organisation)
    try:
        services.remove_member(request.user, membership)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Membre retiré."))
    return redirect(organisation)


@role_required(Role.STAFF)
def review(request):
    pending = Organisation.objects.pending().prefetch_related("memberships__user")
    return render(
        request, "organisations/review.html", {"pending": pending, "form": VerificationForm()}
    )


@role_required(Role.STAFF)
@require_POST
def verify(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    form = VerificationForm(request.POST)
    if form.is_valid():
        try:
            services.verify_organisation(
                request.user,
                organisation,
                verified=form.cleaned_data["decision"] == "verify",
                note=form.cleaned_data["note"],
            )
        except TransitionRefused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(
                request, _("Décision enregistrée pour %(name)s.") % {"name": organisation}
            )
    else:
        messages.error(request, _("Choisissez une décision."))
    return redirect("organisations:review")
