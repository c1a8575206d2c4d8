"""The public impact pages are cached; what they show changes with these rows."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from reserve.challenges.models import Challenge
from reserve.core.caching import invalidate
from reserve.sprints.models import Deliverable, Handover, HoursEntry, Indicator, Measurement

from .models import Visibility

SCOPE = "impact"
SHOWN = (Challenge, Deliverable, Handover, HoursEntry, Indicator, Measurement, Visibility)


@receiver(post_save)
@receiver(post_delete)
def forget_cached_pages(sender, **kwargs):
    if sender in SHOWN:
        invalidate(SCOPE)
