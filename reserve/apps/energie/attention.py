"""Énergie's items of "what needs you now" (reserve.core.attention): visits offered to a
volunteer, waiting for their answer."""

from django.urls import reverse
from django.utils.translation import gettext as _

from reserve.core.attention import Item

from .models import Visit, VisitStatus


def needs_attention(user) -> list[Item]:
    offered = Visit.objects.filter(volunteer=user, status=VisitStatus.OFFERED).select_related(
        "campaign"
    )
    return [
        Item(
            title=_("Répondez à la visite proposée : %(campaign)s") % {"campaign": visit.campaign},
            url=reverse("energie:visit", args=[visit.pk]),
            detail=_("Un foyer attend son équipement ; dites si vous pouvez le poser."),
            icon="house-plug",
            due=visit.scheduled_at,
            kind="energie_visit",
        )
        for visit in offered
    ]
