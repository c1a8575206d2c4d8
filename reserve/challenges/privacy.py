"""What the challenges app holds about a person: export and erasure (see reserve.core.privacy).

What the person wrote in a thread or a timeline note is removed (the line stays, so that the
thread still reads in order); what others wrote about them keeps its text with the person's
name, addresses and phone redacted. A referent entry only names the person: it is deleted.
Challenges they created belong to their organisation and stay, without their name.
"""

from django.db.models import Q
from django.db.models.functions import Lower

from reserve.core.privacy import REDACTED, identity_of, redact_rows

from .models import (
    Application,
    Challenge,
    Message,
    QualificationScore,
    Referent,
    TimelineEvent,
)


def export(user) -> dict:
    referents = _referent_entries(user)
    return {
        "challenges_created": list(
            Challenge.objects.filter(created_by=user).values_list("title", flat=True)
        ),
        "referent_of": [
            {
                "challenge": r.challenge.title,
                "name": r.name,
                "email": r.email,
                "service": r.service,
                "role": r.role,
            }
            for r in referents.select_related("challenge")
        ],
        "applications": [
            {
                "challenge": a.slot.challenge.title,
                "skill": a.slot.skill,
                "status": a.status,
                "message": a.message,
                "created_at": a.created_at.isoformat(),
            }
            for a in Application.objects.filter(user=user).select_related("slot__challenge")
        ],
        "messages": [
            {"challenge": m.challenge.title, "body": m.body, "at": m.created_at.isoformat()}
            for m in Message.objects.filter(author=user).select_related("challenge")
        ],
        "timeline": [
            {"challenge": e.challenge.title, "event": e.text, "note": e.note, "at": e.created_at}
            for e in TimelineEvent.objects.filter(actor=user).select_related("challenge")
        ],
        "qualification_scores": [
            {
                "challenge": s.challenge.title,
                "criterion": s.criterion,
                "score": s.score,
                "comment": s.comment,
            }
            for s in QualificationScore.objects.filter(author=user).select_related("challenge")
        ],
    }


def forget(user) -> None:
    identity = identity_of(user)
    _referent_entries(user).delete()
    for message in Message.objects.filter(author=user).prefetch_related("attachments"):
        for attachment in message.attachments.all():
            attachment.file.delete(save=False)
            attachment.delete()
        message.body = REDACTED
        message.save(update_fields=["body"])
    TimelineEvent.objects.filter(actor=user).exclude(note="").update(note=REDACTED)
    redact_rows(Message.objects.exclude(author=user), identity, ["body"])
    redact_rows(TimelineEvent.objects.all(), identity, ["text", "note"])


def _referent_entries(user):
    emails = identity_of(user).emails
    return Referent.objects.annotate(address=Lower("email")).filter(
        Q(user=user) | Q(address__in=emails)
    )
