"""The employer's hours page, its costs, its time statements and its CSV export."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reserve.core.csv_export import safe_writer

from . import employers, pdf, services
from .forms import HourlyCostForm, PeriodForm, StatementForm, default_period
from .permissions import get_employer_for_user, get_statement_for_user


def period_of(request) -> tuple[PeriodForm, tuple]:
    start, end = default_period()
    form = PeriodForm(request.GET or {"start": start, "end": end})
    if form.is_valid():
        return form, (form.cleaned_data["start"], form.cleaned_data["end"])
    return form, (start, end)


@login_required
def hours(request, pk):
    organisation = get_employer_for_user(request.user, pk)
    form, (start, end) = period_of(request)
    people = employers.seconded_hours(organisation, start, end)
    statement_form = StatementForm(
        initial={"start": start, "end": end},
        employees=[person.profile for person in people],
        beneficiaries=employers.beneficiaries(organisation),
    )
    context = {
        "organisation": organisation,
        "period_form": form,
        "start": start,
        "end": end,
        "people": people,
        "statement_form": statement_form,
        "cost_form": HourlyCostForm(),
    }
    return render(request, "impact/employer_hours.html", context)


@login_required
@require_POST
def set_cost(request, pk, user_pk):
    organisation = get_employer_for_user(request.user, pk)
    profile = services.seconded_employee(organisation, user_pk)
    form = HourlyCostForm(request.POST)
    if form.is_valid():
        services.set_hourly_cost(
            request.user, organisation, profile.user, form.cleaned_data["amount"]
        )
        messages.success(request, _("Coût horaire enregistré."))
    else:
        for error in form.errors.get("amount", []):
            messages.error(request, _("Coût horaire : %(error)s") % {"error": error})
    return redirect("impact:employer_hours", organisation.pk)


@login_required
@require_POST
def issue_statement(request, pk):
    organisation = get_employer_for_user(request.user, pk)
    beneficiaries = employers.beneficiaries(organisation)
    form = StatementForm(
        request.POST,
        employees=employers.seconded_profiles(organisation),
        beneficiaries=beneficiaries,
    )
    if form.is_valid():
        data = form.cleaned_data
        profile = services.seconded_employee(organisation, data["employee"])
        beneficiary = get_object_or_404(beneficiaries, pk=data["beneficiary"])
        try:
            statement = services.issue_statement(
                request.user, organisation, profile, beneficiary, data["start"], data["end"]
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            return redirect("impact:statement_pdf", statement.token)
    context = {"organisation": organisation, "statement_form": form}
    return render(request, "impact/statement_form.html", context, status=400)


@login_required
def statement_pdf(request, token):
    statement = get_statement_for_user(request.user, token)
    verify_url = request.build_absolute_uri(reverse("impact:verify", args=[token]))
    response = HttpResponse(
        pdf.time_statement(statement, verify_url), content_type="application/pdf"
    )
    filename = f"releve-mecenat-{statement.period_start:%Y%m%d}-{statement.period_end:%Y%m%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def hours_csv(request, pk):
    """The employer's own export: the only file that carries its costs."""
    organisation = get_employer_for_user(request.user, pk)
    _form, (start, end) = period_of(request)
    buffer = io.StringIO()
    writer = safe_writer(buffer)
    writer.writerow(
        [
            _("Salarié·e"),
            _("Défi"),
            _("Organisation bénéficiaire"),
            _("Heures validées"),
            _("Coût horaire chargé (€)"),
        ]
    )
    for person in employers.seconded_hours(organisation, start, end):
        name = person.profile.user.get_full_name() or person.profile.user.email
        for row in person.rows:
            writer.writerow(
                [
                    name,
                    row["challenge"],
                    row["beneficiary"],
                    f"{row['hours']:.2f}",
                    person.cost or "",
                ]
            )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="heures-mecenat-{start}-{end}.csv"'
    return response
