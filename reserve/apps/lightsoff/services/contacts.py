"""Volunteers' queue: claiming a shop, logging how the contact went, releasing claims."""

import re
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.core.audit import record

from ..lifecycle import SHOP
from ..models import ContactAttempt, Outcome, Shop, ShopStatus, VolunteerRevocation
from ..permissions import holds_claim, require_moderator, require_volunteer
from .common import ServiceError, public_data_changed

# French premium-rate numbers: 081x-089x (shared cost and premium) and 3xxx short codes.
PREMIUM_RATE = re.compile(r"^(?:\+33|0033|0)8[1-9]|^3\d{3}$")


def is_premium_rate(phone: str) -> bool:
    digits = re.sub(r"[\s.\-()]", "", phone or "")
    return bool(PREMIUM_RATE.match(digits))


def claim_shop(user, shop_id: int, now=None) -> bool:
    """Give `user` the shop for LIGHTSOFF_CLAIM_MINUTES; False when someone else holds it.

    One conditional UPDATE: of two volunteers claiming at once, exactly one changes the row.
    """
    require_volunteer(user)
    now = now or timezone.now()
    free = Q(claimed_by__isnull=True) | Q(claim_expires_at__lt=now) | Q(claimed_by=user)
    expires = now + timedelta(minutes=settings.LIGHTSOFF_CLAIM_MINUTES)
    contactable = Shop.objects.contactable(now).filter(pk=shop_id)
    won = contactable.filter(free).update(claimed_by=user, claim_expires_at=expires) == 1
    if won:
        record(user, "lightsoff.claimed", Shop.objects.get(pk=shop_id))
    return won


def log_contact(user, shop: Shop, outcome: str, notes: str = "") -> ContactAttempt:
    """What the volunteer holding the claim got; releases the claim."""
    require_volunteer(user)
    if not holds_claim(user, shop):
        raise ServiceError(
            _("Prenez d'abord ce commerce dans la file (ou votre réservation a expiré).")
        )
    if outcome not in Outcome.values:
        raise ServiceError({"outcome": _("Résultat inconnu.")})
    with transaction.atomic():
        attempt = ContactAttempt.objects.create(
            shop=shop, volunteer=user, outcome=outcome, notes=notes
        )
        # A shop further along (it answered, it was checked again) keeps its status.
        if Shop.objects.filter(pk=shop.pk, status=ShopStatus.REPORTED).exists():
            SHOP.fire(user, shop, "contact")
        changes = {
            "claimed_by": None,
            "claim_expires_at": None,
            "last_contacted_at": attempt.created_at,
        }
        if outcome == Outcome.WRONG_NUMBER:
            changes["phone"] = ""
        Shop.objects.filter(pk=shop.pk).update(**changes)
        record(user, "lightsoff.contacted", shop, outcome=outcome)
    shop.refresh_from_db()
    public_data_changed()
    return attempt


def release_expired_claims(now=None) -> int:
    now = now or timezone.now()
    return Shop.objects.filter(claim_expires_at__lt=now).update(
        claimed_by=None, claim_expires_at=None
    )


def revoke_volunteer(staff, user, reason: str) -> VolunteerRevocation:
    """The programme withdraws `user`'s access to the contact queue; their claims are freed."""
    require_moderator(staff)
    if not reason.strip():
        raise ServiceError({"reason": _("Indiquez le motif du retrait.")})
    with transaction.atomic():
        revocation, _created = VolunteerRevocation.objects.update_or_create(
            user=user, defaults={"reason": reason.strip(), "revoked_by": staff}
        )
        Shop.objects.filter(claimed_by=user).update(claimed_by=None, claim_expires_at=None)
        record(staff, "lightsoff.volunteer_revoked", user, reason=reason.strip())
    return revocation


def restore_volunteer(staff, user) -> None:
    require_moderator(staff)
    if VolunteerRevocation.objects.filter(user=user).delete()[0]:
        record(staff, "lightsoff.volunteer_restored", user)
