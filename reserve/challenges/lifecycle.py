"""The challenge lifecycle as data: each transition, where it may start from, and who may fire it.

draft → submitted → in qualification → needs information ↔ submitted → qualified or declined →
team forming → in sprint → delivered → impact follow-up → closed (and archived).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import Status


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: tuple[Status, ...]
    target: Status
    by_sponsor: bool = False  # False: staff only
    by_platform: bool = False  # the platform itself (reserve.core.audit.SYSTEM) may fire it
    needs_note: bool = False


TRANSITIONS = {
    t.name: t
    for t in [
        Transition(
            "submit",
            _("Soumettre le défi"),
            (Status.DRAFT, Status.NEEDS_INFORMATION),
            Status.SUBMITTED,
            by_sponsor=True,
        ),
        Transition(
            "start_qualification",
            _("Commencer la qualification"),
            (Status.SUBMITTED,),
            Status.IN_QUALIFICATION,
        ),
        Transition(
            "request_information",
            _("Demander des informations"),
            (Status.SUBMITTED, Status.IN_QUALIFICATION),
            Status.NEEDS_INFORMATION,
            needs_note=True,
        ),
        Transition(
            "qualify",
            _("Qualifier (go)"),
            (Status.IN_QUALIFICATION,),
            Status.QUALIFIED,
            needs_note=True,
        ),
        Transition(
            "decline",
            _("Ne pas retenir"),
            (Status.IN_QUALIFICATION,),
            Status.DECLINED,
            needs_note=True,
        ),
        Transition(
            "form_team",
            _("Lancer la formation de l'équipe"),
            (Status.QUALIFIED,),
            Status.TEAM_FORMING,
        ),
        Transition(
            "start_sprint",
            _("Équipe formée : démarrer le sprint"),
            (Status.TEAM_FORMING,),
            Status.IN_SPRINT,
            by_platform=True,
        ),
        Transition("deliver", _("Marquer comme livré"), (Status.IN_SPRINT,), Status.DELIVERED),
        Transition(
            "follow_impact",
            _("Passer au suivi d'impact"),
            (Status.DELIVERED,),
            Status.IMPACT_FOLLOW_UP,
        ),
        Transition("close", _("Clore le défi"), (Status.IMPACT_FOLLOW_UP,), Status.CLOSED),
        Transition("archive", _("Archiver"), (Status.CLOSED, Status.DECLINED), Status.ARCHIVED),
    ]
}

# Transitions fired by the decision form rather than by a plain button.
DECISION_TRANSITIONS = {"qualify", "decline", "request_information"}


def available(status: str, *, staff: bool, sponsor: bool) -> list[Transition]:
    return [
        t
        for t in TRANSITIONS.values()
        if status in t.sources and (staff or (sponsor and t.by_sponsor))
    ]
