from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "reserve.organisations"
    verbose_name = _("Organisations")

    def personal_data(self, user) -> dict:
        return {
            "memberships": [
                {
                    "organisation": m.organisation.name,
                    "role": m.role,
                    "since": m.created_at.isoformat(),
                }
                for m in user.memberships.select_related("organisation")
            ]
        }
