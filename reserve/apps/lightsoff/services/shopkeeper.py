"""The shopkeeper's answer, given through the link of the letter or of a message."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.core.audit import record
from reserve.core.clients import hit_rate_limit

from ..lifecycle import SHOP, SHOPKEEPER
from ..models import Answer, Reason, Shop, ShopkeeperAnswer
from .common import RateLimited, ServiceError, public_data_changed


def answer_as_shopkeeper(
    shop: Shop, answer: str, reason: str = "", *, client: str | None = None
) -> ShopkeeperAnswer:
    """The shopkeeper's answer by their link: updates the status and stops the contacts.

    `client` is the web request's address, for the rate limit (None: the platform's callers).
    """
    limit = settings.LIGHTSOFF_SHOPKEEPER_ANSWERS_PER_IP_HOUR
    if client is not None and hit_rate_limit("shopkeeper", client, limit):
        raise RateLimited({"__all__": _("Trop de réponses depuis cette connexion.")})
    if answer not in Answer.values:
        raise ServiceError({"answer": _("Réponse inconnue.")})
    if answer == Answer.REASON and reason not in Reason.values:
        raise ServiceError({"reason": _("Choisissez une raison.")})
    with transaction.atomic():
        given = ShopkeeperAnswer.objects.create(
            shop=shop, answer=answer, reason=reason if answer == Answer.REASON else ""
        )
        step = "open_at_night" if reason == Reason.OPEN_AT_NIGHT else "answer"
        status = Shop.objects.values_list("status", flat=True).get(pk=shop.pk)
        # An answer after the shop was confirmed off (or is out of scope) keeps that status.
        if status in SHOP.get(step).sources:
            SHOP.fire(SHOPKEEPER, shop, step, answer=answer, reason=reason)
        # A volunteer holding the claim keeps it: they may still record how their contact went.
        changes = {"answered_at": timezone.now(), "in_queue": False}
        if answer == Answer.DO_NOT_CONTACT:
            changes["do_not_contact"] = True
        Shop.objects.filter(pk=shop.pk).update(**changes)
        record(SHOPKEEPER, "lightsoff.shopkeeper_answered", shop, answer=answer, reason=reason)
    shop.refresh_from_db()
    public_data_changed()
    return given
