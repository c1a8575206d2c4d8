"""The words for the diagnostic's message keys, in the reader's language (STYLE.md rule 14)."""

import functools
from datetime import date

from django.utils import translation
from django.utils.formats import date_format, get_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext_lazy as _

MEASURES = {
    "thermostat": gettext_lazy("Thermostat programmable"),
    "radiator_valves": gettext_lazy("Robinets thermostatiques sur les radiateurs"),
    "one_degree": gettext_lazy("Baisser le chauffage d'un degré"),
    "draught_proofing": gettext_lazy("Boudins de porte et joints de fenêtres"),
    "led": gettext_lazy("Ampoules LED"),
    "power_strips": gettext_lazy("Multiprises à interrupteur contre les veilles"),
    "aerators": gettext_lazy("Mousseurs et pommeau de douche économes"),
}
CATEGORIES = {
    "blue": gettext_lazy("Bleu (revenus très modestes)"),
    "yellow": gettext_lazy("Jaune (revenus modestes)"),
    "violet": gettext_lazy("Violet (revenus intermédiaires)"),
    "pink": gettext_lazy("Rose (revenus supérieurs)"),
}
ROUTES = {
    "ampleur": gettext_lazy("Rénovation d'ampleur, accompagnée par un Accompagnateur Rénov'"),
    "geste": gettext_lazy("Travaux par geste (isolation, chauffage…)"),
}
ENERGIES = {
    "electricity": gettext_lazy("électricité"),
    "gas": gettext_lazy("gaz"),
    "fuel_oil": gettext_lazy("fioul"),
    "wood": gettext_lazy("bois"),
}
REGIONS = {
    "ile-de-france": gettext_lazy("Île-de-France"),
    "other": gettext_lazy("hors Île-de-France"),
}
CONTACTS = {
    "france_renov": gettext_lazy(
        "Le conseiller France Rénov' de votre secteur : gratuit et neutre, il vous aide à "
        "monter vos dossiers d'aides (france-renov.gouv.fr, 0 808 800 700)."
    ),
    "fsl": gettext_lazy(
        "Le fonds de solidarité pour le logement (FSL) de votre département aide à payer des "
        "factures d'énergie impayées : demandez au centre communal d'action sociale (CCAS)."
    ),
    "adil": gettext_lazy(
        "Locataire d'une passoire ? L'agence départementale d'information sur le logement "
        "(ADIL) vous renseigne gratuitement sur vos droits."
    ),
}


# Lazy: each sentence is translated when used, in the language of the request being served.
TEXTS = {
    "disclaimer": _(
        "Une simulation, pas une décision : seuls les organismes qui versent les aides "
        "décident. Les règles appliquées sont celles du %(date)s."
    ),
    "cheque.amount": _(
        "%(units)s unités de consommation (1 pour la première personne, 0,5 pour la "
        "deuxième, 0,3 pour chaque autre) : %(income_per_uc)s € de revenu par unité, "
        "soit un chèque énergie de %(amount)s € par an."
    ),
    "cheque.above_ceiling": _(
        "%(income_per_uc)s € de revenu par unité de consommation : au-dessus du plafond de "
        "%(ceiling)s €, pas de chèque énergie."
    ),
    "cheque.no_income": _("Sans le revenu fiscal de référence, le chèque ne peut être estimé."),
    "cheque.no_rules": _("Le chèque énergie n'existait pas à cette date."),
    "mpr.within": _(
        "Foyer de %(size)s personne(s), %(region)s : revenu fiscal de référence jusqu'à "
        "%(ceiling)s €, catégorie « %(category)s »."
    ),
    "mpr.above": _(
        "Foyer de %(size)s personne(s), %(region)s : au-dessus du plafond violet, "
        "catégorie « %(category)s »."
    ),
    "mpr.no_income": _("Sans le revenu fiscal de référence, la catégorie ne peut être estimée."),
    "mpr.no_rules": _("Nous n'avons pas le barème de MaPrimeRénov' en vigueur à cette date."),
    "mpr.route.dpe_limited": _(
        "Seulement pour un logement classé E, F ou G au DPE (depuis le 30 septembre 2025)."
    ),
    "dpe.double_threshold": _(
        "Énergie : %(energy)s kWh/m²/an, classe %(energy_class)s ; climat : %(ghg)s kg "
        "CO2/m²/an, classe %(ghg_class)s. Le DPE retient la moins bonne : %(dpe_class)s."
    ),
    "dpe.altitude": _(
        "Zone %(zone)s au-dessus de %(metres)s m : les seuils des classes E et F sont relevés."
    ),
    "dpe.small_dwelling": _(
        "Logement de moins de %(surface)s m² : depuis le 1er juillet 2024 les seuils officiels "
        "sont relevés selon la surface ; la classe officielle peut être meilleure que celle-ci."
    ),
    "dpe.no_rules": _("Le DPE actuel (méthode 2021) n'existait pas encore à cette date."),
    "rental.banned": _(
        "Un logement classé %(dpe_class)s ne peut plus être loué comme logement décent depuis "
        "le %(date)s : locataire, vous pouvez demander des travaux à votre propriétaire."
    ),
    "rental.banned_from": _(
        "Un logement classé %(dpe_class)s ne pourra plus être loué comme logement décent à "
        "partir du %(date)s ; son loyer ne peut plus augmenter."
    ),
    "rental.allowed": _("Un logement classé %(dpe_class)s peut être loué."),
    "use.from_bill": _(
        "%(bill)s € de factures par an, au prix de %(price)s €/kWh (%(energy)s, prix du "
        "%(price_date)s) : environ %(kwh)s kWh par an."
    ),
    "effort.precarious": _(
        "Vos factures pèsent %(rate)s %% de vos revenus, plus de %(threshold)s %%, et votre "
        "revenu par unité de consommation (%(income_per_uc)s €) est parmi les 30 %% les plus "
        "bas (sous %(decile)s €) : c'est la précarité énergétique au sens de l'ONPE."
    ),
    "effort.high_not_low_income": _(
        "Vos factures pèsent %(rate)s %% de vos revenus, plus de %(threshold)s %%, mais votre "
        "revenu par unité de consommation (%(income_per_uc)s €) dépasse le 3e décile "
        "(%(decile)s €) : pas de précarité énergétique au sens de l'ONPE."
    ),
    "effort.below": _(
        "Vos factures pèsent %(rate)s %% de vos revenus, sous le seuil de %(threshold)s %%."
    ),
    "advice.heating": _(
        "Environ %(share)s %% de votre chauffage (%(base_eur)s € par an) : %(eur)s € par an."
    ),
    "advice.hot_water": _(
        "Environ %(share)s %% de votre eau chaude (%(base_eur)s € par an) : %(eur)s € par an."
    ),
    "advice.electricity": _(
        "Environ %(share)s %% de votre électricité hors chauffage (%(base_eur)s € par an) : "
        "%(eur)s € par an."
    ),
    "error.required": _("Ce champ est obligatoire."),
    "error.number": _("Saisissez un nombre."),
    "error.integer": _("Saisissez un nombre entier."),
    "error.range": _("Saisissez une valeur entre %(low)s et %(high)s."),
    "error.choice": _("Choisissez parmi : %(choices)s."),
    "error.dpe_pair": _("Donnez les deux chiffres du DPE (énergie et climat), ou aucun des deux."),
    "error.date": _("Date attendue au format AAAA-MM-JJ."),
    **{f"contact.{key}": sentence for key, sentence in CONTACTS.items()},
    # The optimiser's explanations (allocation/explain.py, docs/energie-allocation-format.md).
    "energie.allocation.assigned": _(
        "Rang %(rank)s sur %(ranked)s : %(value_eur)s € d'économies par an, comptés "
        "× %(precarity_weight)s selon sa situation, soit %(weighted_value)s € pondérés."
    ),
    "energie.allocation.assigned_beyond_share": _(
        "Rang %(rank)s sur %(ranked)s : %(value_eur)s € d'économies par an, comptés "
        "× %(precarity_weight)s ; au-delà de la part de son département (%(area)s), car aucun "
        "foyer ailleurs ne pouvait utiliser ce kit."
    ),
    "energie.allocation.unassigned.no_savings": _(
        "Aucun kit disponible ne lui ferait économiser quelque chose."
    ),
    "energie.allocation.unassigned.no_kit_in_area": _(
        "Aucun kit utile en stock pour sa zone (%(area)s)."
    ),
    "energie.allocation.unassigned.no_volunteer": _(
        "Aucun bénévole disponible ne couvre sa zone (%(area)s)."
    ),
    "energie.allocation.unassigned.kit_over_budget": _(
        "Le kit le moins cher pour lui (%(kit)s, %(cost_eur)s €) dépasse le budget "
        "(%(budget_eur)s €)."
    ),
    "energie.allocation.unassigned.stock_taken": _(
        "Le stock de « %(kit)s » est allé à des foyers de plus grande valeur pondérée (au moins "
        "%(lowest_served_weighted_value)s € ; lui : %(weighted_value)s €)."
    ),
    "energie.allocation.unassigned.visits_full": _(
        "Les bénévoles de sa zone (%(area)s) n'ont plus de visite libre."
    ),
    "energie.allocation.unassigned.budget_spent": _(
        "Le budget restant (%(budget_left_eur)s €) ne couvre pas son kit (%(kit)s, %(cost_eur)s €)."
    ),
    "energie.allocation.unassigned.not_selected": _(
        "Pas retenu cette fois : rang %(rank)s, %(weighted_value)s € pondérés."
    ),
    "energie.allocation.fairness.none": _(
        "Pas de part maximale par département pour cette campagne."
    ),
    "energie.allocation.fairness.respected": _(
        "Aucun département ne reçoit plus de %(cap)s kits (part maximale %(max_share)s des "
        "%(campaign_kits)s kits)."
    ),
    "energie.allocation.fairness.exceeded_nobody_waiting": _(
        "Des départements reçoivent plus de %(cap)s kits (part maximale %(max_share)s des "
        "%(campaign_kits)s kits), parce qu'aucun foyer ailleurs ne pouvait utiliser le reste."
    ),
}


@functools.cache
def _catalogue(language: str) -> dict:
    """Every sentence and word of this module in `language`, looked up once per process:
    translations do not change while it runs, and a diagnostic uses some forty of them."""
    with translation.override(language):
        return {
            "texts": {key: str(sentence) for key, sentence in TEXTS.items()},
            "category": {key: str(word) for key, word in CATEGORIES.items()},
            "region": {key: str(word) for key, word in REGIONS.items()},
            "energy": {key: str(word) for key, word in ENERGIES.items()},
            "measures": {key: str(word) for key, word in MEASURES.items()},
            "routes": {key: str(word) for key, word in ROUTES.items()},
            "separators": (
                get_format("DECIMAL_SEPARATOR", language),
                get_format("THOUSAND_SEPARATOR", language),
            ),
        }


def _param(name: str, value, words: dict):
    if name in ("category", "region", "energy") and isinstance(value, str):
        return words[name].get(value, value)
    if name in ("date", "price_date") and isinstance(value, str):
        return date_format(date.fromisoformat(value), "DATE_FORMAT")
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return _number(value, *words["separators"])
    return value


def _number(value: float, decimal: str, thousand: str) -> str:
    whole = f"{value:,.0f}" if value == int(value) else f"{value:,.4f}".rstrip("0")
    return whole.replace(",", "\0").replace(".", decimal).replace("\0", thousand)


def text(explanation: dict | None, words: dict | None = None, **extra) -> str:
    """The sentence for `{"key", "params"}`, translated, its figures formatted."""
    if not explanation:
        return ""
    words = words or _catalogue(get_language())
    values = {**explanation["params"], **extra}
    return words["texts"][explanation["key"]] % {
        name: _param(name, value, words) for name, value in values.items()
    }


def allocation_text(explanation: dict | None, kit_names: dict) -> str:
    """The optimiser's explanation in words, with kit names instead of their ids; an unknown
    key (a newer optimiser) is shown as it is rather than hidden."""
    if not explanation:
        return ""
    if explanation.get("key") not in TEXTS:
        return explanation.get("key", "")
    params = dict(explanation.get("params") or {})
    if "kit" in params:
        params["kit"] = kit_names.get(str(params["kit"]), params["kit"])
    return text({"key": explanation["key"], "params": params})


def measure(key: str) -> str:
    return _catalogue(get_language())["measures"].get(key, key)


def _is_explanation(value) -> bool:
    return isinstance(value, dict) and set(value) == {"key", "params"}


def translated(value, *, day: str = ""):
    """The diagnostic with every explanation as a sentence (`explanation`) and its `rule` key."""
    return _translated(value, day, _catalogue(get_language()))


def _translated(value, day: str, words: dict):
    if _is_explanation(value):
        return text(value, words, date=day) if value["key"] == "disclaimer" else text(value, words)
    if isinstance(value, list):
        return [_translated(item, day, words) for item in value]
    if not isinstance(value, dict):
        return value
    out = {name: _translated(item, day, words) for name, item in value.items()}
    if _is_explanation(value.get("explanation")):
        out["rule"] = value["explanation"]["key"]
    if "measure" in value:
        out["label"] = words["measures"].get(value["measure"], value["measure"])
    if "route" in value:
        out["label"] = words["routes"].get(value["route"], value["route"])
    return out
