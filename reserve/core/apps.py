from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "reserve.core"
    verbose_name = _("Socle")

    def personal_data(self, user) -> dict:
        return {
            "actions": [
                {"date": e.created_at.isoformat(), "action": e.action, "object": e.target_repr}
                for e in user.audit_entries.all()
            ]
        }
