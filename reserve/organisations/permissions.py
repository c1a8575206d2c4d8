"""Who may see and act on an organisation. Other apps use these, never their own checks."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from reserve.accounts.roles import is_staff_member

from .models import Membership, Organisation


def membership_of(user, organisation) -> Membership | None:
    if not user.is_authenticated:
        return None
    return organisation.memberships.filter(user=user).first()


def can_view(user, organisation) -> bool:
    return organisation.is_verified or is_staff_member(user) or membership_of(user, organisation)


def can_manage(user, organisation) -> bool:
    membership = membership_of(user, organisation)
    return is_staff_member(user) or bool(membership and membership.is_admin)


def can_act_for(user, organisation) -> bool:
    """A member may act in the organisation's name (e.g. submit a challenge) once it is verified."""
    return organisation.is_verified and membership_of(user, organisation) is not None


def get_organisation_for_user(user, pk) -> Organisation:
    organisation = get_object_or_404(Organisation, pk=pk)
    if not can_view(user, organisation):
        raise PermissionDenied(_("Cette organisation n'a pas encore été vérifiée."))
    return organisation


def get_organisation_for_manager(user, pk) -> Organisation:
    organisation = get_object_or_404(Organisation, pk=pk)
    if not can_manage(user, organisation):
        raise PermissionDenied(_("Seuls les administrateurs de l'organisation peuvent faire cela."))
    return organisation
