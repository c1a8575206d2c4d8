"""The team space: who is on a challenge's team, who may see it, its calendar, its sprint start."""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.accounts.roles import is_staff_member
from reserve.challenges import services as challenge_services
from reserve.challenges.models import Application, ApplicationStatus, Challenge, Status
from reserve.challenges.permissions import can_act_for_sponsor, is_referent, is_team_member
from reserve.core import audit
from reserve.core.audit import SYSTEM

from .models import TeamLink

THREAD_PREVIEW = 5


def members(challenge) -> list:
    return list(
        Application.objects.filter(slot__challenge=challenge, status=ApplicationStatus.ACCEPTED)
        .select_related("user", "slot")
        .order_by("slot_id", "user__last_name")
    )


def can_see(user, challenge) -> bool:
    """The team in the wide sense, and staff: members, the people who act for the sponsor and its
    referents, who work with them. Contact details never leave these people."""
    if not user.is_authenticated:
        return False
    return (
        is_staff_member(user)
        or is_team_member(user, challenge)
        or can_act_for_sponsor(user, challenge)
        or is_referent(user, challenge)
    )


def can_manage_links(user, challenge) -> bool:
    """Who adds and removes the team's links: members, the sponsor's people who can act for the
    challenge, and staff."""
    if not user.is_authenticated:
        return False
    return (
        is_staff_member(user)
        or is_team_member(user, challenge)
        or can_act_for_sponsor(user, challenge)
    )


def _links_refusal():
    return PermissionDenied(
        _(
            "Seuls les membres de l'équipe, l'organisation porteuse et l'équipe du programme "
            "modifient les liens de l'équipe."
        )
    )


def add_link(user, challenge, form) -> TeamLink:
    if not can_manage_links(user, challenge):
        raise _links_refusal()
    link = form.save(commit=False)
    link.challenge = challenge
    link.added_by = user
    link.save()
    audit.record(user, "teams.link_added", challenge, label=link.label, url=link.url)
    return link


def remove_link(user, link) -> None:
    if not can_manage_links(user, link.challenge):
        raise _links_refusal()
    audit.record(user, "teams.link_removed", link.challenge, label=link.label, url=link.url)
    link.delete()


def latest_messages(challenge, count: int = THREAD_PREVIEW) -> list:
    """The last messages of the challenge's private thread, oldest first."""
    latest = challenge.messages.select_related("author").order_by("-created_at", "-pk")[:count]
    return list(reversed(latest))


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
        challenge_services.transition(SYSTEM, challenge, "start_sprint")
        started += 1
    return started


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
