from django import template

from reserve.challenges.models import Application, ApplicationStatus

from ..models import Invitation, InvitationStatus
from ..wording import why_you as _why_you

register = template.Library()


@register.inclusion_tag("teams/_my_engagements.html")
def my_engagements(user):
    """A person's current invitations and applications, for their own dashboard (an accepted
    invitation is shown once, not again as the application it made)."""
    invitations = list(
        Invitation.objects.filter(
            user=user, status__in=[InvitationStatus.PENDING, InvitationStatus.ACCEPTED]
        )
        .select_related("slot__challenge")
        .order_by("status", "deadline")
    )
    invited = {invitation.slot_id for invitation in invitations}
    applications = (
        Application.objects.of_user(user)
        .filter(status__in=[ApplicationStatus.PENDING, ApplicationStatus.ACCEPTED])
        .exclude(slot__in=invited)
        .select_related("slot__challenge")
    )
    return {"invitations": invitations, "applications": applications}


@register.filter
def why_you(breakdown) -> list[str]:
    """An invitation's stored breakdown as "Pourquoi vous": said to the person, strengths first."""
    return _why_you(breakdown or [])
