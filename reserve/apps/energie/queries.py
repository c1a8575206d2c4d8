"""Énergie's public figures and open data: counts and sums, never a person."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from .models import Household, HouseholdStatus, Visit, VisitStatus


def impact_figures() -> list[dict]:
    """Households diagnosed, aids found, kits installed, € and kWh saved, share precarious."""
    diagnosed = Household.objects.exclude(status=HouseholdStatus.DRAFT).aggregate(
        count=Count("pk"), aids=Sum("aids_eur_year")
    )
    installed = Visit.objects.filter(status=VisitStatus.INSTALLED).aggregate(
        count=Count("pk"),
        eur=Sum("saved_eur_year"),
        kwh=Sum("saved_kwh_year"),
        precarious=Count("pk", filter=Q(precarious=True)),
    )
    share = round(100 * installed["precarious"] / installed["count"]) if installed["count"] else 0
    return [
        {"key": "households", "label": _("foyers diagnostiqués"), "value": diagnosed["count"]},
        {"key": "aids_eur", "label": _("aides trouvées par an"), "value": diagnosed["aids"] or 0},
        {"key": "kits_installed", "label": _("kits posés"), "value": installed["count"]},
        {
            "key": "eur_saved",
            "label": _("économies estimées par an"),
            "value": installed["eur"] or 0,
        },
        {
            "key": "kwh_saved",
            "label": _("énergie économisée par an"),
            "value": installed["kwh"] or 0,
        },
        {
            "key": "precarious_share",
            "label": _("des kits posés chez des foyers en précarité énergétique"),
            "value": share,
        },
    ]


def open_data_rows() -> list[dict]:
    """One row per fitting, without anything that points to a household or a person."""
    visits = Visit.objects.filter(status=VisitStatus.INSTALLED).select_related("kit", "campaign")
    return [
        {
            "month": visit.installed_at.strftime("%Y-%m"),
            "departement": visit.kit.departement or "",
            "kit": visit.kit.name,
            "measures": " ".join(visit.fitted),
            "eur_saved_year": visit.saved_eur_year,
            "kwh_saved_year": visit.saved_kwh_year,
            "precarious_household": "" if visit.precarious is None else int(visit.precarious),
        }
        for visit in visits.order_by("installed_at")
    ]
