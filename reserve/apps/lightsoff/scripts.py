"""The courteous words we suggest: a call script and messages to copy, personalised per report.

They are HTML: the legal reference keeps its French title, marked `lang="fr"` for screen
readers, inside a text in the reader's language; copying takes the plain text.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy


def _context(report) -> dict:
    shop = report.shop
    words = {
        "shop": shop.name,
        "element": report.get_element_display().lower(),
        "eur": number_format(report.eur_per_year, 0),
        "kwh": number_format(report.kwh_per_year, 0),
        "link": settings.SITE_URL + reverse("lightsoff:shop", args=[shop.pk]),
    }
    escaped = {name: conditional_escape(value) for name, value in words.items()}
    return escaped | {"rule": format_html('<cite lang="fr">{}</cite>', report.rule_reference)}


def _fill(template: str, report) -> str:
    return mark_safe(conditional_escape(template) % _context(report))


CALL_SCRIPT = gettext_lazy(
    "Bonjour, je suis un voisin de %(shop)s. Je passe souvent le soir et j'ai remarqué que "
    "votre %(element)s reste allumé(e) la nuit. Vous ne le savez peut-être pas, mais la "
    "réglementation (%(rule)s) demande de l'éteindre ; et cela vous ferait économiser environ "
    "%(eur)s € par an. Une simple minuterie suffit souvent. Merci beaucoup et bonne journée !"
)

MESSAGES = (
    gettext_lazy(
        "Bonjour, client(e) et voisin(e) de %(shop)s, j'apprécie beaucoup votre commerce. "
        "J'ai remarqué que votre %(element)s reste allumé(e) la nuit : l'éteindre vous ferait "
        "économiser environ %(eur)s € par an, et c'est ce que prévoit la réglementation "
        "(%(rule)s). Merci d'avance ! %(link)s"
    ),
    gettext_lazy(
        "Merci pour votre accueil ! Petite suggestion bienveillante : votre %(element)s reste "
        "éclairé(e) toute la nuit. Une minuterie éviterait environ %(kwh)s kWh par an "
        "(%(eur)s €). %(link)s"
    ),
    gettext_lazy(
        "Très bon commerce, je le recommande. Un détail : éteindre la nuit votre %(element)s "
        "serait un beau geste pour la planète et pour vos factures (environ %(eur)s € par an). "
        "%(link)s"
    ),
)


def call_script(report) -> str:
    return _fill(str(CALL_SCRIPT), report)


def message_variants(report) -> list[str]:
    return [_fill(str(text), report) for text in MESSAGES]
