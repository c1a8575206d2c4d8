import markdown as markdown_lib
import nh3
from django import template
from django.utils.safestring import mark_safe

register = template.Library()

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre", "h3", "h4",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip


@register.filter
def markdown(text: str) -> str:
    """Markdown to HTML, sanitised: no script, no style, links marked rel="noopener nofollow"."""
    html = markdown_lib.markdown(text or "", extensions=["tables"], output_format="html")
    return mark_safe(  # noqa: S308 - nh3 has removed everything not on the allow-list
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            link_rel="noopener nofollow",
            url_schemes={"http", "https", "mailto"},
        )
    )


@register.filter
def percent_of(value, maximum) -> int:
    return round(100 * (value or 0) / maximum) if maximum else 0


@register.filter
def masked_email(address: str) -> str:
    """Enough of an address for its owner to recognise it, not enough to harvest it."""
    local, _at, domain = (address or "").partition("@")
    if not domain:
        return ""
    return f"{local[:1]}•••@{domain}"
