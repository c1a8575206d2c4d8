from django import template
from django.db.models import Prefetch

from reserve.sprints.charts import charts
from reserve.sprints.models import Measurement

register = template.Library()


@register.inclusion_tag("sprints/_space_block.html")
def sprint_block(challenge):
    """The sprint in the team space: its goal, the latest check-in and the indicators' charts."""
    indicators = challenge.indicators.prefetch_related(
        Prefetch("measurements", queryset=Measurement.objects.order_by("date"))
    )
    return {
        "challenge": challenge,
        "plan": challenge.sprint_plan if hasattr(challenge, "sprint_plan") else None,
        "latest": challenge.checkins.first(),
        "charts": charts(indicators),
    }
