from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChallengesConfig(AppConfig):
    name = "reserve.challenges"
    verbose_name = _("Défis")

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
        from .models import Application, Message, Referent

        return {
            "challenges_created": list(user.created_challenges.values_list("title", flat=True)),
            "referent_of": [
                {"challenge": r.challenge.title, "service": r.service, "role": r.role}
                for r in Referent.objects.filter(user=user).select_related("challenge")
            ],
            "applications": [
                {
                    "challenge": a.slot.challenge.title,
                    "skill": a.slot.skill,
                    "status": a.status,
                    "message": a.message,
                    "created_at": a.created_at.isoformat(),
                }
                for a in Application.objects.filter(user=user).select_related("slot__challenge")
            ],
            "messages": [
                {"challenge": m.challenge.title, "body": m.body, "at": m.created_at.isoformat()}
                for m in Message.objects.filter(author=user).select_related("challenge")
            ],
        }
