"""`{% impact_url challenge %}`: the address of a challenge's impact page, once it has one.

A tag, so that the challenge page links here without the challenges app importing this one."""

from django import template
from django.urls import reverse

from reserve.impact.figures import WITH_IMPACT

register = template.Library()


@register.simple_tag
def impact_url(challenge) -> str:
    return (
        reverse("impact:challenge", args=[challenge.slug])
        if challenge.status in WITH_IMPACT
        else ""
    )
