"""Who may see and act on a team: views, services and other apps use these, never their own."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from reserve.accounts.roles import is_staff_member
from reserve.challenges.permissions import can_act_for_sponsor, is_referent, is_team_member


def can_see(user, challenge) -> bool:
    """The team in the wide sense, and staff: members, the people who act for the sponsor and its
    referents, who work with them. Contact details never leave these people."""
    if not user.is_authenticated:
        return False
    return (
        is_staff_member(user)
        or is_team_member(user, challenge)
        or can_act_for_sponsor(user, challenge)
        or is_referent(user, challenge)
    )


def can_manage_links(user, challenge) -> bool:
    """Who adds and removes the team's links: members, the sponsor's people who can act for the
    challenge, and staff."""
    if not user.is_authenticated:
        return False
    return (
        is_staff_member(user)
        or is_team_member(user, challenge)
        or can_act_for_sponsor(user, challenge)
    )


def links_refusal() -> PermissionDenied:
    return PermissionDenied(
        _(
            "Seuls les membres de l'équipe, l'organisation porteuse et l'équipe du programme "
            "modifient les liens de l'équipe."
        )
    )


def is_addressee(user, invitation) -> bool:
    """Only the invited person answers an invitation."""
    return user.is_authenticated and user.pk == invitation.user_id


def can_see_invitation(user, invitation) -> bool:
    return is_addressee(user, invitation) or is_staff_member(user)
