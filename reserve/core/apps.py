from datetime import timedelta

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from .privacy import identity_of, outbox_messages_to, redact_rows


def name_the_site(using="default", **kwargs):
    """allauth signs its e-mails with the site's name; flushes (tests) would reset it otherwise."""
    from urllib.parse import urlsplit

    from django.conf import settings
    from django.contrib.sites.models import Site

    domain = urlsplit(settings.SITE_URL).netloc or "127.0.0.1:8000"
    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": "La Réserve"}
    )


class CoreConfig(AppConfig):
    name = "reserve.core"
    verbose_name = _("Socle")
    personal_data_models = ["core.AuditEntry", "core.Notification"]

    def ready(self):
        from django.core import checks as django_checks

        from . import attention, checks, workers  # noqa: F401 - checks registers itself
        from .plugins import check_citizen_apps

        post_migrate.connect(name_the_site, sender=self)
        django_checks.register(check_citizen_apps)
        workers.connect_signals()
        attention.connect_models()

    @property
    def periodic_tasks(self):
        from .tasks import recover_lost_work

        return [(recover_lost_work, timedelta(minutes=1))]

    def personal_data(self, user) -> dict:
        return {
            "actions": [
                {"date": e.created_at.isoformat(), "action": e.action, "object": e.target_repr}
                for e in user.audit_entries.all()
            ],
            "notifications": [
                {
                    "date": n.created_at.isoformat(),
                    "kind": n.kind,
                    "text": n.text,
                    "url": n.url,
                    "read_at": n.read_at.isoformat() if n.read_at else None,
                }
                for n in user.notifications.all()
            ],
            "emails_sent_to_you": [
                {
                    "date": m.created_at.isoformat(),
                    "status": m.status,
                    "subject": m.subject,
                    "body": m.body,
                }
                for m in outbox_messages_to(identity_of(user).emails)
            ],
        }

    def forget_personal_data(self, user) -> None:
        """E-mails to the person go; audit lines, others' notifications and e-mails that name
        them stay (they record what happened) with the name, addresses and phone redacted."""
        from .models import AuditEntry, Notification, OutboxMessage

        identity = identity_of(user)
        for message in outbox_messages_to(identity.emails):
            message.delete()
        AuditEntry.objects.about(user).update(target_repr="")
        redact_rows(AuditEntry.objects.all(), identity, ["target_repr", "data"])
        redact_rows(Notification.objects.exclude(user=user), identity, ["text"])
        redact_rows(
            OutboxMessage.objects.all(),
            identity,
            ["subject", "body", "html_body", "recipients", "cc", "bcc", "reply_to"],
        )
