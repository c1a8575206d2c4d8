"""Personal data that outlived its purpose goes away."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from ..models import Report


def purge_personal_data(now=None) -> int:
    """Forget reporters' emails and photos after LIGHTSOFF_PURGE_DAYS."""
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
    return purged
