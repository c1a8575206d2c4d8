"""The platform's roles: the one list, and how a user's roles are derived from their account.

Staff and administrators are Django's `is_staff` / `is_superuser` flags; a reservist has chosen to
join the pool; an organisation member belongs to at least one organisation.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    RESERVIST = "reservist", _("Réserviste")
    ORGANISATION_MEMBER = "organisation_member", _("Membre d'une organisation")
    STAFF = "staff", _("Équipe du programme")
    ADMINISTRATOR = "administrator", _("Administrateur")


def roles_of(user) -> frozenset[Role]:
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_roles", None)
    if cached is None:
        cached = user._roles = frozenset(_derive_roles(user))
    return cached


def _derive_roles(user):
    if user.is_reservist:
        yield Role.RESERVIST
    if user.memberships.exists():
        yield Role.ORGANISATION_MEMBER
    if user.is_staff or user.is_superuser:
        yield Role.STAFF
    if user.is_superuser:
        yield Role.ADMINISTRATOR


def has_role(user, role: Role) -> bool:
    return role in roles_of(user)


def is_staff_member(user) -> bool:
    return has_role(user, Role.STAFF)


def role_required(role: Role):
    """View decorator: log in first, then a 403 page explains the missing role."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapper(request, *args, **kwargs):
            if not has_role(request.user, role):
                raise PermissionDenied(
                    _("Cette page est réservée : %(role)s.") % {"role": role.label}
                )
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
