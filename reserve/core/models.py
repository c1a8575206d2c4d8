from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntryQuerySet(models.QuerySet):
    def about(self, obj):
        return self.filter(target_type=obj._meta.label_lower, target_id=str(obj.pk))

    def by(self, user):
        return self.filter(actor=user)


class AuditEntry(models.Model):
    """Who did what to which object, and when; kept, anonymised, when the actor leaves."""

    created_at = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries",
    )
    action = models.CharField(_("action"), max_length=64, db_index=True)
    target_type = models.CharField(_("type d'objet"), max_length=64, blank=True)
    target_id = models.CharField(_("identifiant de l'objet"), max_length=64, blank=True)
    target_repr = models.CharField(_("élément concerné"), max_length=200, blank=True)
    data = models.JSONField(_("détails"), default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("entrée du journal d'audit")
        verbose_name_plural = _("journal d'audit")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target_repr}"


class OutboxMessage(models.Model):
    """An e-mail queued, sent or failed: nothing is lost when the mail server is down."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("En attente")
        SENDING = "sending", _("En cours d'envoi")
        SENT = "sent", _("Envoyé")
        FAILED = "failed", _("Échec")

    created_at = models.DateTimeField(_("créé le"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("statut"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    subject = models.CharField(_("objet"), max_length=300)
    from_email = models.CharField(_("expéditeur"), max_length=254)
    # One address a line, as plain text, so that SQLite and PostgreSQL alike can search it.
    recipients = models.TextField(_("destinataires"))
    cc = models.JSONField(default=list, blank=True)
    bcc = models.JSONField(default=list, blank=True)
    reply_to = models.JSONField(default=list, blank=True)
    headers = models.JSONField(default=dict, blank=True)
    body = models.TextField(_("texte"))
    html_body = models.TextField(_("HTML"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("tentatives"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)
    # When a worker took the message to send it; the claim lapses after OUTBOX_LEASE_SECONDS.
    claimed_at = models.DateTimeField(_("pris en charge le"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail sortant")
        verbose_name_plural = _("boîte d'envoi")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.recipients_list)}"

    @property
    def recipients_list(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]


class ScheduledJob(models.Model):
    """When each periodic job was last enqueued, so that several schedulers never double it."""

    name = models.CharField(_("tâche"), max_length=200, unique=True)
    last_enqueued_at = models.DateTimeField(_("dernière mise en file"))

    class Meta:
        verbose_name = _("tâche périodique")
        verbose_name_plural = _("tâches périodiques")
        ordering = ["name"]

    def __str__(self):
        return self.name


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """An in-app notification, shared by every app: a line of text and where it leads.

    Created through `reserve.core.notify.tell`, which also sends the e-mail unless told not to.
    `kind` names what it is about (e.g. "challenges.mention", "teams.invitation") for filtering.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("destinataire"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("type"), max_length=50, blank=True, db_index=True)
    text = models.CharField(_("texte"), max_length=300)
    url = models.CharField(_("lien"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("le"), auto_now_add=True)
    read_at = models.DateTimeField(_("lue le"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread")]

    def __str__(self):
        return self.text


class TaskHeartbeat(models.Model):
    """The last sign of life of a running background task, written while its worker lives.

    A task still "running" with no fresh heartbeat lost its worker (killed, machine gone): the
    sweep in `reserve.core.workers` queues it again.
    """

    task_id = models.UUIDField(_("tâche"), unique=True)
    worker_id = models.CharField(_("processus"), max_length=64)
    seen_at = models.DateTimeField(_("vue le"))

    class Meta:
        verbose_name = _("signe de vie d'une tâche")
        verbose_name_plural = _("signes de vie des tâches")

    def __str__(self):
        return f"{self.task_id} ({self.worker_id})"
