"""The staff sprint board: every active sprint with its health, riskiest first, reasons shown.

One query whatever the number of sprints: each figure is a subquery on the challenge row."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reserve.challenges.models import Challenge, Status

from .choices import Confidence
from .models import CheckIn, Deliverable

# How much each problem weighs in the order of the board.
WEIGHTS = {"off_track": 4, "at_risk": 3, "blocker": 3, "overdue": 2, "late": 1}


@dataclass
class Health:
    challenge: Challenge
    reasons: list = field(default_factory=list)
    score: int = 0

    def add(self, kind: str, reason: str) -> None:
        self.reasons.append(reason)
        self.score += WEIGHTS[kind]

    @property
    def level(self) -> str:
        if self.score >= WEIGHTS["at_risk"]:
            return "at_risk"
        return "watch" if self.score else "ok"


def active_sprints():
    checkins = CheckIn.objects.filter(challenge=OuterRef("pk"))
    today = timezone.localdate()
    overdue = (
        Deliverable.objects.filter(
            challenge=OuterRef("pk"), delivered_at__isnull=True, due_date__lt=today
        )
        .order_by()
        .values("challenge")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Challenge.objects.filter(status=Status.IN_SPRINT)
        .select_related("organisation")
        .only("title", "slug", "status", "sprint_start", "sprint_end", "organisation__name")
        .annotate(
            confidence=Subquery(checkins.order_by("-week", "-created_at").values("confidence")[:1]),
            last_checkin_at=Subquery(checkins.order_by("-created_at").values("created_at")[:1]),
            open_blocker_since=Subquery(
                checkins.filter(blocker_resolved_at__isnull=True)
                .exclude(blockers="")
                .order_by("created_at")
                .values("created_at")[:1]
            ),
            overdue=Coalesce(Subquery(overdue, output_field=IntegerField()), Value(0)),
        )
    )


def health(challenge, now=None) -> Health:
    now = now or timezone.now()
    result = Health(challenge)
    if challenge.confidence == Confidence.OFF_TRACK:
        result.add("off_track", _("l'équipe se dit en retard"))
    elif challenge.confidence == Confidence.AT_RISK:
        result.add("at_risk", _("l'équipe se dit à risque"))
    since = challenge.open_blocker_since
    if since is not None and now - since > timedelta(days=settings.SPRINT_BLOCKER_DAYS):
        days = (now - since).days
        result.add(
            "blocker",
            ngettext("blocage ouvert depuis %(d)s jour", "blocage ouvert depuis %(d)s jours", days)
            % {"d": days},
        )
    if challenge.overdue:
        result.add(
            "overdue",
            ngettext("%(n)s livrable en retard", "%(n)s livrables en retard", challenge.overdue)
            % {"n": challenge.overdue},
        )
    late_after = timedelta(days=settings.SPRINT_CHECKIN_LATE_DAYS)
    last = challenge.last_checkin_at
    started = challenge.sprint_start
    if last is not None and now - last > late_after:
        result.add(
            "late", _("pas de point hebdomadaire depuis %(d)s jours") % {"d": (now - last).days}
        )
    elif last is None and started and timezone.localdate(now) - started > late_after:
        result.add("late", _("aucun point hebdomadaire depuis le lancement"))
    return result


def board(now=None) -> list[Health]:
    """Every active sprint, riskiest first, then the one ending soonest."""
    rows = [health(challenge, now) for challenge in active_sprints()]
    return sorted(rows, key=lambda h: (-h.score, h.challenge.sprint_end or timezone.localdate()))
