from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChallengesConfig(AppConfig):
    name = "reserve.challenges"
    attention_models = ["challenges.Challenge"]

    def needs_attention(self, user):
        from .attention import needs_attention

        return needs_attention(user)

    verbose_name = _("Défis")
    personal_data_models = [
        "challenges.Challenge",
        "challenges.Referent",
        "challenges.TimelineEvent",
        "challenges.QualificationScore",
        "challenges.Message",
        "challenges.Application",
    ]

    def public_counters(self):
        from reserve.core.stats import Counter

        from .models import Challenge, Status

        public = Challenge.objects.public()
        return [
            Counter("challenges", _("défis qualifiés"), public.count()),
            Counter(
                "challenges_delivered",
                _("défis livrés"),
                public.filter(status__in=Status.delivered_or_later()).count(),
            ),
        ]

    def personal_data(self, user) -> dict:
        from .privacy import export

        return export(user)

    def forget_personal_data(self, user) -> None:
        from .privacy import forget

        forget(user)
