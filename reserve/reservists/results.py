"""One page of the staff pool search, rendered from plain rows, and kept for a short while.

A search runs in three steps, each skipped when the short-lived cache (pool_cache.py) has it:
the matching ids in order (at most COUNT_CAP + 1), then the rows of one page read with two
`values()` queries (no model instances), then that page rendered to HTML. The search form, as
submitted, is kept the same way. The cached HTML holds no per-user data (no CSRF token): what is
around it in pool.html is rendered for each request.
"""

from django.core.paginator import Page, Paginator
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import get_language, ngettext

from . import pool_cache
from .models import Engagement, Profile, ProfileSkill, WorkMode
from .taxonomy import SKILLS, Level

PAGE_SIZE = 20
# Past this many matches, the page says "more than" and invites to narrow the search: counting
# and sorting every match of a broad search over a large pool costs a scan.
COUNT_CAP = 1000

ROW_FIELDS = (
    "pk",
    "city",
    "departement",
    "hours_per_week",
    "work_mode",
    "unavailable_until",
    "engagement",
    "employer_proposed_name",
    "employer__name",
    "user__first_name",
    "user__last_name",
    "user__email",
)


def page_html(criteria: dict, number, search) -> tuple[str, Page]:
    """The rendered results for these criteria and page number, and the page of ids.

    `search()` returns the queryset of the matching profiles in order; it is only built and run
    when the ids are not cached.
    """
    ids = pool_cache.matching_ids(
        criteria, lambda: list(search().values_list("pk", flat=True)[: COUNT_CAP + 1])
    )
    page = Paginator(ids, PAGE_SIZE).get_page(number)
    html = pool_cache.fragment(
        criteria,
        (page.number, get_language()),
        lambda: render_to_string(
            "reservists/_results.html",
            {"rows": rows(page.object_list)},
        ),
    )
    return html, page


def filters_html(form, query) -> str:
    """The search form as submitted, rendered once for the same query (its values, its errors)."""
    return pool_cache.fragment(
        dict(query.lists()),
        ("filters", get_language()),
        lambda: render_to_string("reservists/_filters.html", {"form": form}),
    )


def rows(ids: list[int]) -> list[dict]:
    """What a result shows for each id, in the order given. A profile gone since the ids were
    cached (anonymised, deleted) is left out."""
    found = {row["pk"]: row for row in Profile.objects.filter(pk__in=ids).values(*ROW_FIELDS)}
    skills: dict[int, list[str]] = {}
    for profile_id, code, level in (
        ProfileSkill.objects.filter(profile_id__in=found)
        .order_by("profile_id", "-level", "skill")
        .values_list("profile_id", "skill", "level")
    ):
        skills.setdefault(profile_id, []).append(_skill(code, level))
    return [_row(found[pk], skills.get(pk, [])) for pk in ids if pk in found]


def _skill(code: str, level: int) -> str:
    skill = SKILLS.get(code)
    return f"{skill.label if skill else code} ({Level(level).label})"


def _row(row: dict, skills: list[str]) -> dict:
    full_name = f"{row['user__first_name']} {row['user__last_name']}".strip()
    hours = row["hours_per_week"]
    until = row["unavailable_until"]
    return {
        "url": reverse("reservists:profile", args=[row["pk"]]),
        "name": full_name or row["user__email"],
        "city": row["city"],
        "departement": row["departement"],
        "hours": ngettext("%(h)s h/semaine", "%(h)s h/semaine", hours) % {"h": hours},
        "work_mode": _label(WorkMode, row["work_mode"]).lower(),
        "unavailable_until": date_format(until, "d/m/Y") if until else "",
        "engagement": _label(Engagement, row["engagement"]),
        "employer": row["employer__name"] or row["employer_proposed_name"],
        "skills": skills,
    }


def _label(choices, value: str) -> str:
    return str(choices(value).label) if value in choices.values else ""
