"""Who may see and act on a challenge. Views, services and other apps use these, never their own."""

from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from reserve.accounts.roles import is_staff_member
from reserve.organisations.models import Organisation
from reserve.organisations.permissions import can_act_for

from .models import Application, Challenge, Status

EDITABLE = (Status.DRAFT, Status.NEEDS_INFORMATION)


def is_sponsor_member(user, challenge) -> bool:
    if not user.is_authenticated or challenge.organisation_id is None:
        return False
    return challenge.organisation.memberships.filter(user=user).exists()


def is_referent(user, challenge) -> bool:
    return user.is_authenticated and challenge.referents.filter(user=user).exists()


def is_team_member(user, challenge) -> bool:
    """The person holds a role in the challenge's team (their application was accepted)."""
    return (
        user.is_authenticated
        and Application.objects.accepted().of_challenge(challenge).of_user(user).exists()
    )


def owns_address(user, address: str) -> bool:
    """The address is the account's own, or one it added and confirmed (case-insensitive)."""
    if not user.is_authenticated or not address:
        return False
    if user.email and user.email.casefold() == address.casefold():
        return True
    return EmailAddress.objects.filter(user=user, email__iexact=address, verified=True).exists()


def is_participant(user, challenge) -> bool:
    """Staff, members of the sponsoring organisation, referents who accepted their invitation and
    the members of the team: they share the private workspace and its thread."""
    return (
        is_staff_member(user)
        or is_sponsor_member(user, challenge)
        or is_referent(user, challenge)
        or (user.is_authenticated and challenge.created_by_id == user.pk)
        or is_team_member(user, challenge)
    )


def can_view(user, challenge) -> bool:
    return challenge.is_public or is_participant(user, challenge)


def organisations_for_intake(user):
    """The organisations in whose name the user may open a challenge."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.verified().of_member(user)


def can_act_for_sponsor(user, challenge) -> bool:
    if challenge.organisation_id is None:
        return challenge.created_by_id == user.pk
    return can_act_for(user, challenge.organisation)


def can_decide_applications(user, challenge) -> bool:
    """Who validates the catalogue's applications to a challenge: staff, the members who may act
    for the sponsoring organisation, and the challenge's referents."""
    if not user.is_authenticated:
        return False
    return (
        is_staff_member(user)
        or can_act_for_sponsor(user, challenge)
        or is_referent(user, challenge)
    )


def edit_refusal(user, challenge) -> str | None:
    """Why the user may not edit the challenge now, or None if they may."""
    if not (is_staff_member(user) or can_act_for_sponsor(user, challenge)):
        return _(
            "Seuls les membres de l'organisation porteuse et l'équipe du programme peuvent "
            "modifier ce défi."
        )
    if challenge.status not in EDITABLE:
        return _(
            "Un défi ne se modifie qu'en brouillon ou quand des informations sont demandées "
            "(statut actuel : %(status)s)."
        ) % {"status": challenge.get_status_display()}
    return None


def can_edit(user, challenge) -> bool:
    return edit_refusal(user, challenge) is None


def qualify_refusal(user, challenge) -> str | None:
    """Why the user may not score the qualification grid now, or None if they may."""
    if not (is_staff_member(user) or is_referent(user, challenge)):
        return _("Seuls l'équipe du programme et les agents référents invités qualifient un défi.")
    if challenge.status != Status.IN_QUALIFICATION:
        return _(
            "La grille se remplit quand le défi est en qualification (statut actuel : %(status)s)."
        ) % {"status": challenge.get_status_display()}
    return None


def can_qualify(user, challenge) -> bool:
    return qualify_refusal(user, challenge) is None


def get_challenge_for_user(user, pk) -> Challenge:
    """The challenge if the user may see it; a 404 otherwise, so drafts do not leak."""
    challenge = Challenge.objects.select_related("organisation").filter(pk=pk).first()
    if challenge is None or not can_view(user, challenge):
        raise Http404
    return challenge


def get_public_challenge(user, slug) -> Challenge:
    challenge = Challenge.objects.select_related("organisation").filter(slug=slug).first()
    if challenge is None or not can_view(user, challenge):
        raise Http404
    return challenge


def get_challenge_for_participant(user, pk) -> Challenge:
    """The private workspace: staff, sponsor members, referents and the team only."""
    challenge = get_challenge_for_user(user, pk)
    if not is_participant(user, challenge):
        raise PermissionDenied(
            _(
                "L'espace de travail d'un défi est réservé à l'équipe du programme, "
                "à l'organisation porteuse, aux agents référents et aux membres de l'équipe."
            )
        )
    return challenge


def get_challenge_for_editor(user, pk) -> Challenge:
    challenge = get_challenge_for_user(user, pk)
    refusal = edit_refusal(user, challenge)
    if refusal:
        raise PermissionDenied(refusal)
    return challenge


def get_challenge_for_qualifier(user, pk) -> Challenge:
    challenge = get_challenge_for_user(user, pk)
    refusal = qualify_refusal(user, challenge)
    if refusal:
        raise PermissionDenied(refusal)
    return challenge
