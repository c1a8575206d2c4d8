from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LightsOffConfig(AppConfig):
    """LightsOff, the first citizen app: it declares itself here and the platform mounts it."""

    name = "reserve.apps.lightsoff"
    label = "lightsoff"
    verbose_name = _("Commerces éclairés la nuit")
    # Plugin metadata (ARCHITECTURE.md, principle 6).
    citizen_app = True
    title = _("LightsOff — éteignons les vitrines la nuit")
    nav_label = _("Commerces éclairés")
    staff_links = [
        (_("Modération LightsOff"), "lightsoff:moderation"),
        (_("Signal EcoWatt"), "lightsoff:ecowatt"),
    ]
    challenge_slug = "commerces-eclaires-la-nuit"
    url_prefix = "lightsoff/"
    urls_module = "reserve.apps.lightsoff.urls"
    api_prefix = "/lightsoff"
    api_router = "reserve.apps.lightsoff.api.router"

    @property
    def periodic_tasks(self):
        from . import tasks

        return [
            (tasks.send_follow_ups, timedelta(hours=6)),
            (tasks.purge_personal_data, timedelta(days=1)),
            (tasks.release_expired_claims, timedelta(minutes=15)),
            (tasks.fetch_ecowatt, timedelta(hours=1)),
        ]

    def public_counters(self):
        from reserve.core.stats import Counter

        figures = self.impact_figures()
        return [Counter(f"lightsoff_{f['key']}", f["label"], int(f["value"])) for f in figures[:2]]

    def impact_figures(self) -> list[dict]:
        """The figures this app reports to its challenge's public impact page."""
        from .stats import impact_figures

        return impact_figures()

    def personal_data(self, user) -> dict:
        """What LightsOff holds about an account: contacts logged, nights joined, alerts."""
        from .models import ContactAttempt, TenseDayAlert

        contacts = ContactAttempt.objects.filter(volunteer=user).select_related("shop")
        return {
            "lightsoff": {
                "contacts": [
                    {
                        "shop": c.shop.name,
                        "outcome": c.outcome,
                        "notes": c.notes,
                        "date": c.created_at,
                    }
                    for c in contacts
                ],
                "nights_of_action": [c.title for c in user.lightsoff_campaigns.all()],
                "tense_day_alert": TenseDayAlert.objects.filter(user=user).exists(),
            }
        }
