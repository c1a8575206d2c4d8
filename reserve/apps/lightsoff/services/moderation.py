"""Moderation of reports' photos and comments, and abuse flags from anyone."""

import hashlib
import hmac

from django.conf import settings
from django.utils.translation import gettext as _

from reserve.core.audit import record
from reserve.core.clients import hit_rate_limit
from reserve.core.notify import email

from ..models import AbuseReason, AbuseReport, Moderation, Report, Shop
from ..permissions import require_moderator
from .common import RateLimited, ServiceError, public_data_changed


def moderate_report(user, report: Report, *, approve: bool, reason: str = "") -> Report:
    """Approve or hide a report's photo and comment; the author is told why when hidden."""
    require_moderator(user)
    if not approve and not reason.strip():
        raise ServiceError({"reason": _("Indiquez la raison du masquage.")})
    report.moderation = Moderation.VISIBLE if approve else Moderation.HIDDEN
    report.moderation_reason = reason
    report.save(update_fields=["moderation", "moderation_reason"])
    AbuseReport.objects.filter(report=report).update(resolved=True)
    if not approve and report.email:
        email([report.email], "lightsoff/email/hidden", {"report": report, "reason": reason})
    record(user, "lightsoff.moderated", report, approve=approve, reason=reason)
    public_data_changed()
    return report


def report_abuse(
    shop: Shop, reason: str, report: Report | None = None, *, client: str | None = None
) -> AbuseReport:
    """Anyone may flag a shop or a report. A visible report goes back to moderation (and off the
    public pages) only when LIGHTSOFF_ABUSE_THRESHOLD different addresses flagged it, or when
    staff decide: one stranger cannot hide someone else's report."""
    if reason not in AbuseReason.values:
        raise ServiceError({"reason": _("Choisissez un motif.")})
    if client is not None and hit_rate_limit("abuse", client, settings.LIGHTSOFF_ABUSE_PER_IP_HOUR):
        raise RateLimited({"__all__": _("Trop de signalements d'abus depuis cette connexion.")})
    abuse = AbuseReport.objects.create(
        shop=shop, report=report, reason=reason, flagger=_flagger(client)
    )
    if report is not None and report.moderation == Moderation.VISIBLE:
        flags = AbuseReport.objects.filter(report=report, resolved=False)
        independent = flags.exclude(flagger="").values("flagger").distinct().count()
        if independent >= settings.LIGHTSOFF_ABUSE_THRESHOLD:
            Report.objects.filter(pk=report.pk).update(moderation=Moderation.PENDING)
            public_data_changed()
    record(None, "lightsoff.abuse", shop, reason=reason)
    return abuse


def _flagger(client: str | None) -> str:
    if not client:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), client.encode(), hashlib.sha256).hexdigest()
