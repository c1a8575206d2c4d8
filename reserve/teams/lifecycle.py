"""The lifecycles of applications and invitations, as data, fired through reserve.core.lifecycle.

Application: pending → accepted | declined | withdrawn | expired; withdrawn or expired → pending
(volunteer again); any but accepted → accepted when the person accepts an invitation to that
role ("join").
Invitation: pending → accepted | declined | expired | filled (the seat went to someone else).

Taking a seat ("accept", "join") is guarded by the seats left of the role, counted while the
role slot is locked (`lock_slot`): whatever mix of decisions and replies arrives at once, only
as many people as the role wants get in.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reserve.accounts.roles import is_staff_member
from reserve.challenges.models import ApplicationStatus, RoleSlot, Status
from reserve.challenges.permissions import can_decide_applications
from reserve.core.lifecycle import PLATFORM, Lifecycle, Transition, TransitionRefused

from .models import Invitation, InvitationStatus

DECIDERS = frozenset({"staff", "decider"})
DECIDERS_ONLY = _(
    "Les candidatures d'un défi sont décidées par l'organisation porteuse, ses agents référents "
    "et l'équipe du programme."
)
APPLICANT_ONLY = _("Seule la personne qui s'est portée volontaire peut « %(action)s ».")
ADDRESSEE_ONLY = _("Seule la personne invitée peut « %(action)s ».")


def lock_slot(slot_pk: int) -> RoleSlot:
    """Lock the role slot for the rest of the transaction: the one gate to its seats.

    Every path that takes a seat locks the slot first and the application or invitation after,
    always in that order, so two of them never wait on each other."""
    return (
        RoleSlot.objects.select_for_update(of=("self",)).select_related("challenge").get(pk=slot_pk)
    )


def _seat_left(application, note) -> None:
    slot = lock_slot(application.slot_id)
    if slot.challenge.status not in Status.recruiting():
        raise TransitionRefused(_("Ce défi ne recrute plus."))
    if slot.seats_left <= 0:
        raise TransitionRefused(
            _("Le rôle « %(role)s » est déjà pourvu.") % {"role": slot.skill_label}
        )


def _recruiting(application, note) -> None:
    if application.slot.challenge.status not in Status.recruiting():
        raise TransitionRefused(_("Ce défi ne recrute plus."))


def _decided(application, note) -> dict:
    return {"decided_at": timezone.now()}


APPLICATION_TRANSITIONS = [
    Transition(
        "withdraw",
        _("Retirer ma candidature"),
        (ApplicationStatus.PENDING,),
        ApplicationStatus.WITHDRAWN,
        actors=frozenset({"applicant"}),
        refusal=APPLICANT_ONLY,
    ),
    Transition(
        "reapply",
        _("Se porter de nouveau volontaire"),
        (ApplicationStatus.WITHDRAWN, ApplicationStatus.EXPIRED),
        ApplicationStatus.PENDING,
        actors=frozenset({"applicant"}),
        guard=_recruiting,
        refusal=APPLICANT_ONLY,
    ),
    Transition(
        "accept",
        _("Accepter la candidature"),
        (ApplicationStatus.PENDING,),
        ApplicationStatus.ACCEPTED,
        actors=DECIDERS,
        guard=_seat_left,
        refusal=DECIDERS_ONLY,
    ),
    Transition(
        "decline",
        _("Décliner la candidature"),
        (ApplicationStatus.PENDING,),
        ApplicationStatus.DECLINED,
        actors=DECIDERS,
        refusal=DECIDERS_ONLY,
    ),
    Transition(
        "join",
        _("Rejoindre l'équipe"),
        (
            ApplicationStatus.PENDING,
            ApplicationStatus.WITHDRAWN,
            ApplicationStatus.DECLINED,
            ApplicationStatus.EXPIRED,
        ),
        ApplicationStatus.ACCEPTED,
        actors=frozenset({"invited"}),
        guard=_seat_left,
        refusal=ADDRESSEE_ONLY,
    ),
    Transition(
        "expire",
        _("Clore la candidature"),
        (ApplicationStatus.PENDING,),
        ApplicationStatus.EXPIRED,
        actors=frozenset({PLATFORM}),
    ),
]


def _application_kinds(user, application) -> set[str]:
    if not user.is_authenticated:
        return set()
    kinds = set()
    if is_staff_member(user):
        kinds.add("staff")
    if can_decide_applications(user, application.slot.challenge):
        kinds.add("decider")
    if user.pk == application.user_id:
        kinds.add("applicant")
        invited = Invitation.objects.filter(
            slot=application.slot_id,
            user=user,
            status__in=[InvitationStatus.PENDING, InvitationStatus.ACCEPTED],
        )
        if invited.exists():
            kinds.add("invited")
    return kinds


APPLICATION = Lifecycle(
    "application",
    APPLICATION_TRANSITIONS,
    kinds=_application_kinds,
    state_phrase=_("la candidature est « %(status)s »"),
    effects=dict.fromkeys(("accept", "decline", "join", "expire"), _decided),
)


def _in_time(invitation, note) -> None:
    if invitation.deadline < timezone.now():
        raise TransitionRefused(_("Cette invitation a expiré : le délai de réponse est passé."))


def _overdue(invitation, note) -> None:
    if invitation.deadline >= timezone.now():
        raise TransitionRefused(_("Le délai de réponse de cette invitation n'est pas passé."))


def _replied(invitation, note) -> dict:
    return {"replied_at": timezone.now()}


INVITATION_TRANSITIONS = [
    Transition(
        "accept",
        _("Accepter l'invitation"),
        (InvitationStatus.PENDING,),
        InvitationStatus.ACCEPTED,
        actors=frozenset({"addressee"}),
        guard=_in_time,
        refusal=ADDRESSEE_ONLY,
    ),
    Transition(
        "decline",
        _("Décliner l'invitation"),
        (InvitationStatus.PENDING,),
        InvitationStatus.DECLINED,
        actors=frozenset({"addressee"}),
        refusal=ADDRESSEE_ONLY,
    ),
    Transition(
        "expire",
        _("Expirer l'invitation"),
        (InvitationStatus.PENDING,),
        InvitationStatus.EXPIRED,
        actors=frozenset({PLATFORM}),
        guard=_overdue,
    ),
    Transition(
        "close",
        _("Clore l'invitation : la place est pourvue"),
        (InvitationStatus.PENDING,),
        InvitationStatus.FILLED,
        actors=frozenset({PLATFORM}),
    ),
]


def _invitation_kinds(user, invitation) -> set[str]:
    return {"addressee"} if user.is_authenticated and user.pk == invitation.user_id else set()


INVITATION = Lifecycle(
    "invitation",
    INVITATION_TRANSITIONS,
    kinds=_invitation_kinds,
    state_phrase=_("l'invitation est « %(status)s »"),
    effects={
        "accept": _replied,
        "decline": lambda invitation, note: {"replied_at": timezone.now(), "decline_reason": note},
        "close": lambda invitation, note: {"replacement_handled": True},
    },
)
