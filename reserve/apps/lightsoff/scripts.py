"""The courteous words we suggest: a call script and messages to copy, personalised per report."""

from django.conf import settings
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _


def _context(report) -> dict:
    shop = report.shop
    return {
        "shop": shop.name,
        "element": report.get_element_display().lower(),
        "rule": report.rule_reference,
        "eur": number_format(report.eur_per_year, 0),
        "kwh": number_format(report.kwh_per_year, 0),
        "link": settings.SITE_URL + reverse("lightsoff:shop", args=[shop.pk]),
    }


def call_script(report) -> str:
    return _(
        "Bonjour, je suis un voisin de %(shop)s. Je passe souvent le soir et j'ai remarqué que "
        "votre %(element)s reste allumé(e) la nuit. Vous ne le savez peut-être pas, mais la "
        "réglementation (%(rule)s) demande de l'éteindre ; et cela vous ferait économiser environ "
        "%(eur)s € par an. Une simple minuterie suffit souvent. Merci beaucoup et bonne journée !"
    ) % _context(report)


def message_variants(report) -> list[str]:
    context = _context(report)
    return [
        _(
            "Bonjour, client(e) et voisin(e) de %(shop)s, j'apprécie beaucoup votre commerce. "
            "J'ai remarqué que votre %(element)s reste allumé(e) la nuit : l'éteindre vous ferait "
            "économiser environ %(eur)s € par an, et c'est ce que prévoit la réglementation "
            "(%(rule)s). Merci d'avance ! %(link)s"
        )
        % context,
        _(
            "Merci pour votre accueil ! Petite suggestion bienveillante : votre %(element)s reste "
            "éclairé(e) toute la nuit. Une minuterie éviterait environ %(kwh)s kWh par an "
            "(%(eur)s €). %(link)s"
        )
        % context,
        _(
            "Très bon commerce, je le recommande. Un détail : éteindre la nuit votre %(element)s "
            "serait un beau geste pour la planète et pour vos factures (environ %(eur)s € par an). "
            "%(link)s"
        )
        % context,
    ]
