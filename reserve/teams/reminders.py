"""One reminder per pending invitation close to its deadline, never twice."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.core.lifecycle import TransitionRefused, fire_each
from reserve.core.notify import tell

from .invitations import reply_path
from .models import Invitation


def send_reminders(now=None) -> int:
    """Remind each invitation due for it (one already reminded or answered meanwhile is logged
    and skipped, the others go on); returns how many reminders were sent."""
    now = now or timezone.now()
    window = timedelta(hours=settings.TEAM_REMINDER_HOURS)

    def remind(invitation):
        claimed = (
            Invitation.objects.pending()
            .filter(pk=invitation.pk, reminded_at__isnull=True, deadline__gt=now)
            .update(reminded_at=now)
        )
        if not claimed:
            raise TransitionRefused(_("Invitation déjà rappelée ou plus en attente."))
        send_reminder(invitation)

    sent, _refused = fire_each(
        Invitation.objects.due_reminders(now, window), remind, job="remind_invitations"
    )
    return sent


def send_reminder(invitation: Invitation) -> None:
    """The reminder: a non-essential message (people may turn those e-mails off)."""
    tell(
        [invitation.user],
        "teams/email/reminder",
        {
            "invitation": invitation,
            "challenge": invitation.slot.challenge,
            "slot": invitation.slot,
            "reply_link": settings.SITE_URL + reply_path(invitation),
        },
        url=invitation.get_absolute_url(),
        kind="teams.reminder",
        essential=False,
    )
