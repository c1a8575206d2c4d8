"""The sprints app's lists of values, one source for each."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DeliverableKind(models.TextChoices):
    SERVICE = "service", _("Service")
    PROTOTYPE = "prototype", _("Prototype")
    STUDY = "study", _("Étude")
    DATASET = "dataset", _("Jeu de données")
    CAMPAIGN = "campaign", _("Campagne")


class Direction(models.TextChoices):
    UP = "up", _("À la hausse")
    DOWN = "down", _("À la baisse")


class Confidence(models.TextChoices):
    ON_TRACK = "on_track", _("Dans les temps")
    AT_RISK = "at_risk", _("À risque")
    OFF_TRACK = "off_track", _("En retard")


class DeliveryVerdict(models.TextChoices):
    ACCEPTED = "accepted", _("Livraison acceptée")
    CHANGES_REQUESTED = "changes_requested", _("Modifications demandées")


class ImpactAssessment(models.TextChoices):
    DONE = "done", _("Réalisée")
    NOT_NEEDED = "not_needed", _("Pas nécessaire")
