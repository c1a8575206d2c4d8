from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reserve.accounts.roles import Role, is_staff_member, role_required
from reserve.core import files
from reserve.core.caching import cache_anonymous_page
from reserve.core.lifecycle import TransitionRefused
from reserve.core.plugins import citizen_apps_of
from reserve.organisations.models import Organisation

from . import queries, services
from .forms import (
    CatalogueFilters,
    ChallengeForm,
    DecisionForm,
    GridForm,
    MessageForm,
    ReferentFormSet,
    ReferentInviteForm,
    RoleSlotFormSet,
    SprintForm,
    TransitionForm,
)
from .lifecycle import DECISION_TRANSITIONS, LIFECYCLE
from .models import (
    Application,
    Attachment,
    Challenge,
    Status,
    TimelineEvent,
)
from .permissions import (
    can_act_for_sponsor,
    can_decide_applications,
    can_edit,
    get_challenge_for_editor,
    get_challenge_for_participant,
    get_challenge_for_qualifier,
    get_challenge_for_user,
    get_public_challenge,
    is_participant,
    organisations_for_intake,
    owns_address,
    qualify_refusal,
)

PAGE_SIZE = 20


@cache_anonymous_page(300, scope="challenges")
def catalogue(request):
    filters = CatalogueFilters(request.GET or None, skills=queries.public_skills())
    challenges = Challenge.objects.catalogue()
    if filters.is_valid():
        challenges = filters.filter(challenges)
    page = Paginator(challenges, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = page.object_list.prefetch_related("slots")
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filters": filters, "page": page, "query": query.urlencode()}
    return render(request, "challenges/catalogue.html", context)


@cache_anonymous_page(300, scope="challenges")
def detail(request, slug):
    challenge = get_public_challenge(request.user, slug)
    slots = list(challenge.slots.with_taken())
    if request.user.is_authenticated:
        applied = dict(
            Application.objects.of_user(request.user)
            .filter(slot__in=slots)
            .values_list("slot_id", "status")
        )
        for slot in slots:
            slot.my_application = applied.get(slot.pk)
    milestones = challenge.events.filter(to_status__in=Status.public()).only(
        "text", "created_at", "to_status"
    )
    context = {
        "challenge": challenge,
        "slots": slots,
        "open_slots": [slot for slot in slots if slot.seats_left > 0],
        "milestones": milestones,
        "recruiting": challenge.status in Status.recruiting(),
        "participant": is_participant(request.user, challenge),
        "produced_apps": citizen_apps_of(challenge.slug),
    }
    return render(request, "challenges/detail.html", context)


@login_required
def create(request):
    staff = is_staff_member(request.user)
    organisations = Organisation.objects.all() if staff else organisations_for_intake(request.user)
    if not staff and not organisations.exists():
        pending = Organisation.objects.of_member(request.user).exclude(verification="verified")
        return render(request, "challenges/cannot_submit.html", {"pending": pending}, status=403)
    form = ChallengeForm(request.POST or None, organisations=organisations, staff=staff)
    referents = ReferentFormSet(request.POST or None, prefix="referents")
    if form.is_valid() and referents.is_valid():
        challenge = services.create_challenge(request.user, form, referents)
        messages.success(
            request,
            _("Brouillon enregistré. Relisez-le, puis soumettez-le à l'équipe du programme."),
        )
        return redirect(challenge.get_workspace_url())
    status = 400 if request.method == "POST" else 200
    return render(
        request, "challenges/form.html", {"form": form, "referents": referents}, status=status
    )


@login_required
def edit(request, pk):
    challenge = get_challenge_for_editor(request.user, pk)
    staff = is_staff_member(request.user)
    organisations = Organisation.objects.all() if staff else organisations_for_intake(request.user)
    form = ChallengeForm(
        request.POST or None, instance=challenge, organisations=organisations, staff=staff
    )
    referents = ReferentFormSet(request.POST or None, instance=challenge, prefix="referents")
    if form.is_valid() and referents.is_valid():
        services.update_challenge(request.user, form, referents)
        messages.success(request, _("Modifications enregistrées."))
        return redirect(challenge.get_workspace_url())
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "referents": referents, "challenge": challenge}
    return render(request, "challenges/form.html", context, status=status)


@login_required
def workspace(request, pk, message_form=None, status=200):
    challenge = get_challenge_for_participant(request.user, pk)
    staff = is_staff_member(request.user)
    transitions = [
        t
        for t in LIFECYCLE.available(request.user, challenge)
        if t.name not in DECISION_TRANSITIONS or t.name == "request_information"
    ]
    context = {
        "challenge": challenge,
        "staff": staff,
        "can_edit": can_edit(request.user, challenge),
        "transitions": transitions,
        "referents": challenge.referents.all(),
        "slots": challenge.slots.annotate(applicants=Count("applications")),
        "events": TimelineEvent.objects.filter(challenge=challenge).select_related("actor"),
        "thread": challenge.messages.select_related("author").prefetch_related(
            Prefetch("attachments", queryset=Attachment.objects.order_by("pk"))
        ),
        "message_form": message_form or MessageForm(),
        "invite_form": ReferentInviteForm(prefix="invite"),
        "can_invite": staff or can_act_for_sponsor(request.user, challenge),
    }
    if challenge.status in Status.recruiting() and can_decide_applications(request.user, challenge):
        context["pending_applications"] = (
            Application.objects.pending().of_challenge(challenge).count()
        )
    return render(request, "challenges/workspace.html", context, status=status)


@login_required
@require_POST
def transition(request, pk, name):
    challenge = get_challenge_for_user(request.user, pk)
    form = TransitionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        challenge = services.transition(request.user, challenge, name, note)
    except TransitionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("Le défi est maintenant « %(status)s ».")
            % {"status": challenge.get_status_display()},
        )
    if is_participant(request.user, challenge):
        return redirect(challenge.get_workspace_url())
    return redirect(challenge)


def _qualification(request, challenge, grid=None, decision=None, status=200):
    staff = is_staff_member(request.user)
    refusal = qualify_refusal(request.user, challenge)
    mine = {s.criterion: s for s in challenge.scores.filter(author=request.user)}
    if grid is None and not refusal:
        initial = {f"{c}_score": s.score for c, s in mine.items()}
        initial |= {f"{c}_comment": s.comment for c, s in mine.items()}
        initial["impact_assessment_needed"] = challenge.impact_assessment_needed
        grid = GridForm(initial=initial, staff=staff)
    summary = {}
    for score in challenge.scores.select_related("author").order_by("author__email"):
        summary.setdefault(score.criterion, []).append(score)
    context = {
        "challenge": challenge,
        "grid": grid,
        "refusal": refusal,
        "summary": summary,
        "decision": decision or (DecisionForm() if staff else None),
        "can_decide": staff and challenge.status == Status.IN_QUALIFICATION,
    }
    return render(request, "challenges/qualification.html", context, status=status)


@login_required
def qualification(request, pk):
    if request.method != "POST":
        return _qualification(request, get_challenge_for_participant(request.user, pk))
    challenge = get_challenge_for_qualifier(request.user, pk)
    grid = GridForm(request.POST, staff=is_staff_member(request.user))
    if not grid.is_valid():
        return _qualification(request, challenge, grid=grid, status=400)
    services.save_scores(
        request.user,
        challenge,
        grid.scores(),
        impact_assessment=grid.cleaned_data.get("impact_assessment_needed"),
    )
    messages.success(request, _("Votre grille est enregistrée."))
    return redirect("challenges:qualification", pk=challenge.pk)


@role_required(Role.STAFF)
@require_POST
def decide(request, pk):
    challenge = get_challenge_for_participant(request.user, pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            challenge = services.decide_challenge(
                request.user,
                challenge,
                form.cleaned_data["decision"],
                form.cleaned_data["rationale"],
                make_public=form.cleaned_data["make_public"],
            )
        except TransitionRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request,
                _("Décision enregistrée : le défi est « %(status)s ».")
                % {"status": challenge.get_status_display()},
            )
            return redirect(challenge.get_workspace_url())
    return _qualification(request, challenge, decision=form, status=400)


@role_required(Role.STAFF)
def team(request, pk):
    challenge = get_challenge_for_participant(request.user, pk)
    data = request.POST or None
    slots = RoleSlotFormSet(data, instance=challenge, prefix="slots")
    sprint = SprintForm(
        data, initial={"sprint_start": challenge.sprint_start, "sprint_end": challenge.sprint_end}
    )
    if slots.is_valid() and sprint.is_valid():
        try:
            services.save_team(
                request.user,
                challenge,
                slots,
                sprint.cleaned_data["sprint_start"],
                sprint.cleaned_data["sprint_end"],
            )
        except PermissionDenied as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("L'équipe recherchée est enregistrée."))
        return redirect(challenge.get_workspace_url())
    status = 400 if request.method == "POST" else 200
    context = {"challenge": challenge, "slots": slots, "sprint": sprint}
    return render(request, "challenges/team.html", context, status=status)


@login_required
@require_POST
def post_message(request, pk):
    challenge = get_challenge_for_participant(request.user, pk)
    form = MessageForm(request.POST, request.FILES)
    if not form.is_valid():
        return workspace(request, pk, message_form=form, status=400)
    attachment = form.cleaned_data["attachment"]
    services.post_message(
        request.user, challenge, form.cleaned_data["body"], [attachment] if attachment else []
    )
    messages.success(request, _("Message envoyé."))
    return redirect(challenge.get_workspace_url() + "#fil")


@login_required
def attachment(request, pk, attachment_pk):
    challenge = get_challenge_for_participant(request.user, pk)
    found = get_object_or_404(Attachment, pk=attachment_pk, message__challenge=challenge)
    return files.serve(found.file, download_name=found.name, as_attachment=True)


@login_required
@require_POST
def add_referent(request, pk):
    challenge = get_challenge_for_participant(request.user, pk)
    form = ReferentInviteForm(request.POST, prefix="invite")
    if form.is_valid():
        services.add_referent(request.user, challenge, form)
        messages.success(request, _("Invitation envoyée."))
    else:
        messages.error(
            request,
            _("Invitation non envoyée : %(errors)s")
            % {"errors": " ".join(e for errors in form.errors.values() for e in errors)},
        )
    return redirect(challenge.get_workspace_url())


@login_required
def accept_invitation(request, token):
    try:
        referent = services.referent_from_token(token)
        if referent.user_id is None and not owns_address(request.user, referent.email):
            return _someone_else(request, referent.email)
        if request.method == "POST":
            services.accept_invitation(request.user, referent)
            messages.success(request, _("Vous participez maintenant à la qualification du défi."))
            return redirect(referent.challenge.get_workspace_url())
    except ValidationError as error:
        return render(
            request, "challenges/invitation.html", {"error": " ".join(error.messages)}, status=400
        )
    return render(request, "challenges/invitation.html", {"referent": referent})


def _someone_else(request, address):
    """An invitation link opened in another person's session: say so, offer to switch."""
    context = {
        "invited": address,
        "next": request.get_full_path(),
        "confirm_url": reverse("account_email"),
    }
    return render(request, "challenges/not_addressee.html", context, status=403)


@login_required
def mine(request):
    user = request.user
    challenges = Challenge.objects.involving(user).select_related("organisation")
    context = {
        "challenges": challenges,
        "applications": Application.objects.of_user(user).select_related("slot__challenge"),
        "can_submit": is_staff_member(user) or organisations_for_intake(user).exists(),
    }
    return render(request, "challenges/mine.html", context)


@role_required(Role.STAFF)
def pipeline(request):
    rows = queries.speed()
    context = {
        "columns": queries.board(),
        "overdue": Challenge.objects.overdue().count(),
        "speed": rows,
        "speed_scale": queries.speed_scale(rows),
    }
    return render(request, "challenges/pipeline.html", context)
