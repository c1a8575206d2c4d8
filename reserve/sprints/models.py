"""A challenge's sprint: its plan, deliverables and indicators, the weekly check-ins with the hours
members gave, the delivery decision, the handover and the impact measurements.

Everything hangs on the challenge (`challenges.Challenge`); the challenge's status stays the one
lifecycle (challenges/lifecycle.py), whose guards read these rows through `guards.py`.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from reserve.core.files import unguessable_name

from .choices import Confidence, DeliverableKind, DeliveryVerdict, Direction, ImpactAssessment

USER = settings.AUTH_USER_MODEL


def monday(day: date) -> date:
    """The ISO week a day belongs to, named by its Monday."""
    return day - timedelta(days=day.weekday())


def deliverable_path(deliverable, filename: str) -> str:
    return unguessable_name("sprints/deliverables", filename)


def sprint_url(challenge) -> str:
    return reverse("sprints:sprint", args=[challenge.pk])


class SprintPlan(models.Model):
    """Written at kickoff by the team and the sponsor, validated by staff."""

    challenge = models.OneToOneField(
        "challenges.Challenge", on_delete=models.CASCADE, related_name="sprint_plan"
    )
    goal = models.CharField(_("objectif en une phrase"), max_length=300)
    success_criteria = models.TextField(_("critères de succès"), max_length=5_000)
    risks = models.TextField(_("risques"), max_length=5_000, blank=True)
    demo_day = models.DateField(_("jour de la démo"), null=True, blank=True)
    demo_notes = models.TextField(
        _("compte rendu de la démo"),
        max_length=5_000,
        blank=True,
        help_text=_("Qui était là, ce qui a été montré, lien vers l'enregistrement."),
    )
    lead = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("chef ou cheffe d'équipe"),
        help_text=_("Poste les points hebdomadaires pour l'équipe et valide les heures."),
    )
    validated_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    validated_at = models.DateTimeField(_("validé le"), null=True, blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("plan de sprint")
        verbose_name_plural = _("plans de sprint")

    def __str__(self):
        return self.goal

    @property
    def is_validated(self) -> bool:
        return self.validated_at is not None


class Deliverable(models.Model):
    challenge = models.ForeignKey(
        "challenges.Challenge", on_delete=models.CASCADE, related_name="deliverables"
    )
    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(_("nature"), max_length=12, choices=DeliverableKind.choices)
    due_date = models.DateField(_("échéance"))
    mandatory = models.BooleanField(_("obligatoire"), default=True)
    delivered_at = models.DateTimeField(_("livré le"), null=True, blank=True)
    delivered_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    link = models.URLField(_("lien"), max_length=500, blank=True)
    # Private: served only by the sprint's view (reserve/core/files.py), under the name it had.
    file = models.FileField(_("fichier"), upload_to=deliverable_path, blank=True)
    file_name = models.CharField(_("nom du fichier"), max_length=200, blank=True)
    accepted_at = models.DateTimeField(_("accepté le"), null=True, blank=True)

    class Meta:
        verbose_name = _("livrable")
        verbose_name_plural = _("livrables")
        ordering = ["due_date", "pk"]

    def __str__(self):
        return self.name

    @property
    def is_delivered(self) -> bool:
        return self.delivered_at is not None


class Indicator(models.Model):
    challenge = models.ForeignKey(
        "challenges.Challenge", on_delete=models.CASCADE, related_name="indicators"
    )
    key = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("nom"), max_length=200)
    unit = models.CharField(_("unité"), max_length=40)
    baseline = models.DecimalField(_("valeur de départ"), max_digits=16, decimal_places=4)
    baseline_date = models.DateField(_("date de la valeur de départ"))
    target = models.DecimalField(_("cible"), max_digits=16, decimal_places=4)
    direction = models.CharField(
        _("sens souhaité"), max_length=4, choices=Direction.choices, default=Direction.UP
    )
    source = models.CharField(_("source des données"), max_length=300)
    measured_by = models.CharField(_("qui mesure"), max_length=200)
    # Set when a citizen app feeds this indicator: the key in its `impact_indicators()`. NULL, not
    # "", for the others, so that a key is unique per challenge only where it is set.
    plugin_key = models.CharField(  # noqa: DJ001
        _("indicateur d'une application citoyenne"), max_length=60, null=True, blank=True
    )

    class Meta:
        verbose_name = _("indicateur")
        verbose_name_plural = _("indicateurs")
        ordering = ["challenge", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["challenge", "key"], name="one_indicator_key"),
            models.UniqueConstraint(
                fields=["challenge", "plugin_key"], name="one_indicator_per_plugin_key"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.unit})"


class Measurement(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    date = models.DateField(_("date"))
    value = models.DecimalField(_("valeur"), max_digits=16, decimal_places=4)
    source = models.CharField(_("source"), max_length=300)
    evidence_url = models.URLField(_("lien vers la preuve"), max_length=500, blank=True)
    entered_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("saisi le"), auto_now_add=True)

    class Meta:
        verbose_name = _("mesure")
        verbose_name_plural = _("mesures")
        ordering = ["indicator", "date"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "date"], name="one_measurement_a_day")
        ]

    def __str__(self):
        return f"{self.indicator.name} {self.date}: {self.value}"


class CheckIn(models.Model):
    """A weekly check-in, by a member for themselves or by the team lead for the team."""

    challenge = models.ForeignKey(
        "challenges.Challenge", on_delete=models.CASCADE, related_name="checkins"
    )
    author = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="sprint_checkins"
    )
    week = models.DateField(_("semaine du"), help_text=_("Le lundi de la semaine."))
    progress = models.TextField(_("avancement"), max_length=5_000)
    blockers = models.TextField(_("blocages"), max_length=5_000, blank=True)
    blocker_resolved_at = models.DateTimeField(_("blocage levé le"), null=True, blank=True)
    help_needed = models.TextField(_("aide demandée"), max_length=5_000, blank=True)
    confidence = models.CharField(
        _("confiance"), max_length=10, choices=Confidence.choices, default=Confidence.ON_TRACK
    )
    created_at = models.DateTimeField(_("posté le"), auto_now_add=True)

    class Meta:
        verbose_name = _("point hebdomadaire")
        verbose_name_plural = _("points hebdomadaires")
        ordering = ["-week", "-created_at"]
        indexes = [models.Index(fields=["challenge", "-created_at"])]

    def __str__(self):
        return f"{self.challenge} — {self.week}"

    @property
    def has_open_blocker(self) -> bool:
        return bool(self.blockers.strip()) and self.blocker_resolved_at is None


class CheckInComment(models.Model):
    """The sponsor's referents (and staff) answer a check-in."""

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("commentaire"), max_length=3_000)
    created_at = models.DateTimeField(_("le"), auto_now_add=True)

    class Meta:
        verbose_name = _("commentaire de point hebdomadaire")
        verbose_name_plural = _("commentaires de points hebdomadaires")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:60]


class HoursEntryQuerySet(models.QuerySet):
    def validated(self):
        return self.filter(validated_at__isnull=False)

    def pending(self):
        return self.filter(validated_at__isnull=True)


class HoursEntry(models.Model):
    """The hours one member gave one week to one challenge, as reported in a check-in.

    One row per (challenge, member, week): a later check-in the same week corrects it until it is
    validated by the team lead or the sponsor."""

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="hours")
    challenge = models.ForeignKey(
        "challenges.Challenge", on_delete=models.CASCADE, related_name="hours_entries"
    )
    member = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="sprint_hours")
    week = models.DateField(_("semaine du"))
    hours = models.DecimalField(_("heures"), max_digits=5, decimal_places=2)
    flagged = models.BooleanField(
        _("à vérifier"),
        default=False,
        help_text=_("Plus d'heures dans la semaine que le plafond : à valider explicitement."),
    )
    validated_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    validated_at = models.DateTimeField(_("validé le"), null=True, blank=True)

    objects = HoursEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("heures données")
        verbose_name_plural = _("heures données")
        ordering = ["-week", "member"]
        constraints = [
            models.UniqueConstraint(
                fields=["challenge", "member", "week"], name="one_hours_entry_a_week"
            ),
            models.CheckConstraint(
                condition=models.Q(hours__gte=0) & models.Q(hours__lte=168),
                name="hours_within_a_week",
            ),
        ]

    def __str__(self):
        return f"{self.member} — {self.week}: {self.hours} h"


class DeliveryDecision(models.Model):
    """The sponsor accepts the delivery or asks for changes, with a reason; the latest counts."""

    challenge = models.ForeignKey(
        "challenges.Challenge", on_delete=models.CASCADE, related_name="delivery_decisions"
    )
    verdict = models.CharField(_("décision"), max_length=20, choices=DeliveryVerdict.choices)
    reason = models.TextField(_("motif"), max_length=5_000, blank=True)
    decided_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    decided_at = models.DateTimeField(_("le"), auto_now_add=True)

    class Meta:
        verbose_name = _("décision de livraison")
        verbose_name_plural = _("décisions de livraison")
        ordering = ["-decided_at", "-pk"]
        get_latest_by = ["decided_at", "pk"]

    def __str__(self):
        return self.get_verdict_display()


class Handover(models.Model):
    """Who owns and runs the product after the sprint: required before the impact follow-up."""

    challenge = models.OneToOneField(
        "challenges.Challenge", on_delete=models.CASCADE, related_name="handover"
    )
    owner = models.CharField(
        _("qui possède et fait vivre le produit"),
        max_length=300,
        help_text=_("L'organisation et le service qui reprennent le produit."),
    )
    licence = models.CharField(
        _("licence"),
        max_length=100,
        default="EUPL-1.2",
        help_text=_("Libre par défaut (EUPL-1.2, MIT, AGPL…) ; expliquez sinon."),
    )
    hosting = models.TextField(_("hébergement"), max_length=3_000)
    personal_data_and_security = models.TextField(
        _("données personnelles et sécurité"), max_length=5_000
    )
    impact_assessment = models.CharField(
        _("analyse d'impact (AIPD)"), max_length=12, choices=ImpactAssessment.choices
    )
    impact_assessment_reason = models.TextField(
        _("pourquoi"),
        max_length=3_000,
        help_text=_("Où la trouver si elle est faite, pourquoi elle n'est pas nécessaire sinon."),
    )
    maintenance_contact = models.CharField(_("contact pour la maintenance"), max_length=300)
    if_nobody_takes_over = models.TextField(_("si personne ne le reprend"), max_length=3_000)
    filled_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    class Meta:
        verbose_name = _("fiche de passation")
        verbose_name_plural = _("fiches de passation")

    def __str__(self):
        return str(self.challenge)


class Reminder(models.Model):
    """A reminder the periodic jobs sent, so that each is sent once: a week's missing check-in
    (`on` its Monday) or a measurement due after delivery (`on` its due date)."""

    CHECKIN = "checkin"
    MEASUREMENT = "measurement"

    challenge = models.ForeignKey(
        "challenges.Challenge", on_delete=models.CASCADE, related_name="sprint_reminders"
    )
    kind = models.CharField(max_length=12)
    on = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["challenge", "kind", "on"], name="one_reminder")
        ]

    def __str__(self):
        return f"{self.challenge} {self.kind} {self.on}"
