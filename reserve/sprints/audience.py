"""Who is told what about a sprint: the team, and the sponsor's side (its people and referents)."""

from reserve.accounts.models import User
from reserve.challenges.models import Application


def team(challenge) -> list:
    members = Application.objects.accepted().of_challenge(challenge)
    return list(User.objects.filter(challenge_applications__in=members, is_active=True).distinct())


def sponsor_side(challenge) -> list:
    """The sponsoring organisation's members (or the challenge's author) and its referents."""
    people = User.objects.filter(referent_roles__challenge=challenge, is_active=True)
    if challenge.organisation_id:
        people = people | User.objects.filter(
            memberships__organisation=challenge.organisation_id, is_active=True
        )
    elif challenge.created_by_id:
        people = people | User.objects.filter(pk=challenge.created_by_id, is_active=True)
    return list(people.distinct())
