"""Énergie's status fields as lifecycles (reserve/core/lifecycle.py): household files, visits
and distribution campaigns."""

from django.utils.translation import gettext_lazy as _

from reserve.core.lifecycle import Lifecycle, Transition

from .models import CampaignStatus, HouseholdStatus, VisitStatus
from .permissions import household_kinds

H = HouseholdStatus
HOUSEHOLD = Lifecycle(
    name="energie.household",
    transitions=[
        Transition(
            "complete",
            _("terminer le diagnostic"),
            (H.DRAFT, H.DIAGNOSED),
            H.DIAGNOSED,
            actors=frozenset({"household", "alert_giver", "volunteer", "staff"}),
        ),
        Transition(
            "request",
            _("demander une visite"),
            (H.DIAGNOSED,),
            H.WAITING,
            actors=frozenset({"household", "alert_giver", "staff"}),
        ),
        Transition("assign", _("prévoir une visite"), (H.WAITING,), H.ASSIGNED),
        Transition(
            "release",
            _("remettre en attente"),
            (H.ASSIGNED,),
            H.WAITING,
            actors=frozenset({"staff", "platform"}),
        ),
        Transition(
            "equip",
            _("enregistrer la pose"),
            (H.ASSIGNED,),
            H.EQUIPPED,
            actors=frozenset({"volunteer", "staff"}),
        ),
        Transition(
            "follow_up",
            _("répondre au suivi"),
            (H.EQUIPPED,),
            H.FOLLOWED,
            actors=frozenset({"household"}),
        ),
    ],
    kinds=household_kinds,
    state_phrase=_("le dossier est « %(status)s »"),
)


def _visit_kinds(actor, visit) -> set[str]:
    kinds = {"staff"} if getattr(actor, "is_staff", False) else set()
    if getattr(actor, "pk", None) is not None and actor.pk == visit.volunteer_id:
        kinds.add("volunteer")
    return kinds


V = VisitStatus
VISIT = Lifecycle(
    name="energie.visit",
    transitions=[
        Transition(
            "accept",
            _("accepter la visite"),
            (V.OFFERED,),
            V.ACCEPTED,
            actors=frozenset({"volunteer"}),
        ),
        Transition(
            "decline",
            _("décliner la visite"),
            (V.OFFERED, V.ACCEPTED),
            V.DECLINED,
            # The platform declines for a volunteer whose account is deleted.
            actors=frozenset({"volunteer", "staff", "platform"}),
        ),
        Transition(
            "install",
            _("enregistrer la pose"),
            (V.ACCEPTED,),
            V.INSTALLED,
            actors=frozenset({"volunteer", "staff"}),
        ),
    ],
    kinds=_visit_kinds,
    state_phrase=_("la visite est « %(status)s »"),
)

C = CampaignStatus
CAMPAIGN = Lifecycle(
    name="energie.campaign",
    transitions=[
        Transition("propose", _("proposer une répartition"), (C.DRAFT, C.PROPOSED), C.PROPOSED),
        Transition("lock", _("valider la répartition"), (C.PROPOSED,), C.LOCKED),
        Transition("reopen", _("rouvrir la répartition"), (C.LOCKED,), C.PROPOSED),
    ],
    kinds=lambda actor, campaign: {"staff"} if getattr(actor, "is_staff", False) else set(),
    state_phrase=_("la campagne est « %(status)s »"),
)
