"""Bar widths as CSS classes: the Content-Security-Policy allows no inline style attribute."""

from django import template

register = template.Library()


@register.filter
def width_class(percent) -> str:
    """`{{ 37|width_class }}` -> "w-35": the width, to the nearest 5 %, of a class in site.css."""
    try:
        value = float(percent)
    except (TypeError, ValueError):
        value = 0
    return f"w-{min(100, max(0, round(value / 5) * 5))}"
