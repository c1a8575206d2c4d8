"""Nights of action: an association creates a campaign, people join, the page counts live."""

from datetime import datetime, time, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.accounts.roles import is_staff_member
from reserve.core.audit import record
from reserve.organisations.models import Organisation
from reserve.organisations.permissions import can_act_for

from .models import Campaign, Report
from .services import ServiceError, public_data_changed

# A night of action runs from the evening to the next morning.
NIGHT_START, NIGHT_END = time(18), time(9)


def organisations_for(user):
    if is_staff_member(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(memberships__user=user)


def create_campaign(user, organisation, **fields) -> Campaign:
    """Create a night of action for `organisation`, on behalf of one of its members."""
    if not (is_staff_member(user) or can_act_for(user, organisation)):
        raise PermissionDenied(
            _("Seuls les membres de l'organisation peuvent créer sa nuit d'action.")
        )
    if fields["night"] < timezone.localdate():
        raise ServiceError({"night": _("Cette date est passée.")})
    campaign = Campaign.objects.create(organisation=organisation, created_by=user, **fields)
    record(user, "lightsoff.campaign_created", campaign)
    public_data_changed()
    return campaign


def join_campaign(user, campaign: Campaign) -> None:
    campaign.participants.add(user)
    record(user, "lightsoff.campaign_joined", campaign)


def night_reports(campaign: Campaign):
    tz = timezone.get_current_timezone()
    start = datetime.combine(campaign.night, NIGHT_START, tz)
    end = datetime.combine(campaign.night + timedelta(days=1), NIGHT_END, tz)
    return Report.objects.filter(
        created_at__gte=start, created_at__lt=end, shop__city__in=campaign.city_list
    ).exclude(moderation="hidden")


def live_counts(campaign: Campaign) -> dict:
    reports = night_reports(campaign)
    shops = reports.values("shop").distinct().count()
    ranking = list(
        reports.values("shop__city")
        .annotate(shops=Count("shop", distinct=True), reports=Count("pk"))
        .order_by("-shops", "shop__city")
    )
    return {
        "reports": reports.count(),
        "shops": shops,
        "participants": campaign.participants.count(),
        "percent": min(100, round(100 * shops / campaign.goal)) if campaign.goal else 0,
        "ranking": [
            {"city": r["shop__city"], "shops": r["shops"], "reports": r["reports"]} for r in ranking
        ],
    }
