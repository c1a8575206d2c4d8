"""The challenges app's lists of values (statuses, scales, levels…), one source for each."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from reserve.reservists.taxonomy import THEMES
from reserve.reservists.taxonomy import Level as SkillLevel


class Status(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    SUBMITTED = "submitted", _("Soumis")
    IN_QUALIFICATION = "in_qualification", _("En qualification")
    NEEDS_INFORMATION = "needs_information", _("Informations demandées")
    QUALIFIED = "qualified", _("Qualifié")
    DECLINED = "declined", _("Non retenu")
    TEAM_FORMING = "team_forming", _("Équipe en formation")
    IN_SPRINT = "in_sprint", _("Sprint en cours")
    DELIVERED = "delivered", _("Livré")
    IMPACT_FOLLOW_UP = "impact_follow_up", _("Suivi d'impact")
    CLOSED = "closed", _("Clos")
    ARCHIVED = "archived", _("Archivé")

    @classmethod
    def public(cls):
        """Shown in the catalogue (declined ones only when made public)."""
        return [
            cls.QUALIFIED,
            cls.TEAM_FORMING,
            cls.IN_SPRINT,
            cls.DELIVERED,
            cls.IMPACT_FOLLOW_UP,
            cls.CLOSED,
            cls.ARCHIVED,
        ]

    @classmethod
    def awaiting_decision(cls):
        return [cls.SUBMITTED, cls.IN_QUALIFICATION]

    @classmethod
    def delivered_or_later(cls):
        return [cls.DELIVERED, cls.IMPACT_FOLLOW_UP, cls.CLOSED, cls.ARCHIVED]

    @classmethod
    def recruiting(cls):
        return [cls.QUALIFIED, cls.TEAM_FORMING]


# One list of themes for the whole platform, shared with the reservists' interests.
Theme = models.TextChoices(
    "Theme", [(code.upper(), (code, label)) for code, label in THEMES.items()]
)


class Scale(models.TextChoices):
    LOW = "low", _("Faible")
    MEDIUM = "medium", _("Moyenne")
    HIGH = "high", _("Forte")
    CRITICAL = "critical", _("Critique")


class TerritoryLevel(models.TextChoices):
    NATIONAL = "national", _("National")
    REGION = "region", _("Région")
    DEPARTEMENT = "departement", _("Département")
    COMMUNE = "commune", _("Commune")


class Decision(models.TextChoices):
    GO = "go", _("Go : le défi est retenu")
    NO_GO = "no_go", _("Non retenu")
    MORE_INFORMATION = "more_information", _("Besoin de plus d'informations")


# The minimum level of a role, in the words a reservist uses for their own (the one vocabulary).
Level = models.TextChoices(
    "Level", [(level.name, (level.code, level.label)) for level in SkillLevel]
)


class Location(models.TextChoices):
    REMOTE = "remote", _("À distance")
    ON_SITE = "on_site", _("Sur place")


class ApplicationStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    ACCEPTED = "accepted", _("Acceptée")
    DECLINED = "declined", _("Déclinée")
    WITHDRAWN = "withdrawn", _("Retirée")
    EXPIRED = "expired", _("Close : le rôle n'est plus ouvert")
