from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Proposal(models.Model):
    """A global proposal: the exact instance the engine read and what it answered.

    The instance is kept verbatim so that `python -m reserve.teams.engine` replays the decision.
    """

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("lancée par"),
    )
    created_at = models.DateTimeField(_("lancée le"), auto_now_add=True)
    instance = models.JSONField(_("données de l'instance"))
    result = models.JSONField(_("résultat"))

    class Meta:
        verbose_name = _("proposition d'équipes")
        verbose_name_plural = _("propositions d'équipes")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return _("Proposition n° %(pk)s") % {"pk": self.pk}

    def get_absolute_url(self):
        return reverse("teams:proposal", args=[self.pk])

    @property
    def locks(self) -> list[tuple[str, str]]:
        return [(lock["reservist"], lock["slot"]) for lock in self.instance.get("locks", [])]

    @property
    def exclusions(self) -> list[tuple[str, str]]:
        return [(e["reservist"], e["challenge"]) for e in self.instance.get("exclusions", [])]


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("En attente de réponse")
    ACCEPTED = "accepted", _("Acceptée")
    DECLINED = "declined", _("Déclinée")
    EXPIRED = "expired", _("Expirée")
    FILLED = "filled", _("Close : la place a été pourvue")


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=InvitationStatus.PENDING)

    def overdue(self, now):
        return self.pending().filter(deadline__lt=now)

    def awaiting(self, slot, now=None):
        """The slot's pending invitations that may still be accepted (deadline not passed)."""
        return self.pending().filter(slot=slot, deadline__gte=now or timezone.now())

    def to_replace(self):
        """Declined or expired invitations whose seat is still open: someone else is invited."""
        return (
            self.filter(
                status__in=[InvitationStatus.DECLINED, InvitationStatus.EXPIRED],
                replacement_handled=False,
                slot__challenge__status="team_forming",
            )
            .select_related("slot__challenge", "user")
            .order_by("replied_at", "pk")
        )

    def due_reminders(self, now, window):
        """Pending invitations whose deadline is within `window`, not yet reminded, sent before
        that window opened (an invitation sent inside it needs no reminder)."""
        return (
            self.pending()
            .filter(
                reminded_at__isnull=True,
                deadline__gt=now,
                deadline__lte=now + window,
                created_at__lte=models.F("deadline") - window,
            )
            .select_related("slot__challenge", "user")
            .order_by("deadline", "pk")
        )


class Invitation(models.Model):
    """A reservist is invited to fill a role; accepting makes them a member of the team."""

    slot = models.ForeignKey(
        "challenges.RoleSlot", on_delete=models.CASCADE, related_name="invitations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_invitations"
    )
    proposal = models.ForeignKey(
        Proposal, on_delete=models.SET_NULL, null=True, blank=True, related_name="invitations"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        _("statut"),
        max_length=10,
        choices=InvitationStatus.choices,
        default=InvitationStatus.PENDING,
    )
    explanation = models.JSONField(_("pourquoi cette proposition"), default=list)
    created_at = models.DateTimeField(_("envoyée le"), auto_now_add=True)
    deadline = models.DateTimeField(_("réponse attendue avant le"))
    replied_at = models.DateTimeField(_("répondu le"), null=True, blank=True)
    decline_reason = models.TextField(_("raison du refus"), max_length=1_000, blank=True)
    replacement_handled = models.BooleanField(_("remplacement traité"), default=False)
    reminded_at = models.DateTimeField(_("rappel envoyé le"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["slot", "user"], name="one_invitation_per_slot")
        ]

    def __str__(self):
        return f"{self.user} → {self.slot}"

    def get_absolute_url(self):
        return reverse("teams:invitation", args=[self.pk])

    @property
    def challenge(self):
        return self.slot.challenge


WEB_ADDRESS = URLValidator(
    schemes=["http", "https"],
    message=_("Saisissez une adresse web complète, commençant par https:// ou http://."),
)


class TeamLink(models.Model):
    """A link the team shares in its space: code repository, chat, documents… (a free label)."""

    challenge = models.ForeignKey(
        "challenges.Challenge", on_delete=models.CASCADE, related_name="team_links"
    )
    label = models.CharField(
        _("intitulé"),
        max_length=80,
        help_text=_("Par exemple : Dépôt de code, Messagerie, Documents."),
    )
    url = models.URLField(_("adresse"), max_length=500, validators=[WEB_ADDRESS])
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ajouté par"),
    )
    created_at = models.DateTimeField(_("ajouté le"), auto_now_add=True)

    class Meta:
        verbose_name = _("lien de l'équipe")
        verbose_name_plural = _("liens de l'équipe")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.label} — {self.url}"
