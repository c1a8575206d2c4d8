"""The design system's template tags (docs/design-system.md): icons, status badges, empty
states, steppers and charts. Each renders a template of core/components/: its markup is in one
place."""

from django import template
from django.utils.html import format_html
from lucide.templatetags.lucide import lucide

from ..components import bar_chart_geometry, status_tone

register = template.Library()


@register.simple_tag
def icon(name: str, size: int = 20):
    """A Lucide icon, decorative: the text next to it says what it means."""
    return lucide(name, size=size, aria_hidden="true", focusable="false", **{"class": "icon"})


@register.inclusion_tag("core/components/status_badge.html")
def status_badge(obj_or_value, label=None, field="status"):
    """The one badge for every lifecycle status: `{% status_badge challenge %}` reads the object's
    status and its display; `{% status_badge "pending" _("En attente") %}` takes both."""
    if label is None and hasattr(obj_or_value, field):
        value = getattr(obj_or_value, field)
        label = getattr(obj_or_value, f"get_{field}_display")()
    else:
        value = obj_or_value
    tone = status_tone(str(value))
    return {"value": value, "label": label or value, "tone": tone.name, "icon_name": tone.icon}


@register.inclusion_tag("core/components/empty.html")
def empty_state(title, text="", action_url="", action_label="", icon_name="inbox"):
    return {
        "title": title,
        "text": text,
        "action_url": action_url,
        "action_label": action_label,
        "icon_name": icon_name,
    }


@register.inclusion_tag("core/components/stepper.html")
def stepper(steps, current: int, urls=None):
    """`steps`: the step names in order; `current`: the 1-based number of the step shown;
    `urls` (optional, in the same order): where a done step can be reopened."""
    urls = urls or [""] * len(steps)
    return {
        "steps": [
            {"number": number, "name": name, "state": _step_state(number, current), "url": url}
            for number, (name, url) in enumerate(zip(steps, urls, strict=True), start=1)
        ],
        "current": current,
        "total": len(steps),
    }


def _step_state(number: int, current: int) -> str:
    if number < current:
        return "done"
    return "current" if number == current else "todo"


@register.inclusion_tag("core/components/chart.html")
def bar_chart(rows, caption, value_label, unit=""):
    """Horizontal bars drawn on the server as SVG, with the same figures as a table."""
    return {
        "bars": bar_chart_geometry(rows),
        "rows": rows,
        "caption": caption,
        "value_label": value_label,
        "unit": unit,
    }


@register.simple_tag
def data_label(text):
    """The header a table cell shows above its value when the table becomes cards on a phone."""
    return format_html(' data-label="{}"', text)


@register.filter(is_safe=True)
def squash(text):
    """One line with single spaces: a <title> assembled from blocks that span lines."""
    return " ".join(str(text).split())
