from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.accounts.models import User
from reserve.accounts.roles import is_staff_member
from reserve.core.audit import record

from .models import Membership, Organisation, Verification
from .permissions import can_manage


@transaction.atomic
def create_organisation(user, form) -> Organisation:
    """Declare an organisation: its creator becomes its admin; staff are asked to verify it."""
    organisation = form.save()
    Membership.objects.create(organisation=organisation, user=user, role=Membership.Role.ADMIN)
    record(user, "organisation.created", organisation)
    staff_emails = list(
        User.objects.filter(is_staff=True, is_active=True).values_list("email", flat=True)
    )
    if staff_emails:
        _notify(staff_emails, "organisations/email/to_verify", organisation)
    return organisation


@transaction.atomic
def update_organisation(user, form) -> Organisation:
    if not can_manage(user, form.instance):
        raise PermissionDenied
    organisation = form.save()
    record(user, "organisation.updated", organisation, fields=sorted(form.changed_data))
    return organisation


@transaction.atomic
def verify_organisation(staff, organisation, *, verified: bool, note: str = "") -> None:
    """Staff decision: verified members may then act for it; a refusal says why."""
    if not is_staff_member(staff):
        raise PermissionDenied
    if not verified and not note.strip():
        raise ValidationError({"note": _("Expliquez le refus : le motif est envoyé aux membres.")})
    organisation.verification = Verification.VERIFIED if verified else Verification.REJECTED
    organisation.verification_note = note.strip()
    organisation.verified_at = timezone.now() if verified else None
    organisation.save(update_fields=["verification", "verification_note", "verified_at"])
    record(staff, "organisation.verified" if verified else "organisation.rejected", organisation)
    emails = list(organisation.memberships.values_list("user__email", flat=True))
    _notify(emails, "organisations/email/verification", organisation)


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
    _notify([user.email], "organisations/email/member_added", organisation)
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


def _notify(emails, template, organisation) -> None:
    context = {"organisation": organisation, "site_url": settings.SITE_URL}
    subject = render_to_string(f"{template}_subject.txt", context).strip()
    body = render_to_string(f"{template}.txt", context)
    send_mail(subject, body, None, emails)
