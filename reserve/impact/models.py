"""What the impact app stores: the visibility each person chose, the employers' hourly costs and
the time statements issued to them. Everything else it shows is read from the sprints app."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

USER = settings.AUTH_USER_MODEL


def new_token() -> str:
    return secrets.token_urlsafe(16)


class Visibility(models.Model):
    """Opt-ins, off by default: appear by first name on public impact pages, publish a profile."""

    user = models.OneToOneField(USER, on_delete=models.CASCADE, related_name="impact_visibility")
    on_impact_pages = models.BooleanField(
        _("apparaître sur les pages d'impact"),
        default=False,
        help_text=_("Votre prénom et votre rôle, sur la page publique des défis livrés."),
    )
    public_profile = models.BooleanField(
        _("publier mon profil de contributions"),
        default=False,
        help_text=_("Votre prénom et ce à quoi vous avez contribué, à une adresse publique."),
    )
    profile_token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("visibilité publique")
        verbose_name_plural = _("visibilités publiques")

    def __str__(self):
        return str(self.user)

    def get_absolute_url(self):
        return reverse("impact:contributor", args=[self.profile_token])


class HourlyCost(models.Model):
    """An employee's hourly cost (salary plus social charges), entered by the employer only."""

    employer = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="hourly_costs"
    )
    employee = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="hourly_costs")
    amount = models.DecimalField(_("coût horaire chargé (€)"), max_digits=8, decimal_places=2)
    updated_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("coût horaire")
        verbose_name_plural = _("coûts horaires")
        constraints = [
            models.UniqueConstraint(fields=["employer", "employee"], name="one_cost_per_employee"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="hourly_cost_positive"),
        ]

    def __str__(self):
        return f"{self.employee} — {self.amount} €/h"


class TimeStatement(models.Model):
    """A "relevé d'heures de mécénat de compétences", as issued: its facts are frozen.

    The names are copied so that the statement stays verifiable as it was issued; the digest is
    the SHA-256 of its canonical content (`statements.canonical`), printed on the PDF and shown
    on the public verification page.
    """

    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    employer = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    beneficiary = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    employee = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="time_statements"
    )
    employee_name = models.CharField(_("salarié·e"), max_length=300)
    period_start = models.DateField(_("du"))
    period_end = models.DateField(_("au"))
    # [{"week": "2026-01-05", "challenge": "…", "hours": "6.00"}, …]
    lines = models.JSONField(default=list)
    hours = models.DecimalField(_("heures validées"), max_digits=8, decimal_places=2)
    digest = models.CharField(_("empreinte SHA-256"), max_length=64)
    issued_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    issued_at = models.DateTimeField(_("émis le"))

    class Meta:
        verbose_name = _("relevé d'heures de mécénat")
        verbose_name_plural = _("relevés d'heures de mécénat")
        ordering = ["-issued_at"]

    def __str__(self):
        return f"{self.employee_name} — {self.period_start} → {self.period_end}"

    def get_absolute_url(self):
        return reverse("impact:verify", args=[self.token])
