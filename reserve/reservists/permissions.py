"""Who may see what of the pool. Other apps use these, never their own checks."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from reserve.organisations.models import Organisation, Part
from reserve.organisations.permissions import can_act_for, can_manage

from .models import Profile


def get_employer_for_user(user, pk) -> Organisation:
    """The employer view is for the company's admins (and staff), and only for employers."""
    organisation = get_object_or_404(Organisation, pk=pk)
    if Part.EMPLOYER not in organisation.part_list:
        raise PermissionDenied(_("Cette organisation ne détache pas de salariés."))
    if not can_manage(user, organisation):
        raise PermissionDenied(_("Seuls les administrateurs de l'entreprise voient cette page."))
    return organisation


def get_employer_for_member(user, pk) -> Organisation:
    """Confirming secondments is for any member who may act for the employer."""
    organisation = get_object_or_404(Organisation, pk=pk)
    if Part.EMPLOYER not in organisation.part_list:
        raise PermissionDenied(_("Cette organisation ne détache pas de salariés."))
    if not can_act_for(user, organisation):
        raise PermissionDenied(
            _("Seuls les membres d'une organisation vérifiée confirment ses détachements.")
        )
    return organisation


def own_profile(user) -> Profile | None:
    return Profile.objects.filter(user=user).first() if user.is_authenticated else None
