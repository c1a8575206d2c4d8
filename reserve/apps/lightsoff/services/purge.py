"""Personal data that outlived its purpose goes away."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from reserve.core.audit import record

from ..models import Report


def purge_personal_data(actor, now=None) -> int:
    """Forget reporters' emails and photos after LIGHTSOFF_PURGE_DAYS; `actor` is who asked
    (`reserve.core.audit.SYSTEM` for the daily job). Returns how many reports were purged."""
    now = now or timezone.now()
    old = Report.objects.filter(
        created_at__lte=now - timedelta(days=settings.LIGHTSOFF_PURGE_DAYS), purged_at__isnull=True
    )
    purged = 0
    for report in old:
        if report.photo:
            report.photo.delete(save=False)
        Report.objects.filter(pk=report.pk).update(email="", photo="", purged_at=now)
        purged += 1
    if purged:
        record(actor, "lightsoff.purged", None, reports=purged)
    return purged
