from datetime import timedelta

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


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

    def ready(self):
        from . import checks, workers  # noqa: F401 - checks registers itself

        post_migrate.connect(name_the_site, sender=self)
        workers.connect_signals()

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
        }
