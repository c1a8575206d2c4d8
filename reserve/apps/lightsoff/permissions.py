"""Who may do what in LightsOff: the object permissions, in one place."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.accounts.roles import Role, has_role


def volunteer_refusal(user) -> str:
    """Why `user` may not take shops from the contact queue, or "" when they may.

    Calling shops in the programme's name needs a confirmed reservist profile (complete, with
    consent to the use of the data), and staff can withdraw that access.
    """
    from reserve.reservists.permissions import own_profile

    from .models import VolunteerRevocation

    if has_role(user, Role.STAFF):
        return ""
    if not has_role(user, Role.RESERVIST):
        return _("La file des bénévoles est réservée aux réservistes.")
    if VolunteerRevocation.objects.filter(user=user).exists():
        return _("L'équipe du programme vous a retiré l'accès à la file des bénévoles.")
    profile = own_profile(user)
    if profile is None or profile.missing():
        return _(
            "Pour contacter des commerces au nom du programme, complétez d'abord votre profil "
            "de réserviste (compétences, présentation, disponibilités, accord sur les données)."
        )
    return ""


def can_volunteer(user) -> bool:
    return user.is_authenticated and not volunteer_refusal(user)


def require_volunteer(user) -> None:
    refusal = volunteer_refusal(user)
    if refusal:
        raise PermissionDenied(refusal)


def holds_claim(user, shop, now=None) -> bool:
    """The volunteer has the shop for now: only they see its shopkeeper link and may log."""
    now = now or timezone.now()
    return bool(
        user.is_authenticated
        and shop.claimed_by_id == user.pk
        and shop.claim_expires_at
        and shop.claim_expires_at > now
    )


def require_moderator(user) -> None:
    if not has_role(user, Role.STAFF):
        raise PermissionDenied(_("La modération est réservée à l'équipe du programme."))


def can_see_photo(user, report) -> bool:
    """Only moderated photos are public; moderators see the others to decide."""
    from .models import Moderation

    return report.moderation == Moderation.VISIBLE or has_role(user, Role.STAFF)
