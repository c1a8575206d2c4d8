"""What a reader of the English site must not meet: French sentences."""

import re

FRENCH = re.compile(
    r"\b(le|la|les|des|du|est|une|pour|nous|vous|votre|cette|avec|dans|être|peut|devrait|"
    r"nuit|commerce|éteinte?|allumée?|heures?|merci|bonjour)\b",
    re.IGNORECASE,
)


def french_words(locator) -> list[str]:
    """French words left in what the reader reads (legal titles, marked lang="fr", excepted)."""
    text = locator.evaluate(
        """(element) => {
            const copy = element.cloneNode(true);
            copy.querySelectorAll('[lang="fr"], script, form input').forEach((e) => e.remove());
            return copy.innerText;
        }"""
    )
    return FRENCH.findall(text.replace("La Réserve", ""))
