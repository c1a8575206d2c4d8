"""Pictures drawn in code: an organisation's logo from its initials, a challenge's cover from its
theme. Deterministic (the same name always gives the same picture), no file to upload or serve,
and decorative: the name or the title is always written next to them.

SVG only with presentation attributes: the Content-Security-Policy forbids inline styles.
"""

import hashlib
from functools import lru_cache
from html import escape

# Background, motif colour: dark enough for white initials (contrast above 4.5:1).
PALETTES = [
    ("#1d4e89", "#7fb2e5"),
    ("#0b6e4f", "#7dd3ae"),
    ("#8a3b12", "#f2a65a"),
    ("#5b2a86", "#c3a6e8"),
    ("#7a1f3d", "#f08aa8"),
    ("#2f4858", "#86bbd8"),
    ("#3d5a1a", "#b5d67a"),
    ("#6b4e16", "#e8c468"),
]
THEME_PALETTES = {
    "energy": 7, "water": 0, "health": 4, "housing": 2, "mobility": 5, "agriculture": 6,
    "social": 3, "environment": 1, "education": 2, "digital_inclusion": 3,
}  # fmt: skip
# One motif per theme, drawn on a 320 × 120 canvas (path data; {x} shifts it along the width).
MOTIFS = {
    "energy": "M{x} 10 L{x2} 62 L{x1} 62 L{x3} 112 L{x4} 52 L{x5} 52 Z",
    "water": "M0 {y} q40 -22 80 0 t80 0 t80 0 t80 0 V120 H0 Z",
    "health": "M{x1} 22 h24 v26 h26 v24 h-26 v26 h-24 v-26 h-26 v-24 h26 Z",
    "housing": "M{x} 20 L{x6} 60 V108 H{x7} V60 Z",
    "mobility": "M0 96 H320 V104 H0 Z M{x1} 80 a16 16 0 1 0 0.1 0 Z M{x5} 80 a16 16 0 1 0 0.1 0 Z",
    "agriculture": "M{x} 108 C{x7} 60 {x6} 30 {x5} 14 C{x1} 40 {x} 70 {x} 108 Z",
    "social": "M{x1} 60 a22 22 0 1 0 0.1 0 Z M{x5} 60 a22 22 0 1 0 0.1 0 Z M{x7} 110 h110 v-8 "
    "a40 30 0 0 0 -110 0 Z",
    "environment": "M{x} 14 L{x6} 92 H{x7} Z M{x2} 92 h16 v18 h-16 Z",
    "education": "M{x1} 30 h50 v66 h-50 Z M{x3} 30 h50 v66 h-50 Z",
    "digital_inclusion": "M{x1} 24 h96 v60 h-96 Z M{x2} 92 h48 v8 h-48 Z",
}


def _digest(text: str) -> int:
    return int.from_bytes(hashlib.blake2s(text.encode(), digest_size=4).digest(), "big")


def initials(name: str) -> str:
    """Up to two initials of the significant words ("Ville de Nantes" → "VN")."""
    small = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "pour", "sur", "au"}
    words = name.replace("'", " ").replace("’", " ").replace("-", " ").split()
    significant = [w for w in words if w.lower() not in small] or words
    return "".join(w[0] for w in significant[:2]).upper() or "?"


@lru_cache(maxsize=512)
def logo_svg(name: str, size: int = 48) -> str:
    background, _motif = PALETTES[_digest(name) % len(PALETTES)]
    return (
        f'<svg class="picture-logo" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" '
        f'width="{size}" height="{size}" aria-hidden="true" focusable="false">'
        f'<rect width="48" height="48" rx="10" fill="{background}"/>'
        f'<text x="24" y="31" text-anchor="middle" font-family="system-ui, sans-serif" '
        f'font-size="18" font-weight="700" fill="#ffffff">{escape(initials(name))}</text></svg>'
    )


@lru_cache(maxsize=512)
def cover_svg(title: str, theme: str, width: int = 320) -> str:
    """A banner `width` × 120 (320 for a card, wider for a page's head) in the theme's colours,
    its motif placed by the title; it takes its box's width and keeps its proportions."""
    background, motif = PALETTES[THEME_PALETTES.get(theme, _digest(title) % len(PALETTES))]
    x = (width - 320) // 2 + 150 + _digest(title) % 120
    shifts = {
        "x": x, "x1": x - 40, "x2": x - 20, "x3": x + 10, "x4": x + 30, "x5": x + 40,
        "x6": x + 50, "x7": x - 50, "y": 70 + _digest(title) % 20,
    }  # fmt: skip
    path = MOTIFS.get(theme, MOTIFS["social"]).format(**shifts)
    path = path.replace("H320", f"H{width}").replace("t80 0 V120", f"t80 0 {_waves(width)}V120")
    return (
        f'<svg class="picture-cover" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} 120" '
        'width="100%" aria-hidden="true" focusable="false">'
        f'<rect width="{width}" height="120" fill="{background}"/>'
        f'<circle cx="{40 + _digest(theme + title) % 60}" cy="30" r="60" fill="{motif}" '
        'fill-opacity="0.18"/>'
        f'<path d="{path}" fill="{motif}" fill-opacity="0.85"/></svg>'
    )


def _waves(width: int) -> str:
    """The water motif's waves continued over a wider banner."""
    return "t80 0 " * max(0, (width - 320) // 80)
