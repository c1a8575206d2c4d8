"""Weekly check-ins: progress, blockers, help needed, confidence and the hours each member gave;
the sponsor's comments; hours validated per member; reminders of missing check-ins."""

from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.challenges.models import Challenge, Status
from reserve.core.audit import SYSTEM, record
from reserve.core.caching import invalidate
from reserve.core.notify import tell

from . import audience
from .models import CheckIn, CheckInComment, HoursEntry, Reminder, monday, sprint_url
from .permissions import can_check_in, can_comment, can_validate_hours, is_lead

MAX_HOURS = Decimal(168)  # the hours in a week


def sprint_weeks(challenge, today: date | None = None) -> list[date]:
    """The Mondays a check-in may be posted for: from the sprint's first week to this one."""
    today = today or timezone.localdate()
    if challenge.sprint_start is None:
        return []
    last = monday(min(today, challenge.sprint_end or today))
    week, weeks = monday(challenge.sprint_start), []
    while week <= last:
        weeks.append(week)
        week += timedelta(days=7)
    return weeks


@transaction.atomic
def post_checkin(user, challenge, data: dict, hours: dict) -> CheckIn:
    """A member's check-in. `data`: week, progress, blockers, help_needed, confidence; `hours`:
    {member: Decimal}. A member gives their own hours, the team lead everyone's. Raises
    ValidationError naming the field for a week outside the sprint or impossible hours."""
    if not can_check_in(user, challenge):
        raise PermissionDenied(_("Seuls les membres de l'équipe postent un point hebdomadaire."))
    if challenge.status != Status.IN_SPRINT:
        raise ValidationError(_("Les points hebdomadaires se postent pendant le sprint."))
    week = monday(data["week"])
    if week not in sprint_weeks(challenge):
        raise ValidationError(
            {
                "week": _("Cette semaine n'est pas dans le sprint (du %(start)s au %(end)s).")
                % {"start": challenge.sprint_start, "end": challenge.sprint_end}
            }
        )
    _check_hours(user, challenge, hours)
    checkin = CheckIn.objects.create(
        challenge=challenge,
        author=user,
        week=week,
        progress=data["progress"],
        blockers=data.get("blockers", ""),
        help_needed=data.get("help_needed", ""),
        confidence=data["confidence"],
    )
    flagged = [_save_hours(checkin, member, value) for member, value in hours.items()]
    record(
        user,
        "sprint.checkin_posted",
        challenge,
        checkin=checkin.pk,
        week=week.isoformat(),
        flagged=[entry.member_id for entry in flagged if entry.flagged],
    )
    invalidate("sprints")
    if checkin.blockers.strip() or checkin.help_needed.strip():
        tell(
            [p for p in audience.sponsor_side(challenge) if p.pk != user.pk],
            "sprints/email/blocker",
            {"challenge": challenge, "checkin": checkin},
            url=sprint_url(challenge) + "#points",
            kind="sprints.blocker",
            essential=False,
        )
    return checkin


def _check_hours(user, challenge, hours: dict) -> None:
    members = {person.pk for person in audience.team(challenge)}
    lead = is_lead(user, challenge)
    for member, value in hours.items():
        if member.pk not in members:
            raise ValidationError(
                {"hours": _("%(name)s n'est pas membre de l'équipe.") % {"name": member}}
            )
        if member.pk != user.pk and not lead:
            raise ValidationError(
                {"hours": _("Seul le chef ou la cheffe d'équipe déclare les heures des autres.")}
            )
        if value < 0 or value > MAX_HOURS:
            raise ValidationError(
                {
                    "hours": _("Entre 0 et 168 heures dans une semaine (%(name)s : %(value)s).")
                    % {"name": member, "value": value}
                }
            )


def _save_hours(checkin, member, value) -> HoursEntry:
    entry = HoursEntry.objects.filter(
        challenge=checkin.challenge, member=member, week=checkin.week
    ).first()
    if entry is not None and entry.validated_at is not None:
        if entry.hours != value:
            raise ValidationError(
                {
                    "hours": _("Les heures de %(name)s pour cette semaine sont déjà validées.")
                    % {"name": member}
                }
            )
        return entry
    entry = entry or HoursEntry(challenge=checkin.challenge, member=member, week=checkin.week)
    entry.checkin, entry.hours = checkin, value
    entry.flagged = value > settings.SPRINT_MAX_WEEKLY_HOURS
    entry.save()
    return entry


@transaction.atomic
def resolve_blocker(user, checkin) -> CheckIn:
    challenge = checkin.challenge
    if not (can_check_in(user, challenge) or can_comment(user, challenge)):
        raise PermissionDenied(_("Seuls l'équipe et l'organisation porteuse lèvent un blocage."))
    if checkin.has_open_blocker:
        checkin.blocker_resolved_at = timezone.now()
        checkin.save(update_fields=["blocker_resolved_at"])
        record(user, "sprint.blocker_resolved", challenge, checkin=checkin.pk)
        invalidate("sprints")
    return checkin


@transaction.atomic
def comment(user, checkin, body: str) -> CheckInComment:
    """The sponsor's referents (and staff) answer a check-in; the team is told."""
    challenge = checkin.challenge
    if not can_comment(user, challenge):
        raise PermissionDenied(
            _("Les référents de l'organisation porteuse et l'équipe du programme commentent.")
        )
    note = CheckInComment.objects.create(checkin=checkin, author=user, body=body.strip())
    tell(
        [p for p in audience.team(challenge) if p.pk != user.pk],
        "sprints/email/comment",
        {"challenge": challenge, "author": user, "note": note.body},
        url=sprint_url(challenge) + "#points",
        kind="sprints.comment",
        essential=False,
    )
    record(user, "sprint.checkin_commented", challenge, checkin=checkin.pk)
    return note


@transaction.atomic
def validate_hours(user, entries) -> int:
    """Validate the given hours entries, each by someone allowed to (see permissions). Returns
    how many were validated; an entry the user may not validate refuses the whole batch."""
    entries = list(entries)
    for entry in entries:
        if not can_validate_hours(user, entry):
            raise PermissionDenied(
                _("Les heures de %(name)s sont validées par le chef d'équipe ou le porteur.")
                % {"name": entry.member}
            )
    now, done = timezone.now(), 0
    for entry in entries:
        if entry.validated_at is None:
            entry.validated_by, entry.validated_at = user, now
            entry.save(update_fields=["validated_by", "validated_at"])
            record(
                user,
                "sprint.hours_validated",
                entry.challenge,
                member=entry.member_id,
                week=entry.week.isoformat(),
                hours=str(entry.hours),
                flagged=entry.flagged,
            )
            done += 1
    return done


def remind_missing_checkins(today: date | None = None) -> int:
    """From Thursday, remind the team of a sprint with no check-in yet this week, once a week
    (non-essential: people may turn these e-mails off). Returns how many teams were reminded."""
    today = today or timezone.localdate()
    week = monday(today)
    if today.weekday() < 3:
        return 0
    reminded = Reminder.objects.filter(kind=Reminder.CHECKIN, on=week).values("challenge")
    due = (
        Challenge.objects.filter(status=Status.IN_SPRINT, sprint_start__lte=today)
        .exclude(checkins__week=week)
        .exclude(pk__in=reminded)
    )
    count = 0
    for challenge in due:
        with transaction.atomic():
            Reminder.objects.create(challenge=challenge, kind=Reminder.CHECKIN, on=week)
            tell(
                audience.team(challenge),
                "sprints/email/checkin_reminder",
                {"challenge": challenge, "week": week},
                url=sprint_url(challenge) + "#nouveau-point",
                kind="sprints.checkin_reminder",
                essential=False,
            )
            record(SYSTEM, "sprint.checkin_reminded", challenge, week=week.isoformat())
        count += 1
    return count
