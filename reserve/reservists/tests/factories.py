import re

import factory

from reserve.accounts.tests.factories import UserFactory
from reserve.reservists.models import AvailabilityPeriod, Profile, ProfileSkill


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory, is_reservist=True)
    bio = "J'aime rendre service."
    themes = " energy "
    languages = " fr "
    hours_per_week = 5
    departement = "33"
    city = "Bordeaux"
    consent_data_use = True
    consent_contact_email = True

    @factory.post_generation
    def skills(obj, create, extracted, **kwargs):
        """`ProfileFactory(skills={"design.ux": 3})` gives skills with levels."""
        for code, level in (extracted or {}).items():
            ProfileSkill.objects.create(profile=obj, skill=code, level=level)
        obj.search_text = obj.build_search_text()
        obj.save()


class AvailabilityPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AvailabilityPeriod

    profile = factory.SubFactory(ProfileFactory)
    kind = AvailabilityPeriod.Kind.AVAILABLE


RESULT = re.compile(r'<h3><a href="/reserve/vivier/(\d+)/">([^<]*)</a></h3>')


def shown(response) -> list[tuple[int, str]]:
    """The results a staff search page shows, in order: (profile id, name)."""
    return [(int(pk), name) for pk, name in RESULT.findall(response.content.decode())]
