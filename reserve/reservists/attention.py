"""The pool's items of "what needs you now" (reserve.core.attention): employees to confirm."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reserve.accounts.roles import Role, roles_of
from reserve.core.attention import Item
from reserve.organisations.models import Membership, Part

from .models import Profile


def needs_attention(user) -> list[Item]:
    if Role.ORGANISATION_MEMBER not in roles_of(user):
        return []
    memberships = Membership.objects.filter(
        user=user,
        organisation__parts__contains=Part.EMPLOYER.value,
    ).select_related("organisation")
    items = []
    for membership in memberships:
        employer = membership.organisation
        if not employer.is_verified:
            continue
        waiting = Profile.objects.awaiting_confirmation_by(employer).count()
        if waiting:
            items.append(
                Item(
                    title=_("Confirmez vos salariés détachés : %(employer)s")
                    % {"employer": employer.name},
                    url=reverse("reservists:secondments", args=[employer.pk]),
                    detail=ngettext(
                        "%(count)s personne attend votre confirmation.",
                        "%(count)s personnes attendent votre confirmation.",
                        waiting,
                    )
                    % {"count": waiting},
                    icon="briefcase",
                    kind="secondments",
                )
            )
    return items
