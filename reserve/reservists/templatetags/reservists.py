from django import template
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from reserve.organisations.models import Membership, Part

from ..models import Profile

register = template.Library()


@register.inclusion_tag("reservists/_dashboard_block.html", takes_context=True)
def reservist_summary(context, profile=None):
    """Completeness, availability and the quick "unavailable until" switch, for any dashboard."""
    if profile is None:
        user = context["request"].user
        profile = Profile.objects.filter(user=user).prefetch_related("skills", "periods").first()
    if profile is None:
        return {"profile": None, "request": context["request"]}
    today = timezone.localdate()
    return {
        "profile": profile,
        "missing": profile.missing(),
        "upcoming": [p for p in profile.periods.all() if p.end >= today],
        "unavailable_now": profile.is_unavailable_on(today),
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("reservists/_employer_links.html", takes_context=True)
def employer_pages(context):
    """For the employers the user belongs to: secondments to confirm, and (admins) the list."""
    user = context["request"].user
    memberships = (
        Membership.objects.filter(user=user, organisation__parts__contains=Part.EMPLOYER.value)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    employers = [
        {
            "organisation": m.organisation,
            "is_admin": m.is_admin,
            "awaiting": Profile.objects.awaiting_confirmation_by(m.organisation).count()
            if m.organisation.is_verified
            else 0,
        }
        for m in memberships
    ]
    return {"employers": employers}


@register.simple_tag
def search_field(field):
    """One filter of the staff search: label (a legend around a group of boxes), errors, widget.

    Written in Python rather than included from a template: the search page has fifteen of them.
    """
    errors = ""
    if field.errors:
        errors = format_html(
            '<ul class="errorlist" id="{}_error">{}</ul>',
            field.auto_id,
            format_html_join("", "<li>{}</li>", ((error,) for error in field.errors)),
        )
    if field.field.widget.use_fieldset:
        return format_html(
            '<fieldset class="field"><legend>{}</legend>{}{}</fieldset>', field.label, errors, field
        )
    return format_html(
        '<div class="field"><label for="{}">{}</label>{}{}</div>',
        field.id_for_label,
        field.label,
        errors,
        field,
    )
