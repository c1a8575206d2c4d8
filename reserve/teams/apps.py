from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    name = "reserve.teams"
    verbose_name = _("Équipes")

    @property
    def periodic_tasks(self):
        from .tasks import (
            expire_applications,
            expire_invitations,
            remind_invitations,
            start_sprints,
        )

        return [
            (expire_invitations, timedelta(minutes=15)),
            (expire_applications, timedelta(hours=1)),
            (remind_invitations, timedelta(minutes=15)),
            (start_sprints, timedelta(hours=1)),
        ]
