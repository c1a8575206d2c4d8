"""Moderation of reports' photos and comments, and abuse flags from anyone."""

from django.utils.translation import gettext as _

from reserve.core.audit import record
from reserve.core.notify import email

from ..models import AbuseReason, AbuseReport, Moderation, Report, Shop
from ..permissions import require_moderator
from .common import ServiceError, public_data_changed


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


def report_abuse(shop: Shop, reason: str, report: Report | None = None) -> AbuseReport:

    if reason not in AbuseReason.values:
        raise ServiceError({"reason": _("Choisissez un motif.")})
    abuse = AbuseReport.objects.create(shop=shop, report=report, reason=reason)
    if report is not None and report.moderation == Moderation.VISIBLE:
        Report.objects.filter(pk=report.pk).update(moderation=Moderation.PENDING)
    record(None, "lightsoff.abuse", shop, reason=reason)
    return abuse
