"""What the sprints app holds about a person: export and erasure (see reserve.core.privacy).

Hours given are the person's and go with the account (they cascade). A comment is the person's
words, replaced like a message of the challenge's thread. Check-ins, deliverables, measurements,
decisions and the handover are the team's and the sponsor's record of the sprint: they stay,
their author set to nobody by the account deletion, the person's identifiers redacted.
"""

from reserve.core.privacy import REDACTED, identity_of, redact_rows

from .models import CheckIn, CheckInComment, HoursEntry, Measurement


def export(user) -> dict:
    return {
        "checkins": [
            {
                "challenge": c.challenge.title,
                "week": c.week.isoformat(),
                "progress": c.progress,
                "blockers": c.blockers,
                "help_needed": c.help_needed,
                "confidence": c.confidence,
            }
            for c in CheckIn.objects.filter(author=user).select_related("challenge")
        ],
        "hours": [
            {
                "challenge": h.challenge.title,
                "week": h.week.isoformat(),
                "hours": str(h.hours),
                "validated": h.validated_at is not None,
            }
            for h in HoursEntry.objects.filter(member=user).select_related("challenge")
        ],
        "checkin_comments": [
            {"created_at": c.created_at.isoformat(), "body": c.body}
            for c in CheckInComment.objects.filter(author=user)
        ],
        "measurements_entered": [
            {"indicator": m.indicator.name, "date": m.date.isoformat(), "value": str(m.value)}
            for m in Measurement.objects.filter(entered_by=user).select_related("indicator")
        ],
    }


def forget(user) -> None:
    identity = identity_of(user)
    CheckInComment.objects.filter(author=user).update(body=REDACTED)
    redact_rows(CheckIn.objects.all(), identity, ["progress", "blockers", "help_needed"])
    redact_rows(CheckInComment.objects.exclude(author=user), identity, ["body"])
