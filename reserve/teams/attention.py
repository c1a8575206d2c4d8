"""The teams' items of "what needs you now" (reserve.core.attention)."""

from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from reserve.accounts.roles import Role, roles_of
from reserve.challenges.models import Application, Challenge, RoleSlot, Status
from reserve.core.attention import Item

from .models import Invitation, InvitationStatus


def needs_attention(user) -> list[Item]:
    roles = roles_of(user)
    items = applications_to_decide(user)
    if Role.RESERVIST in roles:
        items += invitations_to_answer(user) + next_team_dates(user)
    if Role.STAFF in roles:
        items += teams_short_of_people()
    return items


def invitations_to_answer(user) -> list[Item]:
    pending = Invitation.objects.filter(
        user=user, status=InvitationStatus.PENDING, deadline__gte=timezone.now()
    ).select_related("slot__challenge")
    return [
        Item(
            title=_("Répondez à l'invitation : %(challenge)s")
            % {"challenge": invitation.slot.challenge.title},
            url=invitation.get_absolute_url(),
            detail=_("Votre réponse est attendue avant le %(deadline)s.")
            % {
                "deadline": formats.date_format(
                    timezone.localtime(invitation.deadline), "j F Y H:i"
                )
            },
            icon="mail",
            due=invitation.deadline,
            kind="invitation",
        )
        for invitation in pending
    ]


def next_team_dates(user) -> list[Item]:
    today = timezone.localdate()
    challenges = (
        Challenge.objects.filter(
            slots__applications__in=Application.objects.accepted().filter(user=user),
            sprint_start__gte=today,
        )
        .distinct()
        .order_by("sprint_start")[:1]
    )
    return [
        Item(
            title=_("Votre équipe démarre le %(date)s : %(challenge)s")
            % {
                "date": formats.date_format(challenge.sprint_start, "j F Y"),
                "challenge": challenge.title,
            },
            url=reverse("teams:space", args=[challenge.pk]),
            detail=_("Retrouvez votre équipe et ses liens dans l'espace de l'équipe."),
            icon="calendar",
            due=challenge.sprint_start,
            kind="team_date",
        )
        for challenge in challenges
    ]


def applications_to_decide(user) -> list[Item]:
    """For the sponsor's members and the challenge's referents: applications awaiting them."""
    counts = (
        Application.objects.to_decide()
        .filter(
            Q(slot__challenge__organisation__memberships__user=user)
            | Q(slot__challenge__referents__user=user)
        )
        .values("slot__challenge_id", "slot__challenge__title")
        .annotate(waiting=Count("id", distinct=True))
        .order_by("slot__challenge__title")
    )
    return [
        Item(
            title=_("Décidez des candidatures : %(challenge)s")
            % {"challenge": row["slot__challenge__title"]},
            url=reverse("teams:challenge_applications", args=[row["slot__challenge_id"]]),
            detail=_("%(count)s candidature(s) attendent votre décision.")
            % {"count": row["waiting"]},
            icon="user-check",
            kind="applications",
        )
        for row in counts
    ]


def teams_short_of_people() -> list[Item]:
    forming = Challenge.objects.filter(status=Status.TEAM_FORMING).prefetch_related(
        Prefetch("slots", queryset=RoleSlot.objects.with_taken())
    )
    return [
        Item(
            title=_("Équipe à compléter : %(challenge)s") % {"challenge": challenge.title},
            url=reverse("teams:candidates", args=[challenge.pk]),
            detail=_("Des rôles attendent encore quelqu'un : proposez des réservistes."),
            icon="users",
            due=challenge.sprint_start,
            kind="team_short",
        )
        for challenge in forming.order_by("title")
        if any(slot.seats_left > 0 for slot in challenge.slots.all())
    ]
