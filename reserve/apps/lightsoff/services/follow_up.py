"""Going back at night: follow-up answers and the invitations to check again."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.core.audit import record
from reserve.core.clients import hit_rate_limit
from reserve.core.lifecycle import TransitionRefused
from reserve.core.notify import email, tell

from .. import rules
from ..lifecycle import FOLLOWER, SHOP
from ..models import ContactAttempt, FollowUp, FollowUpAnswer, Report, Shop, ShopStatus
from .common import RateLimited, ServiceError, public_data_changed

# Nothing left to check once a shop is confirmed off or out of scope.
FINAL_STATUSES = (ShopStatus.CONFIRMED_OFF, ShopStatus.NOT_APPLICABLE)
FOLLOW_UP_STEP = {
    FollowUpAnswer.STILL_LIT: "still_lit",
    FollowUpAnswer.NOW_OFF: "confirm_off",
    FollowUpAnswer.CLOSED: "closed",
}


def record_follow_up(
    shop: Shop, answer: str, *, report=None, volunteer=None, client: str | None = None, now=None
) -> FollowUp:
    """Someone went back at night: the shop is still lit, switched off, or closed.

    From a report's link (`report`, with the web `client` address for the rate limit) or from a
    volunteer who contacted the shop (`volunteer`): once a night each. "Switched off" is shown
    as confirmed only when LIGHTSOFF_CONFIRMATIONS independent people saw it off.
    """
    if answer not in FOLLOW_UP_STEP:
        raise ServiceError({"answer": _("Réponse inconnue.")})
    limit = settings.LIGHTSOFF_FOLLOW_UPS_PER_IP_HOUR
    if client is not None and hit_rate_limit("follow-up", client, limit):
        raise RateLimited({"__all__": _("Trop de réponses depuis cette connexion.")})
    if shop.status == ShopStatus.LISTED:
        raise ServiceError(_("Ce commerce n'a jamais été signalé."))
    source = {"report": report} if report is not None else {"volunteer": volunteer}
    night = rules.night_of(now or timezone.now())
    step = SHOP.get(FOLLOW_UP_STEP[answer])
    try:
        with transaction.atomic():
            follow_up = FollowUp.objects.create(shop=shop, answer=answer, night=night, **source)
            current = Shop.objects.values_list("status", flat=True).get(pk=shop.pk)
            confirmed = answer != FollowUpAnswer.NOW_OFF or (
                independent_sightings_off(shop) >= settings.LIGHTSOFF_CONFIRMATIONS
            )
            if current != step.target and confirmed:
                SHOP.fire(FOLLOWER if report is not None else volunteer, shop, step.name)
            actor = FOLLOWER if report is not None else volunteer
            record(actor, "lightsoff.follow_up", shop, answer=answer)
    except IntegrityError as twice:
        raise ServiceError(
            _("Vous avez déjà donné des nouvelles de ce commerce cette nuit. Merci !")
        ) from twice
    except TransitionRefused as refused:
        raise ServiceError(refused.message) from refused
    shop.refresh_from_db()
    public_data_changed()
    return follow_up


def independent_sightings_off(shop: Shop) -> int:
    """How many different people saw the shop off since it was last seen lit.

    A volunteer is one person; reports with the same e-mail are one person; a report without
    e-mail counts on its own (its link is a secret held by whoever made it).
    """
    lit = [shop.last_reported_at] + list(
        FollowUp.objects.filter(shop=shop, answer=FollowUpAnswer.STILL_LIT).values_list(
            "created_at", flat=True
        )
    )
    since = max((moment for moment in lit if moment is not None), default=None)
    sightings = FollowUp.objects.filter(shop=shop, answer=FollowUpAnswer.NOW_OFF)
    if since is not None:
        sightings = sightings.filter(created_at__gte=since)
    people = set()
    for volunteer_id, report_id, address in sightings.values_list(
        "volunteer_id", "report_id", "report__email"
    ):
        people.add(("volunteer", volunteer_id) if volunteer_id else ("email", address or report_id))
    return len(people)


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
