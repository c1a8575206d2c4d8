from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    name = "reserve.teams"
    attention_models = ["teams.Invitation", "challenges.Application", "challenges.RoleSlot"]

    def needs_attention(self, user):
        from .attention import needs_attention

        return needs_attention(user)

    verbose_name = _("Équipes")
    personal_data_models = ["teams.Invitation", "teams.Proposal", "teams.TeamLink"]

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

    def personal_data(self, user) -> dict:
        from .privacy import export

        return export(user)

    def forget_personal_data(self, user) -> None:
        from .privacy import forget

        forget(user)
