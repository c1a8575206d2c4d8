from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import Challenge


class ChallengeFeed(Feed):
    feed_type = Atom1Feed
    title = _("La Réserve — défis")
    subtitle = _("Les défis qualifiés et leur avancement.")
    link = reverse_lazy("challenges:catalogue")

    def items(self):
        return Challenge.objects.catalogue()[:50]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return f"{item.summary} — {item.get_status_display()}"

    def item_updateddate(self, item):
        return item.status_changed_at

    def item_pubdate(self, item):
        return item.submitted_at or item.created_at
