import factory

from reserve.accounts.tests.factories import UserFactory
from reserve.apps.lightsoff.models import Category, Shop
from reserve.reservists.tests.factories import ProfileFactory

BORDEAUX = (44.8410, -0.5730)


class ShopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Shop

    name = factory.Sequence(lambda n: f"Boutique {n}")
    category = Category.CLOTHES
    address = "12 rue Sainte-Catherine"
    city = "Bordeaux"
    commune = "33063"
    lat = BORDEAUX[0]
    lon = BORDEAUX[1]
    phone = "05 56 00 00 00"
    opening_hours = "Mo-Sa 10:00-19:00"
    osm_id = factory.Sequence(lambda n: f"node/{n}")


class ReservistFactory(UserFactory):
    """A reservist with a confirmed (complete, consented) profile: the contact queue is open."""

    is_reservist = True

    @factory.post_generation
    def profile(obj, create, extracted, **kwargs):
        if create:
            ProfileFactory(user=obj, skills={"design.ux": 2})
