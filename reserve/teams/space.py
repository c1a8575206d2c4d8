"""The team space: who is on a challenge's team, who may see it, its calendar, its sprint start."""

import logging
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

from reserve.accounts.roles import is_staff_member
from reserve.challenges import services as challenge_services
from reserve.challenges.models import Application, ApplicationStatus, Challenge, Status

logger = logging.getLogger(__name__)


def members(challenge) -> list:
    return list(
        Application.objects.filter(slot__challenge=challenge, status=ApplicationStatus.ACCEPTED)
        .select_related("user", "slot")
        .order_by("slot_id", "user__last_name")
    )


def can_see(user, challenge) -> bool:
    """Members of the team and staff; contact details never leave the team."""
    if is_staff_member(user):
        return True
    return (
        user.is_authenticated
        and Application.objects.filter(
            slot__challenge=challenge, user=user, status=ApplicationStatus.ACCEPTED
        ).exists()
    )


def is_complete(challenge) -> bool:
    seats = challenge.slots.aggregate(total=Sum("count"))["total"] or 0
    filled = Application.objects.filter(
        slot__challenge=challenge, status=ApplicationStatus.ACCEPTED
    ).count()
    return seats > 0 and filled >= seats


def start_due_sprints(today: date | None = None) -> int:
    """Challenges whose team is complete and whose kickoff has come move to "in sprint"."""
    today = today or timezone.localdate()
    started = 0
    due = Challenge.objects.filter(status=Status.TEAM_FORMING, sprint_start__lte=today)
    for challenge in due:
        if not is_complete(challenge):
            continue
        actor = _team_forming_actor(challenge)
        if actor is None:
            logger.warning("No staff member to start the sprint of challenge %s", challenge.pk)
            continue
        challenge_services.transition(actor, challenge, "start_sprint")
        started += 1
    return started


def _team_forming_actor(challenge):
    """The staff member who launched team forming acts for the platform when the sprint starts."""
    event = (
        challenge.events.filter(to_status=Status.TEAM_FORMING, actor__isnull=False)
        .select_related("actor")
        .order_by("-created_at")
        .first()
    )
    if event and is_staff_member(event.actor):
        return event.actor
    return None


def calendar(challenge) -> str:
    """The kickoff and the demo day as an iCalendar file (RFC 5545), all-day events."""
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    host = settings.SITE_URL.split("//", 1)[-1]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//La Reserve//Equipes//FR",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    events = [("kickoff", "Lancement", challenge.sprint_start)]
    events.append(("demo", "Démo", challenge.sprint_end))
    for key, label, day in events:
        if day is None:
            continue
        lines += [
            "BEGIN:VEVENT",
            f"UID:challenge-{challenge.pk}-{key}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
            _fold(f"SUMMARY:{_escape(f'{label} — {challenge.title}')}"),
            _fold(f"URL:{settings.SITE_URL}{challenge.get_absolute_url()}"),
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1)."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)
