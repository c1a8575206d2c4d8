"""Who may open a household file, declare kits and act on visits. Other modules use these."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from reserve.accounts.roles import is_staff_member
from reserve.organisations.models import Organisation
from reserve.organisations.permissions import can_act_for

from .models import Household, Visit


class HouseholdVisitor:
    """The household itself, holding its private link: no account, only its own file."""

    is_authenticated = False
    is_staff = False
    pk = None

    def __init__(self, household: Household) -> None:
        self.household_pk = household.pk


def household_kinds(actor, household: Household) -> set[str]:
    """What `actor` is for this file: household, alert_giver, volunteer, staff."""
    if isinstance(actor, HouseholdVisitor):
        return {"household"} if actor.household_pk == household.pk else set()
    if not getattr(actor, "is_authenticated", False):
        return set()
    kinds = set()
    if is_staff_member(actor):
        kinds.add("staff")
    if household.alert_giver_id == actor.pk:
        kinds.add("alert_giver")
    if household.visits.filter(volunteer=actor).exclude(status="declined").exists():
        kinds.add("volunteer")
    return kinds


def can_open(user, household: Household) -> bool:
    return bool(household_kinds(user, household) & {"staff", "alert_giver", "volunteer"})


def get_household_for_user(user, pk) -> Household:
    """The file if this person may open it (its alert giver, its volunteer, staff); else 403."""
    household = get_object_or_404(Household, pk=pk)
    if not can_open(user, household):
        raise PermissionDenied(
            _("Ce dossier n'est visible que par son orienteur, son bénévole et l'équipe.")
        )
    return household


def organisations_acting_for(user):
    """The verified organisations this person may act for: flag households, declare kits."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    organisations = Organisation.objects.filter(memberships__user=user).distinct()
    return Organisation.objects.filter(pk__in=[o.pk for o in organisations if can_act_for(user, o)])


def get_visit_for_volunteer(user, pk) -> Visit:
    visit = get_object_or_404(Visit.objects.select_related("household", "kit", "campaign"), pk=pk)
    if visit.volunteer_id != user.pk and not is_staff_member(user):
        raise PermissionDenied(_("Cette visite est proposée à un autre bénévole."))
    return visit
