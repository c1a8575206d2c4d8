from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from reserve.core.plugins import CitizenApp

# What each figure counts, and where it comes from, for the challenge's impact indicators.
COUNTED = _("Décompte en direct des signalements et des commerces de LightsOff")
ESTIMATED = _(
    "Commerces confirmés éteints sur LightsOff, estimation par commerce selon les hypothèses "
    "datées de la page d'impact de LightsOff"
)
INDICATOR_UNITS = {
    "reports": (_("signalements"), COUNTED),
    "confirmed_off": (_("commerces"), COUNTED),
    "shops_reported": (_("commerces"), COUNTED),
    "shops_reached": (_("commerces"), COUNTED),
    "answers": (_("commerces"), COUNTED),
    "kwh_avoided": (_("kWh/an"), ESTIMATED),
    "eur_avoided": (_("€/an"), ESTIMATED),
    "co2_avoided": (_("kg CO2/an"), ESTIMATED),
}


class LightsOffConfig(CitizenApp):
    """LightsOff, the first citizen app: it declares itself here and the platform mounts it."""

    name = "reserve.apps.lightsoff"
    attention_models = ["lightsoff.Report"]

    def needs_attention(self, user):
        from .attention import needs_attention

        return needs_attention(user)

    label = "lightsoff"
    verbose_name = _("Commerces éclairés la nuit")
    title = _("LightsOff — éteignons les vitrines la nuit")
    nav_label = _("Commerces éclairés")
    home_heading = _("Un commerce reste éclairé la nuit ?")
    summary = _(
        "LightsOff, né du défi « Commerces éclairés la nuit » : signalez-le sans compte, "
        "découvrez ce que dit la loi et proposez gentiment au commerçant d'éteindre."
    )
    home_links = [
        (_("Signaler un commerce"), "lightsoff:index"),
        (_("Voir l'impact"), "lightsoff:impact"),
    ]
    staff_links = [
        (_("Modération LightsOff"), "lightsoff:moderation"),
        (_("Signal EcoWatt"), "lightsoff:ecowatt"),
    ]
    challenge_slug = "commerces-eclaires-la-nuit"
    api_router = "reserve.apps.lightsoff.api.router"
    personal_data_models = [
        "lightsoff.Shop",
        "lightsoff.Report",
        "lightsoff.ContactAttempt",
        "lightsoff.TenseDayAlert",
        "lightsoff.Campaign",
        "lightsoff.FollowUp",
        "lightsoff.VolunteerRevocation",
    ]

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
        """Its public figures as LightsOff's own pages show them: key, label, value."""
        from .stats import impact_figures

        return impact_figures()

    def impact_indicators(self) -> list[dict]:
        indicators = []
        for figure in self.impact_figures():
            unit, source = INDICATOR_UNITS[figure["key"]]
            indicators.append({**figure, "unit": unit, "source": source})
        return indicators

    def personal_data(self, user) -> dict:
        """What LightsOff holds about an account: reports, contacts logged, nights, alerts."""
        from .privacy import export

        return export(user)

    def forget_personal_data(self, user) -> None:
        from .privacy import forget

        forget(user)
