"""LightsOff's items of "what needs you now" (reserve.core.attention): reports to moderate."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reserve.accounts.roles import is_staff_member
from reserve.core.attention import Item

from .models import Moderation, Report


def needs_attention(user) -> list[Item]:
    if not is_staff_member(user):
        return []
    waiting = Report.objects.filter(moderation=Moderation.PENDING).count()
    if not waiting:
        return []
    return [
        Item(
            title=_("Modérez les signalements LightsOff"),
            url=reverse("lightsoff:moderation"),
            detail=ngettext(
                "%(count)s signalement attend votre relecture.",
                "%(count)s signalements attendent votre relecture.",
                waiting,
            )
            % {"count": waiting},
            icon="flag",
            kind="reports_to_moderate",
        )
    ]
