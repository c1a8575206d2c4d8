"""The organisations' items of "what needs you now" (reserve.core.attention)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reserve.accounts.roles import is_staff_member
from reserve.core.attention import Item

from .models import Organisation, Verification


def needs_attention(user) -> list[Item]:
    if not is_staff_member(user):
        return []
    waiting = Organisation.objects.filter(verification=Verification.PENDING).count()
    if not waiting:
        return []
    return [
        Item(
            title=_("Vérifiez les organisations inscrites"),
            url=reverse("organisations:review"),
            detail=ngettext(
                "%(count)s organisation attend votre vérification.",
                "%(count)s organisations attendent votre vérification.",
                waiting,
            )
            % {"count": waiting},
            icon="building",
            kind="organisations_to_verify",
        )
    ]
