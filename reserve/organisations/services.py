from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from reserve.core import notify, stats
from reserve.core.audit import record
from reserve.core.caching import invalidate

from .lifecycle import LIFECYCLE
from .models import Membership, Organisation
from .permissions import can_manage

User = get_user_model()


@transaction.atomic
def create_organisation(user, form) -> Organisation:
    """Declare an organisation: its creator becomes its admin; staff are asked to verify it."""
    organisation = form.save()
    Membership.objects.create(organisation=organisation, user=user, role=Membership.Role.ADMIN)
    record(user, "organisation.created", organisation)
    _ask_staff_to_verify(organisation)
    return organisation


@transaction.atomic
def update_organisation(user, form) -> Organisation:
    if not can_manage(user, form.instance):
        raise PermissionDenied
    organisation = form.save()
    record(user, "organisation.updated", organisation, fields=sorted(form.changed_data))
    return organisation


@transaction.atomic
def transition(actor, organisation, name: str, note: str = "") -> Organisation:
    """Move the organisation's verification along (lifecycle.py), or refuse with the reason.

    Members learn the staff's decision; staff learn of a new request. The pages and counters
    that count verified organisations are refreshed.
    """
    organisation, _previous = LIFECYCLE.fire(actor, organisation, name, note=note)
    if name == "resubmit":
        _ask_staff_to_verify(organisation)
    else:
        notify.tell(
            User.objects.filter(memberships__organisation=organisation),
            "organisations/email/verification",
            {"organisation": organisation},
            url=organisation.get_absolute_url(),
            kind="organisations.verification",
        )
    transaction.on_commit(_forget_cached_pages)
    return organisation


def verify_organisation(staff, organisation, *, verified: bool, note: str = "") -> Organisation:
    """The staff queue's decision: verified members may then act for it; a refusal says why."""
    return transition(staff, organisation, "verify" if verified else "refuse", note)


@transaction.atomic
def add_member(actor, organisation, email: str, role: str) -> Membership:
    """Add an existing account to the organisation by its e-mail address."""
    if not can_manage(actor, organisation):
        raise PermissionDenied
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        raise ValidationError(
            {"email": _("Aucun compte n'utilise cette adresse. Invitez la personne à s'inscrire.")}
        )
    membership, created = Membership.objects.get_or_create(
        organisation=organisation, user=user, defaults={"role": role}
    )
    if not created:
        raise ValidationError({"email": _("Cette personne est déjà membre de l'organisation.")})
    record(actor, "organisation.member_added", organisation, member_id=user.pk, role=role)
    notify.tell(
        [user],
        "organisations/email/member_added",
        {"organisation": organisation},
        url=organisation.get_absolute_url(),
        kind="organisations.member_added",
    )
    return membership


@transaction.atomic
def remove_member(actor, membership) -> None:
    organisation = membership.organisation
    if not can_manage(actor, organisation):
        raise PermissionDenied
    admins = organisation.memberships.filter(role=Membership.Role.ADMIN)
    if membership.is_admin and admins.count() == 1:
        raise ValidationError(
            _("L'organisation doit garder au moins un administrateur : nommez-en un autre avant.")
        )
    membership.delete()
    record(actor, "organisation.member_removed", organisation, member_id=membership.user_id)


def _ask_staff_to_verify(organisation) -> None:
    notify.tell(
        User.objects.filter(is_staff=True, is_active=True),
        "organisations/email/to_verify",
        {"organisation": organisation},
        url="/organisations/a-verifier/",
        kind="organisations.to_verify",
    )


def _forget_cached_pages() -> None:
    cache.delete(stats.CACHE_KEY)
    invalidate("default")
