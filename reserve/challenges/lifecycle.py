"""The challenge lifecycle as data: each transition, where it may start from, and who may fire it.

draft → submitted → in qualification → needs information ↔ submitted → qualified or declined →
team forming → in sprint → delivered → impact follow-up → closed (and archived).

Fired by `services.transition()` through `reserve.core.lifecycle`, like every other lifecycle.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reserve.accounts.roles import is_staff_member
from reserve.core.lifecycle import PLATFORM, Lifecycle, Transition, TransitionRefused

from .models import Decision, Status
from .permissions import can_act_for_sponsor

STAFF = frozenset({"staff"})
SPONSOR = frozenset({"staff", "sponsor"})
STAFF_ONLY = _("« %(action)s » est réservé à l'équipe du programme.")
SPONSOR_ONLY = _(
    "Seuls les membres d'une organisation vérifiée porteuse du défi peuvent « %(action)s »."
)


def _go_guard(challenge, note) -> None:
    if not challenge.slots.exists():
        raise TransitionRefused(
            _("Avant le go, définissez au moins un rôle recherché pour l'équipe.")
        )
    if challenge.sprint_start is None:
        raise TransitionRefused(_("Avant le go, fixez les dates du sprint."))


# Apps that build on a challenge (sprints) add their conditions to these transitions from their
# AppConfig.ready(): this app cannot import them, they are a layer above.
EXTRA_GUARDS: dict[str, list] = {"deliver": [], "follow_impact": [], "close": []}


def add_guard(name: str, guard) -> None:
    """`guard(challenge, note)` raises TransitionRefused to refuse the transition `name`."""
    EXTRA_GUARDS[name].append(guard)


def _extra_guards(name: str):
    def guard(challenge, note) -> None:
        for check in EXTRA_GUARDS[name]:
            check(challenge, note)

    return guard


TRANSITIONS = [
    Transition(
        "submit",
        _("Soumettre le défi"),
        (Status.DRAFT, Status.NEEDS_INFORMATION),
        Status.SUBMITTED,
        actors=SPONSOR,
        refusal=SPONSOR_ONLY,
    ),
    Transition(
        "start_qualification",
        _("Commencer la qualification"),
        (Status.SUBMITTED,),
        Status.IN_QUALIFICATION,
        refusal=STAFF_ONLY,
    ),
    Transition(
        "request_information",
        _("Demander des informations"),
        (Status.SUBMITTED, Status.IN_QUALIFICATION),
        Status.NEEDS_INFORMATION,
        needs_note=True,
        refusal=STAFF_ONLY,
    ),
    Transition(
        "qualify",
        _("Qualifier (go)"),
        (Status.IN_QUALIFICATION,),
        Status.QUALIFIED,
        needs_note=True,
        guard=_go_guard,
        refusal=STAFF_ONLY,
    ),
    Transition(
        "decline",
        _("Ne pas retenir"),
        (Status.IN_QUALIFICATION,),
        Status.DECLINED,
        needs_note=True,
        refusal=STAFF_ONLY,
    ),
    Transition(
        "form_team",
        _("Lancer la formation de l'équipe"),
        (Status.QUALIFIED,),
        Status.TEAM_FORMING,
        refusal=STAFF_ONLY,
    ),
    Transition(
        "start_sprint",
        _("Équipe formée : démarrer le sprint"),
        (Status.TEAM_FORMING,),
        Status.IN_SPRINT,
        actors=STAFF | {PLATFORM},
        refusal=STAFF_ONLY,
    ),
    Transition(
        "deliver",
        _("Marquer comme livré"),
        (Status.IN_SPRINT,),
        Status.DELIVERED,
        actors=STAFF | {PLATFORM},
        guard=_extra_guards("deliver"),
        refusal=STAFF_ONLY,
    ),
    Transition(
        "follow_impact",
        _("Passer au suivi d'impact"),
        (Status.DELIVERED,),
        Status.IMPACT_FOLLOW_UP,
        guard=_extra_guards("follow_impact"),
        refusal=STAFF_ONLY,
    ),
    Transition(
        "close",
        _("Clore le défi"),
        (Status.IMPACT_FOLLOW_UP,),
        Status.CLOSED,
        actors=STAFF | {PLATFORM},
        guard=_extra_guards("close"),
        refusal=STAFF_ONLY,
    ),
    Transition(
        "archive",
        _("Archiver"),
        (Status.CLOSED, Status.DECLINED),
        Status.ARCHIVED,
        refusal=STAFF_ONLY,
    ),
]

# Transitions fired by the decision form rather than by a plain button.
DECISION_TRANSITIONS = {"qualify", "decline", "request_information"}


def _kinds(user, challenge) -> set[str]:
    if is_staff_member(user):
        return {"staff", "sponsor"}
    return {"sponsor"} if can_act_for_sponsor(user, challenge) else set()


def _submitted(challenge, note) -> dict:
    now = timezone.now()
    return {
        "submitted_at": challenge.submitted_at or now,
        "qualification_due": now + timedelta(days=settings.CHALLENGE_QUALIFICATION_DAYS),
    }


def _decided(decision):
    def effect(challenge, note) -> dict:
        dates = {} if decision == Decision.MORE_INFORMATION else {"decided_at": timezone.now()}
        return {**dates, "decision": decision, "decision_rationale": note}

    return effect


LIFECYCLE = Lifecycle(
    "challenge",
    TRANSITIONS,
    kinds=_kinds,
    state_phrase=_("le défi est « %(status)s »"),
    effects={
        "submit": _submitted,
        "qualify": _decided(Decision.GO),
        "decline": _decided(Decision.NO_GO),
        "request_information": _decided(Decision.MORE_INFORMATION),
        "start_sprint": lambda challenge, note: {"team_formed_at": timezone.now()},
        "deliver": lambda challenge, note: {"delivered_at": timezone.now()},
    },
)
