"""Named write operations of the teams app."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.accounts.roles import is_staff_member
from reserve.challenges import services as challenge_services
from reserve.challenges.models import Challenge, Status
from reserve.core import audit
from reserve.core.audit import SYSTEM
from reserve.core.lifecycle import fire_each

from .build import build_instance_data
from .engine import proposal_to_json, propose
from .instance import parse_instance
from .models import Proposal, TeamLink
from .permissions import can_manage_links, links_refusal
from .space import is_complete


def run_proposal(actor, locks=(), exclusions=()) -> Proposal:
    """Propose teams for every challenge in team forming, around staff's locks and exclusions.

    Locks and exclusions that no longer apply (a slot filled since, a challenge that left team
    forming, a person who left the pool) are dropped.
    """
    data = build_instance_data(exclusions=exclusions)
    people = {r["id"] for r in data["reservists"]}
    slots = {s["id"] for c in data["challenges"] for s in c["slots"]}
    data["locks"] = [
        {"reservist": r, "slot": s} for r, s in dict.fromkeys(locks) if r in people and s in slots
    ]
    result = proposal_to_json(propose(parse_instance(data)))
    proposal = Proposal.objects.create(created_by=actor, instance=data, result=result)
    audit.record(actor, "teams.proposal", proposal, assignments=len(result["assignments"]))
    return proposal


def lock(actor, proposal: Proposal, reservist: str, slot: str) -> Proposal:
    """Keep this person on this slot and re-run; any other lock on the person for the slot's
    challenge is replaced."""
    challenge = _challenge_of(proposal, slot)
    locks = [
        (r, s)
        for r, s in proposal.locks
        if not (r == reservist and _challenge_of(proposal, s) == challenge)
    ]
    return run_proposal(actor, [*locks, (reservist, slot)], proposal.exclusions)


def unlock(actor, proposal: Proposal, reservist: str, slot: str) -> Proposal:
    locks = [pair for pair in proposal.locks if pair != (reservist, slot)]
    return run_proposal(actor, locks, proposal.exclusions)


def exclude(actor, proposal: Proposal, reservist: str, challenge: str) -> Proposal:
    """Never propose this person for this challenge (a swap) and re-run."""
    locks = [
        (r, s)
        for r, s in proposal.locks
        if not (r == reservist and _challenge_of(proposal, s) == challenge)
    ]
    return run_proposal(actor, locks, [*proposal.exclusions, (reservist, challenge)])


def rerun(actor, proposal: Proposal) -> Proposal:
    """The same locks and exclusions on today's data."""
    return run_proposal(actor, proposal.locks, proposal.exclusions)


def _challenge_of(proposal: Proposal, slot: str) -> str | None:
    for challenge in proposal.instance["challenges"]:
        if any(s["id"] == slot for s in challenge["slots"]):
            return challenge["id"]
    return None


def set_auto_replace(actor, challenge, on: bool) -> None:
    """Staff switch the challenge's automatic mode: a decline or an expiry invites the next
    candidate by itself (on) or waits on the "places à repourvoir" list (off)."""
    if not is_staff_member(actor):
        raise PermissionDenied(_("Seule l'équipe du programme choisit le mode de remplacement."))
    type(challenge).objects.filter(pk=challenge.pk).update(auto_replace=on)
    challenge.auto_replace = on
    audit.record(actor, "teams.auto_replace", challenge, on=on)


def add_link(user, challenge, form) -> TeamLink:
    if not can_manage_links(user, challenge):
        raise links_refusal()
    link = form.save(commit=False)
    link.challenge = challenge
    link.added_by = user
    link.save()
    audit.record(user, "teams.link_added", challenge, label=link.label, url=link.url)
    return link


def remove_link(user, link) -> None:
    if not can_manage_links(user, link.challenge):
        raise links_refusal()
    audit.record(user, "teams.link_removed", link.challenge, label=link.label, url=link.url)
    link.delete()


def start_due_sprints(today: date | None = None) -> int:
    """Challenges whose team is complete and whose kickoff has come move to "in sprint"; one
    refused transition is logged and the others go on."""
    today = today or timezone.localdate()
    due = Challenge.objects.filter(status=Status.TEAM_FORMING, sprint_start__lte=today)
    started, _refused = fire_each(
        (challenge for challenge in due if is_complete(challenge)),
        lambda challenge: challenge_services.transition(SYSTEM, challenge, "start_sprint"),
        job="start_sprints",
    )
    return started
