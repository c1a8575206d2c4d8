from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, QueryDict, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from reserve.accounts.roles import Role, role_required
from reserve.core.csv_export import safe_writer
from reserve.core.lifecycle import TransitionRefused

from . import results as results_page
from . import services, stats
from .forms import (
    BulkEmailForm,
    ConsentForm,
    EngagementForm,
    InterestsForm,
    PeriodsForm,
    PoolSearchForm,
    SavedSearchForm,
    SecondmentForm,
    SkillsForm,
    UnavailableForm,
    WhereWhenForm,
)
from .models import Profile
from .permissions import get_employer_for_member, get_employer_for_user, own_profile

# Joining asks only what matching needs (teams/build.py reads skills, hours, mode, place and the
# consent to be proposed), in three short steps each saved on its own; the rest is offered later
# from the dashboard.
JOINING = [
    ("competences", gettext_lazy("Vos compétences"), SkillsForm),
    ("disponibilites", gettext_lazy("Où et combien de temps"), WhereWhenForm),
    ("engagement", gettext_lazy("Votre engagement"), EngagementForm),
]
LATER = [
    ("interets", gettext_lazy("Vos centres d'intérêt"), InterestsForm),
    ("periodes", gettext_lazy("Vos périodes de disponibilité"), PeriodsForm),
    ("detachement", gettext_lazy("Votre détachement"), SecondmentForm),
    ("consentements", gettext_lazy("Vos accords"), ConsentForm),
]
STEPS = JOINING + LATER
STEP_SLUGS = [slug for slug, *_ in STEPS]
JOINING_SLUGS = [slug for slug, *_ in JOINING]


def join(request):
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_signup')}?{urlencode({'next': request.path})}")
    if request.method == "POST":
        services.join_pool(request.user)
        return redirect("reservists:step", step=JOINING_SLUGS[0])
    return render(
        request, "reservists/join.html", {"steps": JOINING, "profile": own_profile(request.user)}
    )


@login_required
def step(request, step):
    if step not in STEP_SLUGS:
        raise Http404
    profile = own_profile(request.user)
    if profile is None:
        return redirect("reservists:join")
    joining = step in JOINING_SLUGS
    index = STEP_SLUGS.index(step)
    slug, title, form_class = STEPS[index]
    form = _step_form(form_class, request, profile)
    if request.method == "POST" and form.is_valid() and _save_step(request, profile, form):
        if joining and index + 1 < len(JOINING):
            return redirect("reservists:step", step=JOINING_SLUGS[index + 1])
        if joining:
            messages.success(
                request,
                _(
                    "Bienvenue dans la réserve ! Votre profil suffit pour vous proposer des "
                    "défis ; complétez le reste quand vous voulez."
                ),
            )
        else:
            messages.success(request, _("C'est enregistré."))
        return redirect("reservists:dashboard")
    context = {
        "form": form,
        "title": title,
        "slug": slug,
        "joining": joining,
        "number": index + 1,
        "steps": JOINING,
        "step_names": [title for _slug, title, _form in JOINING],
        "step_urls": [reverse("reservists:step", args=[slug]) for slug in JOINING_SLUGS],
        "previous": JOINING_SLUGS[index - 1] if joining and index else None,
        "profile": profile,
        "periods": profile.periods.all() if slug == "periodes" else None,
    }
    return render(request, "reservists/step.html", context)


def _step_form(form_class, request, profile):
    data = request.POST if request.method == "POST" else None
    if form_class is SkillsForm:
        return SkillsForm(data, profile=profile)
    if form_class is PeriodsForm:
        return PeriodsForm(data)
    return form_class(data, instance=profile)


def _save_step(request, profile, form) -> bool:
    try:
        if isinstance(form, SkillsForm):
            services.set_skills(request.user, profile, form.levels())
        elif isinstance(form, PeriodsForm):
            for kind, start, end in form.new_periods():
                services.add_period(request.user, profile, kind, start, end)
        else:
            services.save_profile_form(request.user, form)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


@login_required
@require_POST
def remove_period(request, pk):
    profile = own_profile(request.user)
    if profile is None:
        raise Http404
    services.remove_period(request.user, profile, pk)
    messages.success(request, _("Période supprimée."))
    return redirect("reservists:step", step="periodes")


@login_required
def dashboard(request):
    profile = (
        Profile.objects.filter(user=request.user).prefetch_related("skills", "periods").first()
    )
    if profile is None:
        return redirect("reservists:join")
    return render(
        request, "reservists/dashboard.html", {"profile": profile, "steps": JOINING, "later": LATER}
    )


@login_required
@require_POST
def unavailable(request):
    profile = own_profile(request.user)
    if profile is None:
        return redirect("reservists:join")
    if "clear" in request.POST:
        services.set_unavailable_until(request.user, profile, None)
        messages.success(request, _("Vous êtes de nouveau disponible."))
        return redirect("reservists:dashboard")
    form = UnavailableForm(request.POST)
    if form.is_valid():
        services.set_unavailable_until(request.user, profile, form.cleaned_data["until"])
        messages.success(request, _("C'est noté : nous ne vous proposerons rien d'ici là."))
    else:
        messages.error(request, " ".join(form.errors["until"]))
    return redirect("reservists:dashboard")


# Staff: the pool


def _search(request):
    """The search form and a function building the queryset of its matches, in order."""
    form = PoolSearchForm(request.GET or None)
    if form.is_bound and form.is_valid():
        criteria = form.criteria()
        return form, lambda: Profile.objects.in_pool().search(**criteria)
    if form.is_bound:
        return form, Profile.objects.none
    return form, lambda: Profile.objects.in_pool().sorted_by("", has_relevance=False)


@role_required(Role.STAFF)
def pool(request):
    form, search = _search(request)
    if form.is_bound and not form.is_valid():
        criteria = {"invalid": True}  # every invalid search finds no one
    else:
        criteria = form.criteria() if form.is_bound else {}
    results, page = results_page.page_html(criteria, request.GET.get("page"), search)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filters": results_page.filters_html(form, query),
        "page": page,
        "results": results,
        "count_cap": results_page.COUNT_CAP,
        "query": query.urlencode(),
        "saved_searches": request.user.saved_pool_searches.all(),
        "save_form": SavedSearchForm(),
    }
    response = render(request, "reservists/pool.html", context)
    patch_vary_headers(response, ["HX-Request"])  # the filters ask htmx for <main> only
    return response


class _Echo:
    def write(self, value):
        return value


@role_required(Role.STAFF)
def pool_export(request):
    form, search = _search(request)
    writer = safe_writer(_Echo())
    rows = (writer.writerow(row) for row in services.export_rows(request.user, search()))
    response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
    filename = f"vivier-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@role_required(Role.STAFF)
def pool_email(request):
    search_form, search = _search(request)
    profiles = search()
    form = BulkEmailForm(request.POST or None)
    reachable = profiles.filter(consent_contact_email=True)
    if form.is_valid():
        count = services.email_pool(
            request.user, profiles, form.cleaned_data["subject"], form.cleaned_data["body"]
        )
        messages.success(request, _("%(count)s messages mis en file d'envoi.") % {"count": count})
        return redirect(f"{reverse('reservists:pool')}?{request.GET.urlencode()}")
    context = {"form": form, "count": reachable.count(), "query": request.GET.urlencode()}
    return render(request, "reservists/pool_email.html", context)


@role_required(Role.STAFF)
@require_POST
def save_search(request):
    form = SavedSearchForm(request.POST)
    query = QueryDict(request.POST.get("query", "")).urlencode()
    if form.is_valid():
        services.save_search(request.user, form.cleaned_data["name"], query)
        messages.success(request, _("Recherche enregistrée."))
    else:
        messages.error(request, _("Donnez un nom à la recherche pour l'enregistrer."))
    return redirect(f"{reverse('reservists:pool')}?{query}")


@role_required(Role.STAFF)
@require_POST
def delete_search(request, pk):
    services.delete_saved_search(request.user, pk)
    messages.success(request, _("Recherche supprimée."))
    return redirect("reservists:pool")


@role_required(Role.STAFF)
def profile_detail(request, pk):
    profile = get_object_or_404(
        Profile.objects.select_related("user", "employer").prefetch_related("skills", "periods"),
        pk=pk,
    )
    return render(request, "reservists/profile_detail.html", {"profile": profile})


@role_required(Role.STAFF)
def statistics(request):
    pool_profiles = Profile.objects.in_pool()
    context = {
        "families": stats.by_family_and_level(pool_profiles),
        "hours_30_days": stats.hours_next_30_days(pool_profiles),
        "total": pool_profiles.count(),
        "departements": stats.by_departement(pool_profiles),
        "sign_ups": stats.sign_ups_by_month(Profile.objects.all()),
    }
    return render(request, "reservists/statistics.html", context)


@login_required
def employer(request, pk):
    organisation = get_employer_for_user(request.user, pk)
    seconded = (
        Profile.objects.seconded_by(organisation)
        .filter(user__is_active=True)
        .select_related("user")
        .prefetch_related("skills")
        .order_by("user__last_name", "user__first_name")
    )
    context = {
        "organisation": organisation,
        "seconded": seconded,
        "awaiting": Profile.objects.awaiting_confirmation_by(organisation).count(),
    }
    return render(request, "reservists/employer.html", context)


@login_required
def secondments(request, pk):
    """The secondments that wait for the employer's word, with the buttons to give it."""
    organisation = get_employer_for_member(request.user, pk)
    awaiting = (
        Profile.objects.awaiting_confirmation_by(organisation)
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )
    return render(
        request,
        "reservists/secondments.html",
        {"organisation": organisation, "awaiting": awaiting},
    )


@login_required
@require_POST
def decide_secondment(request, pk, profile_pk, name):
    organisation = get_employer_for_member(request.user, pk)
    profile = get_object_or_404(Profile, pk=profile_pk, employer=organisation)
    try:
        services.decide_secondment(request.user, profile, name)
    except TransitionRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("C'est enregistré ; la personne est prévenue."))
    return redirect("reservists:secondments", pk=organisation.pk)
