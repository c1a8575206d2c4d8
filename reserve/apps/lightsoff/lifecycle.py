"""The shop lifecycle as data: each transition, where it may start from, and who may fire it.

listed → reported → contacted → answered / still lit / switched off (confirmed) / not applicable,
and back to reported when a shop switched off or out of scope is seen lit again.

Fired by the services through `reserve.core.lifecycle`, like every other lifecycle. People
without an account act through a link; they are the actors below (`CITIZEN`, `SHOPKEEPER`,
`FOLLOWER`), so that each transition says who may fire it and the audit says who did.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from reserve.accounts.roles import is_staff_member
from reserve.core.lifecycle import PLATFORM, Lifecycle, Transition

from .models import ContactAttempt, ShopStatus
from .permissions import holds_claim


@dataclass(frozen=True)
class LinkHolder:
    """Someone without an account, acting through a link (a report form, a token)."""

    kind: str
    pk = None
    is_authenticated = False
    is_anonymous = True
    is_active = False
    is_staff = False
    is_superuser = False
    is_reservist = False
    email = ""

    def __str__(self):
        return self.kind


CITIZEN = LinkHolder("citizen")
SHOPKEEPER = LinkHolder("shopkeeper")
FOLLOWER = LinkHolder("follower")

S = ShopStatus
CHECKED = (S.REPORTED, S.CONTACTED, S.ANSWERED, S.STILL_LIT)


def kinds(actor, shop) -> set[str]:
    if isinstance(actor, LinkHolder):
        return {actor.kind}
    found = set()
    if actor is not None and actor.is_authenticated:
        if is_staff_member(actor):
            found.add("staff")
        if holds_claim(actor, shop):
            found.add("volunteer")
        if ContactAttempt.objects.filter(shop=shop, volunteer=actor).exists():
            found.add("follower")
    return found


TRANSITIONS = [
    Transition(
        "report",
        _("Signaler le commerce"),
        (S.LISTED, S.CONFIRMED_OFF, S.NOT_APPLICABLE),
        S.REPORTED,
        actors=frozenset({"citizen", "staff", PLATFORM}),
    ),
    Transition(
        "contact",
        _("Enregistrer la prise de contact"),
        (S.REPORTED,),
        S.CONTACTED,
        actors=frozenset({"volunteer"}),
        refusal=_("Seul le bénévole qui a pris ce commerce dans la file peut « %(action)s »."),
    ),
    Transition(
        "answer",
        _("Répondre pour le commerce"),
        (S.REPORTED, S.CONTACTED, S.ANSWERED, S.STILL_LIT),
        S.ANSWERED,
        actors=frozenset({"shopkeeper"}),
    ),
    Transition(
        "open_at_night",
        _("Déclarer le commerce ouvert la nuit"),
        (*CHECKED, S.CONFIRMED_OFF),
        S.NOT_APPLICABLE,
        actors=frozenset({"shopkeeper", "staff"}),
    ),
    Transition(
        "still_lit",
        _("Constater qu'il est toujours allumé"),
        (S.REPORTED, S.CONTACTED, S.ANSWERED, S.CONFIRMED_OFF),
        S.STILL_LIT,
        actors=frozenset({"follower", "staff"}),
    ),
    Transition(
        "confirm_off",
        _("Confirmer qu'il est éteint"),
        CHECKED,
        S.CONFIRMED_OFF,
        actors=frozenset({"follower", "staff"}),
    ),
    Transition(
        "closed",
        _("Constater que le commerce a fermé"),
        (*CHECKED, S.CONFIRMED_OFF),
        S.NOT_APPLICABLE,
        actors=frozenset({"follower", "staff"}),
    ),
]

SHOP = Lifecycle(
    "shop",
    TRANSITIONS,
    kinds=kinds,
    state_phrase=_("le commerce est « %(status)s »"),
)
