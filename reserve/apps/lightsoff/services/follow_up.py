"""Going back at night: follow-up answers and the invitations to check again."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.core.audit import record
from reserve.core.lifecycle import TransitionRefused
from reserve.core.notify import email, tell

from ..lifecycle import FOLLOWER, SHOP
from ..models import ContactAttempt, FollowUp, FollowUpAnswer, Report, Shop, ShopStatus
from .common import ServiceError, public_data_changed

# Nothing left to check once a shop is confirmed off or out of scope.
FINAL_STATUSES = (ShopStatus.CONFIRMED_OFF, ShopStatus.NOT_APPLICABLE)
FOLLOW_UP_STEP = {
    FollowUpAnswer.STILL_LIT: "still_lit",
    FollowUpAnswer.NOW_OFF: "confirm_off",
    FollowUpAnswer.CLOSED: "closed",
}


def record_follow_up(shop: Shop, answer: str) -> FollowUp:
    """Someone went back at night: the shop is confirmed off, still lit, or closed."""
    if answer not in FOLLOW_UP_STEP:
        raise ServiceError({"answer": _("Réponse inconnue.")})
    if shop.status == ShopStatus.LISTED:
        raise ServiceError(_("Ce commerce n'a jamais été signalé."))
    step = SHOP.get(FOLLOW_UP_STEP[answer])
    try:
        with transaction.atomic():
            follow_up = FollowUp.objects.create(shop=shop, answer=answer)
            if Shop.objects.filter(pk=shop.pk).exclude(status=step.target).exists():
                SHOP.fire(FOLLOWER, shop, step.name)
            record(FOLLOWER, "lightsoff.follow_up", shop, answer=answer)
    except TransitionRefused as refused:
        raise ServiceError(refused.message) from refused
    shop.refresh_from_db()
    public_data_changed()
    return follow_up


def send_follow_ups(now=None) -> int:
    """Invite reporters who left an email, and the volunteers who made contact, to check again
    at night after LIGHTSOFF_FOLLOW_UP_DAYS."""
    now = now or timezone.now()
    due = now - timedelta(days=settings.LIGHTSOFF_FOLLOW_UP_DAYS)
    return _follow_up_reporters(now, due) + _follow_up_volunteers(now, due)


def _follow_up_volunteers(now, due) -> int:
    attempts = ContactAttempt.objects.filter(
        created_at__lte=due, follow_up_sent_at__isnull=True, volunteer__isnull=False
    ).select_related("shop", "volunteer")
    sent = 0
    for attempt in attempts:
        if attempt.shop.status not in FINAL_STATUSES:
            tell(
                [attempt.volunteer],
                "lightsoff/email/follow_up_volunteer",
                {"shop": attempt.shop},
                url=reverse("lightsoff:volunteer_follow_up", args=[attempt.shop_id]),
                kind="lightsoff_follow_up",
                essential=False,
            )
            sent += 1
        ContactAttempt.objects.filter(pk=attempt.pk).update(follow_up_sent_at=now)
    return sent


def _follow_up_reporters(now, due) -> int:
    reports = (
        Report.objects.filter(
            created_at__lte=due, follow_up_sent_at__isnull=True, email_consent=True
        )
        .exclude(email="")
        .select_related("shop")
    )
    sent = 0
    for report in reports:
        link = settings.SITE_URL + reverse("lightsoff:follow_up", args=[report.token])
        context = {"report": report, "link": link, "purge_days": settings.LIGHTSOFF_PURGE_DAYS}
        email([report.email], "lightsoff/email/follow_up", context, essential=False)
        Report.objects.filter(pk=report.pk).update(follow_up_sent_at=now)
        sent += 1
    return sent
