"""A declared secondment and the employer's word on it (reserve.core.lifecycle).

A reservist who says their employer seconds them is "pending" until a member who may act for that
organisation confirms or refuses; only confirmed secondments appear on the employer's list and in
the figures. Declaring again (another employer, or seconded again) puts it back to pending: that
is the profile's own save (services.save_profile_form), not a transition anybody else fires.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reserve.core.lifecycle import Lifecycle, Transition
from reserve.organisations.permissions import can_act_for

from .models import Secondment

EMPLOYER_ONLY = _("Seuls les membres de l'organisation employeuse peuvent « %(action)s ».")


def _kinds(actor, profile) -> set[str]:
    if profile.employer_id and can_act_for(actor, profile.employer):
        return {"employer"}
    return set()


def _decided(profile, note) -> dict:
    return {"secondment_decided_at": timezone.now()}


LIFECYCLE = Lifecycle(
    "secondment",
    [
        Transition(
            "confirm",
            _("Confirmer le détachement"),
            (Secondment.PENDING, Secondment.REFUSED),
            Secondment.CONFIRMED,
            actors=frozenset({"employer"}),
            refusal=EMPLOYER_ONLY,
        ),
        Transition(
            "refuse",
            _("Refuser le détachement"),
            (Secondment.PENDING, Secondment.CONFIRMED),
            Secondment.REFUSED,
            actors=frozenset({"employer"}),
            refusal=EMPLOYER_ONLY,
        ),
    ],
    kinds=_kinds,
    status_field="secondment",
    effects={"confirm": _decided, "refuse": _decided},
    state_phrase=_("le détachement est « %(status)s »"),
)
