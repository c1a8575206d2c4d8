"""The shopkeeper's answer, given through the link of the letter or of a message."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.core.audit import record

from ..models import Answer, Reason, Shop, ShopkeeperAnswer, ShopStatus
from .common import ServiceError, public_data_changed


def answer_as_shopkeeper(shop: Shop, answer: str, reason: str = "") -> ShopkeeperAnswer:
    """The shopkeeper's answer by their link: updates the status and stops the contacts."""
    if answer not in Answer.values:
        raise ServiceError({"answer": _("Réponse inconnue.")})
    if answer == Answer.REASON and reason not in Reason.values:
        raise ServiceError({"reason": _("Choisissez une raison.")})
    now = timezone.now()
    with transaction.atomic():
        given = ShopkeeperAnswer.objects.create(
            shop=shop, answer=answer, reason=reason if answer == Answer.REASON else ""
        )
        shop.answered_at = now
        shop.in_queue = False
        shop.claimed_by = None
        if answer == Answer.DO_NOT_CONTACT:
            shop.do_not_contact = True
        if answer == Answer.REASON and reason == Reason.OPEN_AT_NIGHT:
            shop.status = ShopStatus.NOT_APPLICABLE
        elif shop.status != ShopStatus.CONFIRMED_OFF:
            shop.status = ShopStatus.ANSWERED
        shop.save()
        record(None, "lightsoff.shopkeeper_answered", shop, answer=answer, reason=reason)
    public_data_changed()
    return given
