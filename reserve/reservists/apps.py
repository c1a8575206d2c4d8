from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReservistsConfig(AppConfig):
    name = "reserve.reservists"
    attention_models = ["reservists.Profile", "organisations.Membership"]

    def needs_attention(self, user):
        from .attention import needs_attention

        return needs_attention(user)

    verbose_name = _("Réservistes")
    # The profile, its skills and periods, and saved searches go with the account (cascade).
    personal_data_models = ["reservists.Profile", "reservists.SavedSearch"]

    def ready(self):
        from allauth.account.signals import user_logged_in
        from django.db import connections
        from django.db.models.signals import post_migrate

        from . import fulltext, pool_cache, services

        post_migrate.connect(
            lambda sender, using, **kwargs: fulltext.install(connections[using]),
            sender=self,
            dispatch_uid="reservists.fulltext",
            weak=False,
        )

        pool_cache.connect()
        user_logged_in.connect(
            lambda sender, request, user, **kwargs: services.note_login(user),
            dispatch_uid="reservists.note_login",
            weak=False,
        )

    def public_counters(self):
        from django.db.models import Sum

        from reserve.core.stats import Counter

        from .models import Profile

        pool = Profile.objects.in_pool()
        hours = pool.aggregate(total=Sum("hours_per_week"))["total"] or 0
        return [
            Counter("weekly_hours", _("heures offertes chaque semaine"), hours),
            Counter(
                "seconded",
                _("salariés détachés"),
                pool.seconded().count(),
            ),
        ]

    def personal_data(self, user) -> dict:
        from .models import Profile

        profile = Profile.objects.filter(user=user).prefetch_related("skills", "periods").first()
        if profile is None:
            return {"profile": None}
        return {
            "profile": {
                "bio": profile.bio,
                "links": profile.link_list,
                "themes": profile.theme_codes,
                "languages": profile.language_codes,
                "skills": [{"skill": s.skill, "level": s.level} for s in profile.skills.all()],
                "hours_per_week": profile.hours_per_week,
                "work_mode": profile.work_mode,
                "departement": profile.departement,
                "city": profile.city,
                "unavailable_until": profile.unavailable_until,
                "periods": [
                    {"kind": p.kind, "start": p.start, "end": p.end} for p in profile.periods.all()
                ],
                "engagement": profile.engagement,
                "employer": profile.employer_name,
                "hours_per_month_granted": profile.hours_per_month_granted,
                "agreement": profile.agreement,
                "secondment": profile.secondment,
                "consents": {
                    "data_use": profile.consent_data_use,
                    "contact_email": profile.consent_contact_email,
                    "contact_phone": profile.consent_contact_phone,
                    "employer_sees_skills": profile.consent_employer_sees_skills,
                },
                "visibility": profile.visibility,
                "created_at": profile.created_at,
                "last_activity": profile.last_activity,
            },
            "saved_searches": [
                {"name": s.name, "query": s.query} for s in user.saved_pool_searches.all()
            ],
        }
