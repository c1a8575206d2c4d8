from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from reserve.core.plugins import CitizenApp

COUNTED = _("Décompte en direct des dossiers et des visites d'Énergie")
ESTIMATED = _(
    "Estimation par foyer équipé : part de la facture économisée par chaque équipement posé, "
    "selon les hypothèses datées de l'ADEME affichées avec chaque conseil"
)
SIMULATED = _("Chèque énergie simulé avec le barème daté en vigueur, une simulation par foyer")


class EnergieConfig(CitizenApp):
    """Énergie, the second citizen app: diagnostic, aids, and scarce kits where they save most."""

    name = "reserve.apps.energie"
    attention_models = ["energie.Visit"]

    def needs_attention(self, user):
        from .attention import needs_attention

        return needs_attention(user)

    label = "energie"
    verbose_name = _("Passoires thermiques")
    title = _("Énergie — baisser sa facture dans une passoire thermique")
    nav_label = _("Énergie")
    home_heading = _("Votre logement est une passoire ?")
    summary = _(
        "Né du défi « Passoires thermiques » : un diagnostic en cinq minutes, les aides "
        "auxquelles vous avez droit, des conseils chiffrés et, si vous le souhaitez, la visite "
        "d'un bénévole qui pose de petits équipements."
    )
    home_links = [
        (_("Faire le diagnostic"), "energie:index"),
        (_("Voir les chiffres"), "energie:figures"),
    ]
    staff_links = [
        (_("Campagnes Énergie"), "energie:campaigns"),
        (_("Foyers Énergie"), "energie:households"),
    ]
    challenge_slug = "passoires-thermiques-aides"
    personal_data_models = ["energie.Household", "energie.Visit", "energie.Kit"]
    personal_data_exempt = {
        "energie.Campaign": _(
            "Le membre de l'équipe qui a créé la campagne : un lien vers le compte, effacé avec "
            "lui ; la campagne ne dit rien d'autre de lui."
        ),
        "energie.AllocationRun": _(
            "Le membre de l'équipe qui a lancé la répartition : un lien effacé avec le compte ; "
            "les données de la répartition ne nomment personne (identifiants seulement)."
        ),
    }
    api_router = "reserve.apps.energie.api.router"

    @property
    def periodic_tasks(self):
        from . import tasks

        return [
            (tasks.send_follow_ups, timedelta(hours=6)),
            (tasks.purge_stale_files, timedelta(days=1)),
        ]

    def public_counters(self):
        from reserve.core.stats import Counter

        figures = {f["key"]: f for f in self.impact_figures()}
        return [
            Counter(
                "energie_households", figures["households"]["label"], figures["households"]["value"]
            )
        ]

    def impact_figures(self) -> list[dict]:
        from .queries import impact_figures

        return impact_figures()

    def impact_indicators(self) -> list[dict]:
        units = {
            "households": (_("foyers"), COUNTED),
            "aids_eur": (_("€/an"), SIMULATED),
            "kits_installed": (_("kits"), COUNTED),
            "eur_saved": (_("€/an"), ESTIMATED),
            "kwh_saved": (_("kWh/an"), ESTIMATED),
            "precarious_share": (_("%"), COUNTED),
        }
        return [
            {**figure, "unit": units[figure["key"]][0], "source": units[figure["key"]][1]}
            for figure in self.impact_figures()
        ]

    def forget_personal_data(self, user) -> None:
        """A file made with the person's own address goes; households an alert giver flagged
        stay the households' (the link to the account goes with it); a volunteer's visits not
        yet made are declined and their notes and photos erased."""
        from reserve.core.privacy import identity_of

        from .distribution import forget_own_files, forget_volunteer

        forget_own_files(user, identity_of(user).emails)
        forget_volunteer(user)

    def personal_data(self, user) -> dict:
        """What Énergie holds about an account: households flagged, visits made, kits declared."""
        from .models import Household, Kit, Visit

        return {
            "energie": {
                "households_flagged": list(
                    Household.objects.filter(alert_giver=user).values("pk", "created_at", "status")
                ),
                "visits": [
                    {
                        "visit": v.pk,
                        "status": v.status,
                        "scheduled_at": v.scheduled_at,
                        "fitted": v.fitted,
                        "notes": v.notes,
                    }
                    for v in Visit.objects.filter(volunteer=user)
                ],
                "kits_declared": list(
                    Kit.objects.filter(declared_by=user).values("name", "quantity", "created_at")
                ),
            }
        }
