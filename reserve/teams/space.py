"""Reads of the team space: whether the team is complete, its thread preview, its calendar.

Who is on the team is `Application.objects.members(challenge)`; who may see the space is in
permissions.py; its writes (links, sprint start) in services.py.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

THREAD_PREVIEW = 5


def latest_messages(challenge, count: int = THREAD_PREVIEW) -> list:
    """The last messages of the challenge's private thread, oldest first."""
    latest = challenge.messages.select_related("author").order_by("-created_at", "-pk")[:count]
    return list(reversed(latest))


def is_complete(challenge) -> bool:
    slots = list(challenge.slots.with_taken())
    return bool(slots) and all(slot.seats_left <= 0 for slot in slots)


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
    events = [("kickoff", _("Lancement"), challenge.sprint_start)]
    events.append(("demo", _("Démo"), challenge.sprint_end))
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
