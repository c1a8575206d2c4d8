"""Candidates and reply links shared by the invitation tests."""

from django.urls import reverse

from reserve.reservists.tests.factories import ProfileFactory
from reserve.teams import invitations


def reservist(first_name, level=3):
    """A reservist with the back-end skill the `slot` fixture asks for."""
    return ProfileFactory(
        user__first_name=first_name,
        user__last_name="Martin",
        skills={"tech.backend": level},
        hours_per_week=5,
    ).user


def reply_path(invitation):
    return reverse("teams:reply", args=[invitations.token_for(invitation)])
