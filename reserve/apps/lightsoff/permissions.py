"""Who may do what in LightsOff: the object permissions, in one place."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.accounts.roles import Role, has_role


def require_volunteer(user) -> None:
    if not (has_role(user, Role.RESERVIST) or has_role(user, Role.STAFF)):
        raise PermissionDenied(_("La file des bénévoles est réservée aux réservistes."))


def holds_claim(user, shop, now=None) -> bool:
    now = now or timezone.now()
    return shop.claimed_by_id == user.pk and shop.claim_expires_at and shop.claim_expires_at > now


def require_moderator(user) -> None:
    if not has_role(user, Role.STAFF):
        raise PermissionDenied(_("La modération est réservée à l'équipe du programme."))
