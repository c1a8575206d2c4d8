"""Build the engine's Instance from the database: the only module of the matching that reads Django.

Identifiers in the instance are stable and carry no personal data: ``r-<user id>`` for a reservist,
``c-<challenge id>`` for a challenge, ``s-<slot id>`` for a role slot.
"""

import copy
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from reserve.challenges.models import (
    SPRINT_DAYS,
    Application,
    Challenge,
    Location,
    RoleSlot,
    Status,
)
from reserve.reservists.models import AvailabilityPeriod, Profile, WorkMode
from reserve.reservists.taxonomy import SKILLS, THEMES, Level

from .instance import DEPARTEMENT_RE, FORMAT_VERSION, Instance, parse_instance
from .models import Invitation, InvitationStatus
from .seats import room

# With no "available" period listed, a reservist is available any time (as in the pool search).
ALWAYS = date(2000, 1, 1)
URGENCY = {"low": "normal", "medium": "normal", "high": "high", "critical": "critical"}
ENGAGED = (Status.TEAM_FORMING, Status.IN_SPRINT)


def reservist_id(user_id: int) -> str:
    return f"r-{user_id}"


def challenge_id(pk: int) -> str:
    return f"c-{pk}"


def slot_id(pk: int) -> str:
    return f"s-{pk}"


def pk_of(identifier: str) -> int:
    """The database id behind an instance identifier (``s-12`` → 12)."""
    return int(identifier.split("-", 1)[1])


def build_instance(as_of: date | None = None, challenges=None, locks=(), exclusions=()) -> Instance:
    """The instance for the challenges in team forming (or those given), validated."""
    return parse_instance(build_instance_data(as_of, challenges, locks, exclusions))


def build_instance_data(
    as_of=None, challenges=None, locks=(), exclusions=(), profiles=None
) -> dict:
    """The instance as the JSON-ready dict stored with every proposal; `profiles` narrows the
    people read (the whole pool by default)."""
    as_of = as_of or timezone.localdate()
    if challenges is None:
        challenges = Challenge.objects.filter(status=Status.TEAM_FORMING)
    profiles = _profiles(Profile.objects.in_pool() if profiles is None else profiles)
    accepted = _accepted_applications()
    invitations = list(Invitation.objects.select_related("slot__challenge"))
    pending = [i for i in invitations if i.status == InvitationStatus.PENDING]
    reservists = [_reservist(p, as_of, accepted + pending, invitations) for p in profiles]
    slots = [data for c in _challenges(challenges) if (data := _challenge(c, as_of, pending))]
    # Nobody is proposed twice for a challenge they were already invited to, whatever they answered.
    invited = [(reservist_id(i.user_id), challenge_id(i.slot.challenge_id)) for i in invitations]
    people = {r["id"] for r in reservists}
    known = {c["id"] for c in slots}
    return {
        "format_version": FORMAT_VERSION,
        "as_of": as_of.isoformat(),
        "settings": copy.deepcopy(settings.TEAM_MATCHING),
        "reservists": reservists,
        "challenges": slots,
        "locks": [{"reservist": r, "slot": s} for r, s in locks],
        "exclusions": [
            {"reservist": r, "challenge": c}
            for r, c in dict.fromkeys([*exclusions, *invited])
            if r in people and c in known
        ],
        "labels": {
            "skills": {code: str(skill.label) for code, skill in SKILLS.items()},
            "themes": {code: str(label) for code, label in THEMES.items()},
        },
    }


def build_slot_instance(slot) -> Instance:
    """The instance that ranks candidates for one slot: its challenge, and only the people who
    have the slot's skill at its level (nobody else could take it), not the whole pool."""
    level = Level.from_code(slot.level)
    return parse_instance(
        build_instance_data(
            challenges=Challenge.objects.filter(pk=slot.challenge_id),
            profiles=Profile.objects.in_pool().with_skill(slot.skill, level),
        )
    )


def _profiles(queryset) -> list:
    return list(
        queryset.prefetch_related("skills", "periods").select_related("user").order_by("user_id")
    )


def _challenges(queryset):
    seats = RoleSlot.objects.with_taken().order_by("pk")
    return queryset.prefetch_related(Prefetch("slots", queryset=seats)).order_by("pk")


def _accepted_applications() -> list:
    return list(Application.objects.accepted().select_related("slot__challenge"))


def _reservist(profile, as_of: date, accepted: list, invitations: list) -> dict:
    mine = [a for a in accepted if a.user_id == profile.user_id]
    declines = [
        i.replied_at.date()
        for i in invitations
        if i.user_id == profile.user_id and i.status == InvitationStatus.DECLINED and i.replied_at
    ]
    current = [a for a in mine if a.slot.challenge.status in ENGAGED]
    ended = [
        a.slot.challenge.sprint_end
        for a in mine
        if a.slot.challenge.sprint_end and a.slot.challenge.sprint_end < as_of
    ]
    committed = sum(a.slot.hours_per_week for a in current)
    location = {}
    if DEPARTEMENT_RE.match(profile.departement or ""):
        location["departement"] = profile.departement
    if profile.city:
        location["city"] = profile.city
    return {
        "id": reservist_id(profile.user_id),
        "skills": [
            {"skill": s.skill, "level": Level(s.level).code}
            for s in sorted(profile.skills.all(), key=lambda s: s.skill)
        ],
        "weekly_hours": max(profile.hours_per_week - committed, 0),
        "current_challenges": len({a.slot.challenge_id for a in current}),
        "availability": _availability(profile),
        "location": location,
        "work_mode": profile.work_mode if profile.work_mode in WorkMode.values else "both",
        "themes": [code for code in profile.theme_codes if code in THEMES],
        "last_engagement_end": max(ended).isoformat() if ended else None,
        "last_decline": max(declines).isoformat() if declines else None,
    }


def _availability(profile) -> list[dict]:
    """Available periods minus unavailable ones (and the "unavailable until" date)."""
    periods = list(profile.periods.all())
    free = [(p.start, p.end) for p in periods if p.kind == AvailabilityPeriod.Kind.AVAILABLE]
    if not free:
        free = [(ALWAYS, None)]
    busy = [(p.start, p.end) for p in periods if p.kind == AvailabilityPeriod.Kind.UNAVAILABLE]
    if profile.unavailable_until:
        busy.append((ALWAYS, profile.unavailable_until))
    for busy_start, busy_end in busy:
        free = [piece for period in free for piece in _subtract(period, busy_start, busy_end)]
    return [
        {"start": start.isoformat(), "end": end.isoformat() if end else None}
        for start, end in sorted(free)
    ]


def _subtract(period, busy_start: date, busy_end: date) -> list:
    start, end = period
    if busy_end < start or (end is not None and busy_start > end):
        return [period]
    pieces = []
    if busy_start > start:
        pieces.append((start, busy_start - timedelta(days=1)))
    if end is None or busy_end < end:
        pieces.append((busy_end + timedelta(days=1), end))
    return pieces


def _challenge(challenge, as_of: date, pending: list) -> dict | None:
    """The slots that still take invitations; `pending` holds the pending invitations."""
    start = challenge.sprint_start or as_of
    end = challenge.sprint_end or start + timedelta(days=SPRINT_DAYS - 1)
    invited = {}
    for invitation in pending:
        invited[invitation.slot_id] = invited.get(invitation.slot_id, 0) + 1
    slots = [
        _slot(slot, seats)
        for slot in challenge.slots.all()
        if (seats := room(slot, invited.get(slot.pk, 0))) > 0
    ]
    if not slots:
        return None
    return {
        "id": challenge_id(challenge.pk),
        "title": challenge.title,
        "themes": [code for code in challenge.themes.split() if code in THEMES],
        "urgency": URGENCY.get(challenge.urgency, "normal"),
        "sprint": {"start": start.isoformat(), "end": max(end, start).isoformat()},
        "slots": slots,
    }


def _slot(slot, seats: int) -> dict:
    location = {"mode": "remote"}
    if slot.location == Location.ON_SITE and DEPARTEMENT_RE.match(slot.departement or ""):
        location = {"mode": "on_site", "departement": slot.departement}
    return {
        "id": slot_id(slot.pk),
        "title": slot.skill_label,
        "skill": slot.skill,
        "min_level": slot.level,
        "count": seats,
        "weekly_hours": max(slot.hours_per_week, 1),
        "location": location,
    }
