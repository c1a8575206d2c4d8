"""The sprints' items of "what needs you now" (reserve.core.attention): this week's check-in
for a team in sprint, and the hours members declared, for whoever validates them."""

from datetime import timedelta

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reserve.challenges.models import Application, Challenge, Status
from reserve.core.attention import Item

from .models import HoursEntry, monday, sprint_url
from .permissions import can_validate_hours


def needs_attention(user) -> list[Item]:
    return checkins_due(user) + hours_to_validate(user)


def checkins_due(user) -> list[Item]:
    today = timezone.localdate()
    week = monday(today)
    due = (
        Challenge.objects.filter(
            status=Status.IN_SPRINT,
            sprint_start__lte=today,
            slots__applications__in=Application.objects.accepted().filter(user=user),
        )
        .exclude(checkins__week=week)
        .distinct()
    )
    return [
        Item(
            title=_("Faites le point de la semaine : %(challenge)s")
            % {"challenge": challenge.title},
            url=sprint_url(challenge) + "#nouveau-point",
            detail=_("Avant le %(date)s : l'avancement, les blocages et vos heures.")
            % {"date": formats.date_format(week + timedelta(days=6), "l j F")},
            icon="clipboard-check",
            due=week + timedelta(days=6),
            kind="checkin_due",
        )
        for challenge in due
    ]


def hours_to_validate(user) -> list[Item]:
    pending = (
        HoursEntry.objects.pending()
        .filter(challenge__in=Challenge.objects.involving(user))
        .exclude(member=user)
        .select_related("challenge")
    )
    by_challenge = {}
    for entry in pending:
        if can_validate_hours(user, entry):
            by_challenge.setdefault(entry.challenge, []).append(entry)
    return [
        Item(
            title=_("Validez les heures déclarées : %(challenge)s")
            % {"challenge": challenge.title},
            url=reverse("sprints:hours", args=[challenge.pk]),
            detail=ngettext(
                "%(count)s déclaration attend votre validation.",
                "%(count)s déclarations attendent votre validation.",
                len(entries),
            )
            % {"count": len(entries)},
            icon="clock",
            kind="hours_to_validate",
        )
        for challenge, entries in by_challenge.items()
    ]
