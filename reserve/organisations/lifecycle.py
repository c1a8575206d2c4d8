"""Organisation verification as a lifecycle (reserve.core.lifecycle).

pending → verified (staff) or refused (staff, with the reason); refused → pending again when an
administrator of the organisation asks for a new review after correcting it; verified → refused
when staff withdraw the verification (with the reason). Fired by `services.transition()` only:
the admin shows the status read-only.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reserve.accounts.roles import is_staff_member
from reserve.core.lifecycle import Lifecycle, Transition

from .models import Verification
from .permissions import membership_of

STAFF_ONLY = _("« %(action)s » est réservé à l'équipe du programme.")
MANAGER_ONLY = _("Seuls les administrateurs de l'organisation peuvent « %(action)s ».")


def _kinds(actor, organisation) -> set[str]:
    kinds = set()
    if is_staff_member(actor):
        kinds.add("staff")
    membership = membership_of(actor, organisation)
    if membership is not None and membership.is_admin:
        kinds.add("manager")
    return kinds


def _refused(organisation, note) -> dict:
    return {"verification_note": note, "verified_at": None}


LIFECYCLE = Lifecycle(
    "organisation",
    [
        Transition(
            "verify",
            _("Vérifier l'organisation"),
            (Verification.PENDING,),
            Verification.VERIFIED,
            refusal=STAFF_ONLY,
        ),
        Transition(
            "refuse",
            _("Refuser la vérification"),
            (Verification.PENDING,),
            Verification.REJECTED,
            needs_note=True,
            refusal=STAFF_ONLY,
        ),
        Transition(
            "withdraw",
            _("Retirer la vérification"),
            (Verification.VERIFIED,),
            Verification.REJECTED,
            needs_note=True,
            refusal=STAFF_ONLY,
        ),
        Transition(
            "resubmit",
            _("Redemander la vérification"),
            (Verification.REJECTED,),
            Verification.PENDING,
            actors=frozenset({"manager"}),
            refusal=MANAGER_ONLY,
        ),
    ],
    kinds=_kinds,
    status_field="verification",
    effects={
        "verify": lambda organisation, note: {
            "verification_note": "",
            "verified_at": timezone.now(),
        },
        "refuse": _refused,
        "withdraw": _refused,
        "resubmit": lambda organisation, note: {"verification_note": ""},
    },
    state_phrase=_("la vérification de l'organisation est « %(status)s »"),
)
