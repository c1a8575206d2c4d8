"""Who may see what of the impact app. Employers' pages reuse the pool's employer check."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from reserve.organisations.permissions import can_manage
from reserve.reservists.permissions import get_employer_for_user

from .models import TimeStatement

__all__ = ["get_employer_for_user", "get_statement_for_user"]


def get_statement_for_user(user, token) -> TimeStatement:
    """The PDF of a statement: for its employer's admins, staff and the employee it names."""
    statement = get_object_or_404(
        TimeStatement.objects.select_related("employer", "beneficiary"), token=token
    )
    if statement.employee_id != user.pk and not can_manage(user, statement.employer):
        raise PermissionDenied(_("Seuls l'employeur et la personne concernée ont ce relevé."))
    return statement
