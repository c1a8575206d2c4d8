from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SprintsConfig(AppConfig):
    name = "reserve.sprints"
    verbose_name = _("Sprints et impact")
    personal_data_models = [
        "sprints.CheckIn",
        "sprints.CheckInComment",
        "sprints.HoursEntry",
        "sprints.Measurement",
    ]
    personal_data_exempt = {
        "sprints.SprintPlan": "only who validated the plan, set to nobody with the account",
        "sprints.Deliverable": "only who delivered it, set to nobody with the account",
        "sprints.DeliveryDecision": "the sponsor's decision, its author set to nobody",
        "sprints.Handover": "who filled the sheet, set to nobody with the account",
    }

    def personal_data(self, user) -> dict:
        from .privacy import export

        return export(user)

    def forget_personal_data(self, user) -> None:
        from .privacy import forget

        forget(user)
