from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpactConfig(AppConfig):
    name = "reserve.impact"
    verbose_name = _("Impact, heures de mécénat et engagements")
    personal_data_models = ["impact.Visibility", "impact.HourlyCost", "impact.TimeStatement"]

    def ready(self):
        from . import signals  # noqa: F401  (cache invalidation hooks)

    def personal_data(self, user) -> dict:
        from .privacy import export

        return export(user)

    def forget_personal_data(self, user) -> None:
        from .privacy import forget

        forget(user)
