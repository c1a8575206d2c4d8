"""Turn a stored proposal (identifiers only) into what staff read: names, roles, explanations."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model

from reserve.challenges.models import Challenge, RoleSlot

from .build import pk_of
from .ranking import worded
from .wording import explanation


@dataclass
class Row:
    reservist: str
    slot: str
    person: object
    role: str
    score: float
    locked: bool
    criteria: list


@dataclass
class ChallengeBlock:
    id: str
    title: str
    rows: list = field(default_factory=list)
    unfilled: list = field(default_factory=list)


def proposal_blocks(proposal) -> list[ChallengeBlock]:
    """One block per challenge of the instance, in the instance's order."""
    result = proposal.result
    users = get_user_model().objects.in_bulk([pk_of(a["reservist"]) for a in result["assignments"]])
    slots = RoleSlot.objects.in_bulk(
        [pk_of(s["id"]) for c in proposal.instance["challenges"] for s in c["slots"]]
    )
    titles = dict(
        Challenge.objects.filter(
            pk__in=[pk_of(c["id"]) for c in proposal.instance["challenges"]]
        ).values_list("pk", "title")
    )
    blocks = {
        c["id"]: ChallengeBlock(c["id"], titles.get(pk_of(c["id"]), c.get("title", c["id"])))
        for c in proposal.instance["challenges"]
    }
    for a in result["assignments"]:
        slot = slots.get(pk_of(a["slot"]))
        blocks[a["challenge"]].rows.append(
            Row(
                reservist=a["reservist"],
                slot=a["slot"],
                person=users.get(pk_of(a["reservist"]), a["reservist"]),
                role=slot.skill_label if slot else a["slot"],
                score=a["score"],
                locked=a["locked"],
                criteria=worded(a["breakdown"]),
            )
        )
    for u in result["unfilled"]:
        slot = slots.get(pk_of(u["slot"]))
        blocks[u["challenge"]].unfilled.append(
            {
                **u,
                "role": slot.skill_label if slot else u["slot"],
                "reason": explanation(u["reason"]),
            }
        )
    return list(blocks.values())


def warnings(proposal) -> list[str]:
    """The proposal's lock warnings, worded for staff."""
    return [explanation(w) for w in proposal.result.get("warnings", [])]
