"""`{% logo organisation %}` and `{% cover challenge %}`: pictures drawn in code (core/pictures)."""

from django import template
from django.utils.safestring import mark_safe

from reserve.core import pictures

register = template.Library()


@register.simple_tag
def logo(organisation, size: int = 48):
    # Safe: the SVG is ours and the only text in it, the initials, is escaped.
    return mark_safe(pictures.logo_svg(organisation.name, int(size)))  # noqa: S308


@register.simple_tag
def cover(challenge, width=320):
    theme = (challenge.themes.split() or [""])[0]
    return mark_safe(pictures.cover_svg(challenge.title, theme, int(width)))  # noqa: S308
