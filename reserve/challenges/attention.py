"""The challenges' items of "what needs you now" (reserve.core.attention)."""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from reserve.accounts.roles import Role, roles_of
from reserve.core.attention import Item

from .models import Challenge, Status


def needs_attention(user) -> list[Item]:
    roles = roles_of(user)
    items = information_requested(user) if Role.ORGANISATION_MEMBER in roles else []
    if Role.STAFF in roles:
        items += late_qualifications()
    return items


def information_requested(user) -> list[Item]:
    asked = Challenge.objects.filter(
        status=Status.NEEDS_INFORMATION, organisation__memberships__user=user
    ).distinct()
    return [
        Item(
            title=_("Complétez le défi : %(challenge)s") % {"challenge": challenge.title},
            url=challenge.get_workspace_url(),
            detail=_("L'équipe du programme vous demande des informations pour le qualifier."),
            icon="message-circle-question",
            kind="information_requested",
        )
        for challenge in asked
    ]


def late_qualifications() -> list[Item]:
    return [
        Item(
            title=_("Qualification en retard : %(challenge)s") % {"challenge": challenge.title},
            url=reverse("challenges:qualification", args=[challenge.pk]),
            detail=_("Attendue le %(date)s.")
            % {
                "date": formats.date_format(
                    timezone.localtime(challenge.qualification_due), "j F Y"
                )
            },
            icon="clock-alert",
            due=challenge.qualification_due,
            kind="late_qualification",
        )
        for challenge in Challenge.objects.overdue().order_by("qualification_due")
    ]
