from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SprintsConfig(AppConfig):
    name = "reserve.sprints"
    attention_models = ["sprints.CheckIn", "sprints.HoursEntry", "challenges.Challenge"]

    def needs_attention(self, user):
        from .attention import needs_attention

        return needs_attention(user)

    verbose_name = _("Sprints et impact")
    personal_data_models = [
        "sprints.CheckIn",
        "sprints.CheckInComment",
        "sprints.HoursEntry",
        "sprints.Measurement",
    ]
    personal_data_exempt = {
        "sprints.SprintPlan": "who leads the team and who validated the plan, set to nobody",
        "sprints.Deliverable": "only who delivered it, set to nobody with the account",
        "sprints.DeliveryDecision": "the sponsor's decision, its author set to nobody",
        "sprints.Handover": "who filled the sheet, set to nobody with the account",
    }

    def ready(self):
        from reserve.challenges.lifecycle import add_guard

        from .delivery import delivery_guard, handover_guard
        from .impact import close_guard

        add_guard("deliver", delivery_guard)
        add_guard("follow_impact", handover_guard)
        add_guard("close", close_guard)

    @property
    def periodic_tasks(self):
        from .tasks import (
            close_finished_follow_ups,
            feed_citizen_indicators,
            remind_checkins,
            remind_measurements,
        )

        return [
            (remind_checkins, timedelta(hours=6)),
            (remind_measurements, timedelta(hours=12)),
            (feed_citizen_indicators, timedelta(hours=24)),
            (close_finished_follow_ups, timedelta(hours=24)),
        ]

    def personal_data(self, user) -> dict:
        from .privacy import export

        return export(user)

    def forget_personal_data(self, user) -> None:
        from .privacy import forget

        forget(user)
