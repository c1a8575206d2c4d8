import pytest
from django.urls import reverse

from reserve.accounts.tests.factories import UserFactory
from reserve.reservists.models import SavedSearch

from .factories import AvailabilityPeriodFactory, ProfileFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["profile", "profileskill", "availabilityperiod", "savedsearch"])
def test_the_admin_lists_filters_and_searches_every_model(client, model):
    admin = UserFactory(is_staff=True, is_superuser=True)
    profile = ProfileFactory(skills={"design.ux": 2})
    AvailabilityPeriodFactory(profile=profile, start="2030-01-01", end="2030-02-01")
    SavedSearch.objects.create(owner=admin, name="UX", query="skills=design.ux")
    client.force_login(admin)
    url = reverse(f"admin:reservists_{model}_changelist")

    assert client.get(url).status_code == 200
    assert client.get(url, {"q": "design"}).status_code == 200
