"""What the teams app holds about a person: export and erasure (see reserve.core.privacy).

Invitations cascade with the account. Stored proposals keep the engine's instance verbatim so
that a decision can be replayed; the person's entry there carries only a number and their
availability, skills and département, so it stays, without the city that could help tell who it
was. A link the person shared in a team space is the team's and stays, redacted.
"""

from reserve.core.privacy import identity_of, redact_rows

from .build import reservist_id
from .models import Invitation, Proposal, TeamLink


def export(user) -> dict:
    invitations = Invitation.objects.filter(user=user).select_related("slot__challenge")
    return {
        "invitations": [
            {
                "challenge": i.slot.challenge.title,
                "skill": i.slot.skill,
                "status": i.status,
                "explanation": i.explanation,
                "sent_at": i.created_at.isoformat(),
                "deadline": i.deadline.isoformat(),
                "replied_at": i.replied_at.isoformat() if i.replied_at else None,
                "decline_reason": i.decline_reason,
            }
            for i in invitations
        ],
        "proposals_launched": [
            p.created_at.isoformat() for p in Proposal.objects.filter(created_by=user)
        ],
        "team_links_added": [
            {"challenge": link.challenge.title, "label": link.label, "url": link.url}
            for link in TeamLink.objects.filter(added_by=user).select_related("challenge")
        ],
    }


def forget(user) -> None:
    me = reservist_id(user.pk)
    for proposal in Proposal.objects.filter(instance__icontains=f'"{me}"'):
        for entry in proposal.instance.get("reservists", []):
            if entry.get("id") == me:
                entry.get("location", {}).pop("city", None)
        proposal.save(update_fields=["instance"])
    redact_rows(TeamLink.objects.all(), identity_of(user), ["label"])
