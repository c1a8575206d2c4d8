"""Impact follow-up: measurements entered by the sponsor or the team, or fed by the citizen apps a
challenge produced; reminders at 1, 3 and 6 months after delivery; closing once the last planned
measurement is in (the guard of the challenge's "close", registered in apps.py)."""

import calendar
import logging
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.challenges.models import Challenge, Status
from reserve.challenges.services import transition
from reserve.core.audit import SYSTEM, record
from reserve.core.caching import invalidate
from reserve.core.lifecycle import TransitionRefused, fire_each
from reserve.core.notify import tell
from reserve.core.plugins import citizen_app_configs

from . import audience
from .models import Indicator, Measurement, Reminder, sprint_url
from .permissions import can_measure

logger = logging.getLogger(__name__)

MEASURING = (Status.IN_SPRINT, Status.DELIVERED, Status.IMPACT_FOLLOW_UP)
FOLLOW_UP_MONTHS = (1, 3, 6)  # measurements planned after delivery; the last one closes
# A value more than this many times the larger of baseline and target is a typo, not a result.
PLAUSIBLE_FACTOR = 100
LARGEST = Decimal("1e11")  # what the column holds (16 digits, 4 after the point)


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def planned_dates(challenge) -> list[date]:
    if challenge.delivered_at is None:
        return []
    delivered = timezone.localdate(challenge.delivered_at)
    return [add_months(delivered, months) for months in FOLLOW_UP_MONTHS]


def check_value(indicator, day: date, value: Decimal) -> None:
    """Raise ValidationError naming the field when the measurement cannot be right."""
    today = timezone.localdate()
    if day > today:
        raise ValidationError({"date": _("Une mesure ne peut pas être datée dans le futur.")})
    if day < indicator.baseline_date:
        raise ValidationError(
            {
                "date": _("Une mesure ne peut pas précéder la valeur de départ (%(day)s).")
                % {"day": indicator.baseline_date}
            }
        )
    if not value.is_finite() or abs(value) >= LARGEST:
        raise ValidationError({"value": _("Cette valeur n'est pas un nombre utilisable.")})
    if value < 0 <= min(indicator.baseline, indicator.target):
        raise ValidationError({"value": _("Cet indicateur ne peut pas être négatif.")})
    scale = max(abs(indicator.baseline), abs(indicator.target), Decimal(1))
    if abs(value) > scale * PLAUSIBLE_FACTOR:
        raise ValidationError(
            {
                "value": _(
                    "%(value)s %(unit)s est plus de %(factor)s fois la cible ou la valeur "
                    "de départ : vérifiez l'unité."
                )
                % {"value": value, "unit": indicator.unit, "factor": PLAUSIBLE_FACTOR}
            }
        )


@transaction.atomic
def record_measurement(user, indicator, data: dict) -> Measurement:
    """`data`: date, value (Decimal), source, evidence_url. One measurement a day per indicator."""
    challenge = indicator.challenge
    if not can_measure(user, challenge):
        raise PermissionDenied(_("Les mesures sont saisies par le porteur ou l'équipe."))
    if challenge.status not in MEASURING:
        raise ValidationError(
            _("Les mesures se saisissent du sprint à la fin du suivi d'impact (statut : %(s)s).")
            % {"s": challenge.get_status_display()}
        )
    check_value(indicator, data["date"], data["value"])
    if indicator.measurements.filter(date=data["date"]).exists():
        raise ValidationError({"date": _("Une mesure existe déjà à cette date.")})
    measurement = Measurement.objects.create(indicator=indicator, entered_by=user, **data)
    record(
        user,
        "sprint.measurement_recorded",
        challenge,
        indicator=indicator.key,
        date=data["date"].isoformat(),
        value=str(data["value"]),
    )
    invalidate("challenges")
    return measurement


def feed_from_citizen_apps(today: date | None = None) -> int:
    """Record today's figure of each citizen app on the indicator with the same `plugin_key` of
    the challenge the app came from. Returns how many measurements were written."""
    today = today or timezone.localdate()
    written = 0
    for config in citizen_app_configs():
        figures = {figure["key"]: figure for figure in config.impact_indicators()}
        indicators = Indicator.objects.filter(
            challenge__slug=config.challenge_slug, plugin_key__in=list(figures)
        )
        for indicator in indicators:
            figure = figures[indicator.plugin_key]
            value = Decimal(str(figure["value"]))
            try:
                check_value(indicator, today, value)
            except ValidationError as refusal:
                logger.warning("%s: %s refused: %s", config.label, indicator.plugin_key, refusal)
                continue
            Measurement.objects.update_or_create(
                indicator=indicator,
                date=today,
                defaults={"value": value, "source": str(figure.get("source", config.title))[:300]},
            )
            written += 1
    if written:
        record(SYSTEM, "sprint.citizen_indicators_fed", None, measurements=written)
        invalidate("challenges")
    return written


def remind_measurements(today: date | None = None) -> int:
    """At 1, 3 and 6 months after delivery, remind the team and the sponsor to measure, once
    each (non-essential). Returns how many reminders were sent."""
    today = today or timezone.localdate()
    sent = 0
    following = Challenge.objects.filter(
        status__in=(Status.DELIVERED, Status.IMPACT_FOLLOW_UP), delivered_at__isnull=False
    ).prefetch_related("sprint_reminders")
    for challenge in following:
        done = {r.on for r in challenge.sprint_reminders.all() if r.kind == Reminder.MEASUREMENT}
        due = [day for day in planned_dates(challenge) if day <= today and day not in done]
        if not due:
            continue
        with transaction.atomic():
            Reminder.objects.bulk_create(
                Reminder(challenge=challenge, kind=Reminder.MEASUREMENT, on=day) for day in due
            )
            tell(
                audience.team(challenge) + audience.sponsor_side(challenge),
                "sprints/email/measurement_reminder",
                {"challenge": challenge, "due": due[-1]},
                url=sprint_url(challenge) + "#impact",
                kind="sprints.measurement_reminder",
                essential=False,
            )
            record(SYSTEM, "sprint.measurement_reminded", challenge, due=due[-1].isoformat())
        sent += 1
    return sent


def measurements_complete(challenge) -> bool:
    """Every indicator has a measurement on or after the last planned date, which has passed."""
    dates = planned_dates(challenge)
    if not dates or dates[-1] > timezone.localdate():
        return False
    return not challenge.indicators.exclude(measurements__date__gte=dates[-1]).exists()


def close_guard(challenge, note: str) -> None:
    if not measurements_complete(challenge) and not note:
        raise TransitionRefused(
            _(
                "Le suivi d'impact court jusqu'à la dernière mesure prévue (6 mois après la "
                "livraison). L'équipe du programme peut clore avant en écrivant pourquoi."
            )
        )


def close_finished() -> tuple[int, int]:
    """Close the challenges whose last planned measurement is in, in the platform's name."""
    following = Challenge.objects.filter(status=Status.IMPACT_FOLLOW_UP)
    finished = [c for c in following if measurements_complete(c)]
    return fire_each(
        finished, lambda challenge: transition(SYSTEM, challenge, "close"), job="close_finished"
    )
