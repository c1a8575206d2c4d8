from django import template

from ..models import Organisation

register = template.Library()


@register.inclusion_tag("organisations/_dashboard_block.html", takes_context=True)
def my_organisations(context):
    """The person's organisations and their verification, for their dashboard."""
    user = context["request"].user
    return {"organisations": Organisation.objects.of_member(user)}
