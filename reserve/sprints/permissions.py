"""Who may see and act on a sprint. Views, services and other apps use these, never their own."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from reserve.accounts.roles import is_staff_member
from reserve.challenges.models import Challenge
from reserve.challenges.permissions import can_act_for_sponsor, is_referent, is_team_member
from reserve.teams.permissions import can_see


def is_lead(user, challenge) -> bool:
    plan = getattr(challenge, "sprint_plan", None)
    return user.is_authenticated and plan is not None and plan.lead_id == user.pk


def can_write_plan(user, challenge) -> bool:
    """The team and the sponsor write the plan; staff too (they validate it)."""
    return user.is_authenticated and (
        is_staff_member(user)
        or is_team_member(user, challenge)
        or can_act_for_sponsor(user, challenge)
    )


def can_check_in(user, challenge) -> bool:
    return is_team_member(user, challenge)


def can_comment(user, challenge) -> bool:
    """The sponsor's referents and people, and staff, answer the team's check-ins."""
    return user.is_authenticated and (
        is_staff_member(user)
        or is_referent(user, challenge)
        or can_act_for_sponsor(user, challenge)
    )


def can_validate_hours(user, entry) -> bool:
    """The team lead (not for their own hours) or the sponsor validates a member's hours."""
    challenge = entry.challenge
    if can_act_for_sponsor(user, challenge) and user.pk != entry.member_id:
        return True
    return is_lead(user, challenge) and user.pk != entry.member_id


def can_decide_delivery(user, challenge) -> bool:
    return user.is_authenticated and can_act_for_sponsor(user, challenge)


def can_measure(user, challenge) -> bool:
    """Measurements are entered by the sponsor or the team (and staff)."""
    return can_write_plan(user, challenge)


def get_sprint_challenge(user, pk) -> Challenge:
    """The challenge whose sprint the user may see: the team in the wide sense and staff."""
    challenge = (
        Challenge.objects.select_related("organisation", "sprint_plan").filter(pk=pk).first()
    )
    if challenge is None or not user.is_authenticated:
        raise Http404
    if not can_see(user, challenge):
        raise PermissionDenied(
            _(
                "Le suivi du sprint est réservé à l'équipe, à l'organisation porteuse, à ses "
                "référents et à l'équipe du programme."
            )
        )
    return challenge
