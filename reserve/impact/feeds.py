from django.contrib.syndication.views import Feed
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .opendata import recent_measurements


class ImpactFeed(Feed):
    """Each new measurement of a delivered challenge's indicator is an impact update."""

    feed_type = Atom1Feed
    title = gettext_lazy("La Réserve — impact des défis")
    subtitle = gettext_lazy("Les nouvelles mesures des indicateurs des défis livrés.")
    link = reverse_lazy("impact:programme")

    def items(self):
        return recent_measurements()

    def item_title(self, item):
        return _("%(challenge)s : %(indicator)s = %(value)s %(unit)s") % {
            "challenge": item.indicator.challenge.title,
            "indicator": item.indicator.name,
            "value": number_format(item.value.normalize()),
            "unit": item.indicator.unit,
        }

    def item_description(self, item):
        return _("Mesure du %(date)s. Source : %(source)s") % {
            "date": item.date.isoformat(),
            "source": item.source,
        }

    def item_link(self, item):
        return reverse("impact:challenge", args=[item.indicator.challenge.slug])

    def item_guid(self, item):
        return f"impact-measurement-{item.pk}"

    item_guid_is_permalink = False

    def item_updateddate(self, item):
        return item.created_at

    def item_pubdate(self, item):
        return item.created_at
