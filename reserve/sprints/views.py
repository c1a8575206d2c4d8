"""The sprint page of a challenge (plan, check-ins, delivery, impact) and the staff board. Writes
go through the services; a form with errors comes back on the page with a 400."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reserve.accounts.roles import Role, is_staff_member, role_required
from reserve.challenges.lifecycle import LIFECYCLE
from reserve.challenges.models import Status
from reserve.core import files
from reserve.core.caching import generation

from . import audience, board, charts, checkins, delivery, impact, plan
from .forms import (
    CheckInForm,
    CommentForm,
    DecisionForm,
    DeliverableForm,
    DeliverForm,
    DemoForm,
    HandoverForm,
    HoursValidationForm,
    IndicatorForm,
    MeasurementForm,
    PlanForm,
)
from .models import CheckIn, CheckInComment, Deliverable, HoursEntry, Indicator, Measurement
from .models import sprint_url as url_of
from .permissions import (
    can_check_in,
    can_comment,
    can_decide_delivery,
    can_measure,
    can_validate_hours,
    can_write_plan,
    get_sprint_challenge,
    is_lead,
)

HANDOVER_STATUSES = (Status.IN_SPRINT, Status.DELIVERED, Status.IMPACT_FOLLOW_UP)
CHECKINS_SHOWN = 20
BOARD_SECONDS = 60


@login_required
def sprint(request, pk):
    return _page(request, get_sprint_challenge(request.user, pk))


def _page(request, challenge, status=200, target=None, **bound):
    """The sprint page; `bound` replaces the blank form of that name (with its errors), on the
    item `target` for the forms repeated on each deliverable, check-in or indicator."""
    user = request.user
    sprint_plan = getattr(challenge, "sprint_plan", None)
    members = audience.team(challenge)
    writer = can_write_plan(user, challenge)
    planning = writer and challenge.status in plan.PLANNING
    in_sprint = challenge.status == Status.IN_SPRINT
    handover = getattr(challenge, "handover", None)
    deliverables = list(challenge.deliverables.all())
    recent = list(
        challenge.checkins.select_related("author").prefetch_related(
            Prefetch("comments", queryset=CheckInComment.objects.select_related("author")),
            Prefetch("hours", queryset=HoursEntry.objects.select_related("member")),
        )[:CHECKINS_SHOWN]
    )
    drawn = charts.charts(
        challenge.indicators.prefetch_related(
            Prefetch("measurements", queryset=Measurement.objects.order_by("date"))
        )
    )
    repeated = [
        (deliverables, DeliverForm, "deliver_form", "livrer", writer and in_sprint),
        (recent, CommentForm, "comment_form", "commenter", can_comment(user, challenge)),
        (
            [c.indicator for c in drawn],
            MeasurementForm,
            "measurement_form",
            "mesurer",
            can_measure(user, challenge) and challenge.status in impact.MEASURING,
        ),
    ]
    for items, form_class, name, prefix, allowed in repeated:
        for item in items:
            item.form = None
            if allowed:
                chosen = bound.get(name) if item.pk == target else None
                item.form = chosen or form_class(auto_id=f"id_{prefix}{item.pk}_%s")
    forms = {
        "plan_form": PlanForm(instance=sprint_plan, members=members) if planning else None,
        "deliverable_form": DeliverableForm(auto_id="id_livrable_%s") if planning else None,
        "indicator_form": IndicatorForm(challenge=challenge, auto_id="id_indicateur_%s")
        if planning
        else None,
        "checkin_form": _checkin_form(user, challenge, members)
        if can_check_in(user, challenge) and in_sprint
        else None,
        "demo_form": DemoForm(
            initial={"demo_day": sprint_plan.demo_day, "demo_notes": sprint_plan.demo_notes}
        )
        if writer and in_sprint and sprint_plan
        else None,
        "decision_form": DecisionForm()
        if can_decide_delivery(user, challenge) and in_sprint
        else None,
        "handover_form": HandoverForm(instance=handover)
        if writer and challenge.status in HANDOVER_STATUSES
        else None,
    }
    forms.update({k: v for k, v in bound.items() if k in forms})
    context = {
        "challenge": challenge,
        "plan": sprint_plan,
        "members": members,
        "deliverables": deliverables,
        "charts": drawn,
        "checkins": recent,
        "planning": planning,
        "decision": challenge.delivery_decisions.select_related("decided_by").first(),
        "missing": delivery.missing_for_delivery(challenge) if in_sprint else [],
        "handover": handover,
        "planned_dates": impact.planned_dates(challenge),
        "may_validate_plan": is_staff_member(user) and sprint_plan is not None,
        "may_validate_hours": is_lead(user, challenge) or can_decide_delivery(user, challenge),
        "may_resolve": can_check_in(user, challenge) or can_comment(user, challenge),
        "transitions": LIFECYCLE.available(user, challenge)
        if is_staff_member(user) and challenge.status in HANDOVER_STATUSES
        else [],
        **forms,
    }
    return render(request, "sprints/sprint.html", context, status=status)


def _checkin_form(user, challenge, members, data=None):
    return CheckInForm(
        data,
        weeks=checkins.sprint_weeks(challenge),
        members=members,
        may_declare_all=is_lead(user, challenge),
        user=user,
    )


def _refused(request, challenge, name, form, error: ValidationError, **extra):
    """Put the service's refusal next to its field (or on top of the form) and show the page."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
    return _page(request, challenge, status=400, **{name: form}, **extra)


def _done(request, challenge, text, anchor=""):
    messages.success(request, text)
    return redirect(url_of(challenge) + anchor)


# The plan


@login_required
@require_POST
def save_plan(request, pk):
    challenge = get_sprint_challenge(request.user, pk)
    form = PlanForm(
        request.POST,
        instance=getattr(challenge, "sprint_plan", None),
        members=audience.team(challenge),
    )
    if not form.is_valid():
        return _page(request, challenge, status=400, plan_form=form)
    plan.save_plan(request.user, challenge, {k: form.cleaned_data[k] for k in form.Meta.fields})
    return _done(request, challenge, _("Plan de sprint enregistré."), "#plan")


@login_required
@require_POST
def validate_plan(request, pk):
    challenge = get_sprint_challenge(request.user, pk)
    sprint_plan = getattr(challenge, "sprint_plan", None)
    if sprint_plan is None:
        raise Http404
    plan.validate_plan(request.user, sprint_plan)
    return _done(request, challenge, _("Plan de sprint validé."), "#plan")


@login_required
@require_POST
def add_deliverable(request, pk):
    challenge = get_sprint_challenge(request.user, pk)
    form = DeliverableForm(request.POST, auto_id="id_livrable_%s")
    if not form.is_valid():
        return _page(request, challenge, status=400, deliverable_form=form)
    deliverable = plan.add_deliverable(request.user, challenge, form.cleaned_data)
    return _done(request, challenge, _("Livrable « %(n)s » ajouté.") % {"n": deliverable}, "#plan")


@login_required
@require_POST
def remove_deliverable(request, pk, item):
    challenge = get_sprint_challenge(request.user, pk)
    plan.remove_deliverable(
        request.user, get_object_or_404(Deliverable, pk=item, challenge=challenge)
    )
    return _done(request, challenge, _("Livrable retiré."), "#plan")


@login_required
@require_POST
def add_indicator(request, pk):
    challenge = get_sprint_challenge(request.user, pk)
    form = IndicatorForm(request.POST, challenge=challenge, auto_id="id_indicateur_%s")
    if not form.is_valid():
        return _page(request, challenge, status=400, indicator_form=form)
    indicator = plan.add_indicator(request.user, challenge, form.cleaned_data)
    return _done(
        request, challenge, _("Indicateur « %(n)s » ajouté.") % {"n": indicator.name}, "#plan"
    )


@login_required
@require_POST
def remove_indicator(request, pk, item):
    challenge = get_sprint_challenge(request.user, pk)
    plan.remove_indicator(request.user, get_object_or_404(Indicator, pk=item, challenge=challenge))
    return _done(request, challenge, _("Indicateur retiré."), "#plan")


# Check-ins


@login_required
@require_POST
def post_checkin(request, pk):
    challenge = get_sprint_challenge(request.user, pk)
    form = _checkin_form(request.user, challenge, audience.team(challenge), request.POST)
    if not form.is_valid():
        return _page(request, challenge, status=400, checkin_form=form)
    try:
        checkins.post_checkin(request.user, challenge, form.cleaned_data, form.hours())
    except ValidationError as error:
        return _refused(request, challenge, "checkin_form", form, error)
    return _done(request, challenge, _("Point hebdomadaire publié."), "#points")


@login_required
@require_POST
def comment(request, pk, item):
    challenge = get_sprint_challenge(request.user, pk)
    checkin = get_object_or_404(CheckIn, pk=item, challenge=challenge)
    form = CommentForm(request.POST, auto_id=f"id_commenter{item}_%s")
    if not form.is_valid():
        return _page(request, challenge, status=400, target=item, comment_form=form)
    checkins.comment(request.user, checkin, form.cleaned_data["body"])
    return _done(request, challenge, _("Commentaire publié."), f"#point-{checkin.pk}")


@login_required
@require_POST
def resolve_blocker(request, pk, item):
    challenge = get_sprint_challenge(request.user, pk)
    checkin = get_object_or_404(CheckIn, pk=item, challenge=challenge)
    checkins.resolve_blocker(request.user, checkin)
    return _done(request, challenge, _("Blocage levé."), f"#point-{checkin.pk}")


@login_required
def hours(request, pk):
    """The hours members declared, to validate member by member (lead or sponsor)."""
    challenge = get_sprint_challenge(request.user, pk)
    entries = HoursEntry.objects.filter(challenge=challenge).select_related("member", "challenge")
    pending = [e for e in entries.pending() if can_validate_hours(request.user, e)]
    queryset = HoursEntry.objects.filter(pk__in=[e.pk for e in pending]).select_related(
        "member", "challenge"
    )
    form = HoursValidationForm(request.POST or None, queryset=queryset)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            done = checkins.validate_hours(request.user, form.cleaned_data["entries"])
            messages.success(request, _("%(n)s déclaration(s) d'heures validée(s).") % {"n": done})
            return redirect("sprints:hours", pk=challenge.pk)
        status = 400
    context = {"challenge": challenge, "entries": entries, "form": form if pending else None}
    return render(request, "sprints/hours.html", context, status=status)


# Delivery and handover


@login_required
@require_POST
def deliver(request, pk, item):
    challenge = get_sprint_challenge(request.user, pk)
    deliverable = get_object_or_404(Deliverable, pk=item, challenge=challenge)
    form = DeliverForm(request.POST, request.FILES, auto_id=f"id_livrer{item}_%s")
    if not form.is_valid():
        return _page(request, challenge, status=400, target=item, deliver_form=form)
    try:
        delivery.deliver(
            request.user, deliverable, form.cleaned_data["link"], form.cleaned_data["file"]
        )
    except ValidationError as error:
        return _refused(request, challenge, "deliver_form", form, error, target=item)
    return _done(request, challenge, _("« %(n)s » livré.") % {"n": deliverable}, "#livraison")


@login_required
def deliverable_file(request, pk, item):
    """Deliverables' files are private to the team in the wide sense, served through this view."""
    challenge = get_sprint_challenge(request.user, pk)
    deliverable = get_object_or_404(Deliverable, pk=item, challenge=challenge)
    return files.serve(deliverable.file, download_name=deliverable.file_name, as_attachment=True)


@login_required
@require_POST
def record_demo(request, pk):
    challenge = get_sprint_challenge(request.user, pk)
    form = DemoForm(request.POST)
    if not form.is_valid():
        return _page(request, challenge, status=400, demo_form=form)
    try:
        delivery.record_demo(
            request.user, challenge, form.cleaned_data["demo_day"], form.cleaned_data["demo_notes"]
        )
    except ValidationError as error:
        return _refused(request, challenge, "demo_form", form, error)
    return _done(request, challenge, _("Démo notée."), "#livraison")


@login_required
@require_POST
def decide(request, pk):
    challenge = get_sprint_challenge(request.user, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _page(request, challenge, status=400, decision_form=form)
    try:
        decision = delivery.decide_delivery(
            request.user, challenge, form.cleaned_data["verdict"], form.cleaned_data["reason"]
        )
    except ValidationError as error:
        return _refused(request, challenge, "decision_form", form, error)
    return _done(request, challenge, decision.get_verdict_display(), "#livraison")


@login_required
@require_POST
def save_handover(request, pk):
    challenge = get_sprint_challenge(request.user, pk)
    form = HandoverForm(request.POST, instance=getattr(challenge, "handover", None))
    if not form.is_valid():
        return _page(request, challenge, status=400, handover_form=form)
    try:
        delivery.save_handover(request.user, challenge, form)
    except ValidationError as error:
        return _refused(request, challenge, "handover_form", form, error)
    return _done(request, challenge, _("Fiche de passation enregistrée."), "#passation")


# Impact


@login_required
@require_POST
def add_measurement(request, pk, item):
    challenge = get_sprint_challenge(request.user, pk)
    indicator = get_object_or_404(Indicator, pk=item, challenge=challenge)
    form = MeasurementForm(request.POST, auto_id=f"id_mesurer{item}_%s")
    if not form.is_valid():
        return _page(request, challenge, status=400, target=item, measurement_form=form)
    try:
        impact.record_measurement(request.user, indicator, form.cleaned_data)
    except ValidationError as error:
        return _refused(request, challenge, "measurement_form", form, error, target=item)
    return _done(request, challenge, _("Mesure enregistrée."), f"#indicateur-{indicator.pk}")


@role_required(Role.STAFF)
def staff_board(request):
    """The table is kept for a minute at most (health changes with time too), and forgotten
    whenever a sprint's check-ins or deliverables or a challenge's status change."""
    key = f"sprint-board:{generation('challenges')}:{generation('sprints')}:{get_language()}"
    table = cache.get(key)
    if table is None:
        table = render_to_string("sprints/_board_table.html", {"rows": board.board()})
        cache.set(key, table, BOARD_SECONDS)
    return render(request, "sprints/board.html", {"table": table})
