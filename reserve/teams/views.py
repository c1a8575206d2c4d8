import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reserve.accounts.roles import Role, role_required
from reserve.challenges.models import Application, Challenge, RoleSlot, Status
from reserve.challenges.permissions import (
    can_decide_applications,
    get_challenge_for_user,
    is_participant,
)
from reserve.core.lifecycle import TransitionRefused

from . import applications as catalogue_applications
from . import invitations, replies, services, space
from .forms import ApplicationsForm, InviteForm, ProposalChoiceForm, ReplyForm, TeamLinkForm
from .models import Invitation, Proposal, TeamLink
from .permissions import can_manage_links, can_see, can_see_invitation, is_addressee
from .presenting import proposal_blocks
from .presenting import warnings as proposal_warnings
from .ranking import ranked_slots


@role_required(Role.STAFF)
def index(request):
    challenges = Challenge.objects.filter(status=Status.TEAM_FORMING).order_by("sprint_start", "pk")
    context = {
        "challenges": challenges,
        "proposals": Proposal.objects.all()[:10],
        "to_replace": Invitation.objects.to_replace(),
        "pending": Invitation.objects.pending().select_related("user", "slot__challenge"),
    }
    return render(request, "teams/index.html", context)


@role_required(Role.STAFF)
def candidates(request, pk):
    challenge = get_object_or_404(Challenge, pk=pk, status=Status.TEAM_FORMING)
    context = {"challenge": challenge, "slots": ranked_slots(challenge)}
    return render(request, "teams/candidates.html", context)


@require_POST
@role_required(Role.STAFF)
def run(request):
    return redirect(services.run_proposal(request.user))


@role_required(Role.STAFF)
def proposal(request, pk):
    proposal = get_object_or_404(Proposal, pk=pk)
    context = {
        "proposal": proposal,
        "blocks": proposal_blocks(proposal),
        "warnings": proposal_warnings(proposal),
        "locks": set(proposal.locks),
        "is_latest": not Proposal.objects.filter(pk__gt=proposal.pk).exists(),
    }
    return render(request, "teams/proposal.html", context)


@role_required(Role.STAFF)
def instance(request, pk):
    proposal = get_object_or_404(Proposal, pk=pk)
    response = HttpResponse(
        json.dumps(proposal.instance, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="instance-{proposal.pk}.json"'
    return response


@require_POST
@role_required(Role.STAFF)
def rerun(request, pk):
    return redirect(services.rerun(request.user, get_object_or_404(Proposal, pk=pk)))


@require_POST
@role_required(Role.STAFF)
def lock(request, pk):
    return _on_choice(request, pk, lambda p, f: services.lock(request.user, p, *_pair(f)))


@require_POST
@role_required(Role.STAFF)
def unlock(request, pk):
    return _on_choice(request, pk, lambda p, f: services.unlock(request.user, p, *_pair(f)))


@require_POST
@role_required(Role.STAFF)
def exclude(request, pk):
    return _on_choice(
        request,
        pk,
        lambda p, f: services.exclude(request.user, p, f.cleaned_data["reservist"], f.challenge),
    )


def _pair(form) -> tuple[str, str]:
    return form.cleaned_data["reservist"], form.cleaned_data["slot"]


def _on_choice(request, pk, action):
    proposal = get_object_or_404(Proposal, pk=pk)
    form = ProposalChoiceForm(request.POST, proposal=proposal)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(proposal)
    messages.success(request, _("Proposition relancée."))
    return redirect(action(proposal, form))


@require_POST
@role_required(Role.STAFF)
def send_invitations(request, pk):
    proposal = get_object_or_404(Proposal, pk=pk)
    sending = invitations.send_proposal(request.user, proposal)
    messages.success(request, _("Invitations envoyées : %(n)s.") % {"n": sending.sent})
    for refusal in sending.refused:
        messages.warning(request, refusal)
    return redirect(proposal)


@require_POST
@role_required(Role.STAFF)
def invite(request, pk):
    challenge = get_object_or_404(Challenge, pk=pk, status=Status.TEAM_FORMING)
    form = InviteForm(request.POST, challenge=challenge)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("teams:candidates", pk=challenge.pk)
    try:
        sent = invitations.invite(
            request.user, form.cleaned_data["slot"], form.cleaned_data["user"]
        )
    except invitations.SlotFull as full:
        messages.error(request, str(full))
    else:
        if sent:
            messages.success(request, _("Invitation envoyée."))
        else:
            messages.error(request, _("Cette personne est déjà invitée à ce rôle."))
    return redirect("teams:candidates", pk=challenge.pk)


@require_POST
@role_required(Role.STAFF)
def auto_replace(request, pk):
    challenge = get_object_or_404(Challenge, pk=pk)
    on = request.POST.get("auto_replace") == "1"
    services.set_auto_replace(request.user, challenge, on)
    if on:
        messages.success(
            request,
            _("Mode automatique : la plateforme invitera elle-même le candidat suivant."),
        )
    else:
        messages.success(request, _("Mode manuel : les places à repourvoir attendent votre choix."))
    return redirect("teams:candidates", pk=challenge.pk)


@role_required(Role.STAFF)
def applications(request):
    return _decide_applications(request, Application.objects.to_decide(), None)


@login_required
def challenge_applications(request, pk):
    """The sponsor's members and referents (and staff) decide the applications to one challenge."""
    challenge = get_challenge_for_user(request.user, pk)
    if not can_decide_applications(request.user, challenge):
        raise PermissionDenied(
            _(
                "Les candidatures d'un défi sont validées par l'organisation porteuse, ses agents "
                "référents et l'équipe du programme."
            )
        )
    return _decide_applications(
        request, Application.objects.to_decide().of_challenge(challenge), challenge
    )


def _decide_applications(request, queryset, challenge):
    form = ApplicationsForm(request.POST or None, queryset=queryset)
    if request.method == "POST" and form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        chosen = form.cleaned_data["applications"]
        decided = catalogue_applications.decide(request.user, chosen, accept)
        messages.success(request, _("Candidatures traitées : %(n)s.") % {"n": decided.count})
        for application in decided.full:
            messages.warning(
                request,
                _(
                    "%(name)s n'est pas ajouté(e) : le rôle « %(role)s » est déjà pourvu ; "
                    "la candidature est close et la personne en est informée."
                )
                % {"name": application.user.display_name, "role": application.slot.skill_label},
            )
        return redirect(request.path)
    status = 400 if form.errors else 200
    context = {"form": form, "challenge": challenge}
    return render(request, "teams/applications.html", context, status=status)


@login_required
def my_invitations(request):
    mine = request.user.team_invitations.select_related("slot__challenge")
    return render(request, "teams/my_invitations.html", {"invitations": mine})


@login_required
def invitation(request, pk):
    invitation = get_object_or_404(Invitation.objects.select_related("slot__challenge"), pk=pk)
    if not can_see_invitation(request.user, invitation):
        raise Http404
    context = {"invitation": invitation, "team": invitations.team_so_far(invitation.slot)}
    if is_addressee(request.user, invitation):
        context["reply_path"] = invitations.reply_path(invitation)
    return render(request, "teams/invitation.html", context)


@login_required
def reply(request, token):
    try:
        invitation = replies.invitation_from_token(token)
    except replies.LinkError as error:
        return render(request, "teams/link_error.html", {"error": error}, status=410)
    if not is_addressee(request.user, invitation):
        return _someone_else(request, invitation.user.email)
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        answer = form.cleaned_data["answer"]
        try:
            if answer == "accept":
                if not replies.accept(request.user, invitation):
                    error = _("Ce rôle a été pourvu entre-temps. Merci pour votre disponibilité !")
                    return render(request, "teams/link_error.html", {"error": error}, status=410)
            else:
                replies.decline(request.user, invitation, form.cleaned_data["reason"])
        except TransitionRefused as error:
            return render(request, "teams/link_error.html", {"error": error}, status=410)
        return render(request, "teams/replied.html", {"invitation": invitation, "answer": answer})
    context = {
        "invitation": invitation,
        "team": invitations.team_so_far(invitation.slot),
        "form": form,
    }
    return render(request, "teams/reply.html", context, status=400 if form.errors else 200)


def _someone_else(request, address):
    """The link was opened in another person's session: say so, and offer to switch accounts."""
    context = {"invited": address, "next": request.get_full_path()}
    return render(request, "challenges/not_addressee.html", context, status=403)


@login_required
@require_POST
def apply(request, slot_pk):
    slot = get_object_or_404(RoleSlot.objects.select_related("challenge"), pk=slot_pk)
    challenge = get_challenge_for_user(request.user, slot.challenge_id)
    try:
        catalogue_applications.apply(request.user, slot, request.POST.get("message", ""))
    except TransitionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("Merci ! Votre candidature est enregistrée : l'équipe du programme vous répondra."),
        )
    return redirect(challenge)


@login_required
@require_POST
def withdraw(request, application_pk):
    application = get_object_or_404(
        Application.objects.select_related("slot__challenge"),
        pk=application_pk,
        user=request.user,
    )
    try:
        catalogue_applications.withdraw(request.user, application)
    except TransitionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Candidature retirée."))
    return redirect("challenges:mine")


@login_required
def team_space(request, pk, link_form=None, status=200):
    challenge = _team_challenge(request, pk)
    may_manage_links = can_manage_links(request.user, challenge)
    context = {
        "challenge": challenge,
        "members": Application.objects.members(challenge),
        "referents": challenge.referents.all(),
        "complete": space.is_complete(challenge),
        "links": challenge.team_links.all(),
        "can_manage_links": may_manage_links,
        "link_form": (link_form or TeamLinkForm()) if may_manage_links else None,
        "can_read_thread": is_participant(request.user, challenge),
        "thread": space.latest_messages(challenge),
        "thread_size": challenge.messages.count(),
    }
    return render(request, "teams/space.html", context, status=status)


@login_required
@require_POST
def add_link(request, pk):
    challenge = _team_challenge(request, pk)
    if not can_manage_links(request.user, challenge):
        raise PermissionDenied
    form = TeamLinkForm(request.POST)
    if not form.is_valid():
        return team_space(request, pk, link_form=form, status=400)
    link = services.add_link(request.user, challenge, form)
    messages.success(request, _("Lien « %(label)s » ajouté.") % {"label": link.label})
    return redirect(reverse("teams:space", args=[challenge.pk]) + "#liens")


@login_required
@require_POST
def remove_link(request, pk, link_pk):
    challenge = _team_challenge(request, pk)
    link = get_object_or_404(TeamLink, pk=link_pk, challenge=challenge)
    services.remove_link(request.user, link)
    messages.success(request, _("Lien « %(label)s » retiré.") % {"label": link.label})
    return redirect(reverse("teams:space", args=[challenge.pk]) + "#liens")


@login_required
def team_calendar(request, pk):
    challenge = _team_challenge(request, pk)
    response = HttpResponse(space.calendar(challenge), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="defi-{challenge.pk}.ics"'
    return response


def _team_challenge(request, pk):
    challenge = get_object_or_404(Challenge, pk=pk)
    if not can_see(request.user, challenge):
        raise Http404
    return challenge


def how_it_works(request):
    return render(request, "teams/how_it_works.html")
