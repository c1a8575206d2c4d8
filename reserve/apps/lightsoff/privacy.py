"""What LightsOff holds about a person: export and erasure (see reserve.core.privacy).

Reports they made with their e-mail keep what was seen and the verdict (they count in the
public figures) but lose the address, the photo and the comment. Contacts they logged keep
their outcome (the shop's follow-up depends on it) but lose the volunteer's notes.
"""

from django.db.models.functions import Lower

from reserve.core.privacy import identity_of

from .models import (
    Campaign,
    ContactAttempt,
    FollowUp,
    Report,
    Shop,
    TenseDayAlert,
    VolunteerRevocation,
)


def export(user) -> dict:
    contacts = ContactAttempt.objects.filter(volunteer=user).select_related("shop")
    return {
        "lightsoff": {
            "contacts": [
                {"shop": c.shop.name, "outcome": c.outcome, "notes": c.notes, "date": c.created_at}
                for c in contacts
            ],
            "reports": [
                {
                    "shop": r.shop.name,
                    "element": r.element,
                    "seen_at": r.seen_at,
                    "verdict": r.verdict,
                    "comment": r.comment,
                    "email": r.email,
                    "email_consent": r.email_consent,
                    "action": r.action,
                    "created_at": r.created_at,
                }
                for r in reports_with_email_of(user).select_related("shop")
            ],
            "shops_claimed": [s.name for s in Shop.objects.filter(claimed_by=user)],
            "nights_of_action": [c.title for c in user.lightsoff_campaigns.all()],
            "nights_organised": [c.title for c in Campaign.objects.filter(created_by=user)],
            "tense_day_alert": TenseDayAlert.objects.filter(user=user).exists(),
            "follow_ups": [
                {"shop": f.shop.name, "answer": f.answer, "night": f.night}
                for f in FollowUp.objects.filter(volunteer=user).select_related("shop")
            ],
            "queue_access_withdrawn": [
                {"reason": r.reason, "date": r.created_at}
                for r in VolunteerRevocation.objects.filter(user=user)
            ],
        }
    }


def forget(user) -> None:
    for report in reports_with_email_of(user):
        if report.photo:
            report.photo.delete(save=False)
        report.email, report.email_consent, report.comment = "", False, ""
        report.save(update_fields=["email", "email_consent", "comment", "photo"])
    ContactAttempt.objects.filter(volunteer=user).exclude(notes="").update(notes="")
    Shop.objects.filter(claimed_by=user).update(claimed_by=None, claim_expires_at=None)


def reports_with_email_of(user):
    emails = identity_of(user).emails
    return Report.objects.annotate(address=Lower("email")).filter(address__in=emails)
