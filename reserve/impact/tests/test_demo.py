import pytest
from django.core.management import call_command
from django.urls import reverse

from reserve.impact.models import HourlyCost, Visibility
from reserve.organisations.models import Organisation
from reserve.reservists.models import Profile
from reserve.sprints.models import HoursEntry

pytestmark = pytest.mark.django_db


def test_the_demo_gives_an_employer_its_hours_and_the_closed_challenge_has_its_page(client):
    call_command("seed_demo", reservists=60, challenges=0, verbosity=0)
    employer = Organisation.objects.get(name="Numéra Conseil")
    seconded = Profile.objects.seconded_by(employer)
    assert seconded.count() >= 2
    members = list(seconded.values_list("user", flat=True))
    assert HoursEntry.objects.validated().filter(member__in=members).count() == 8
    assert HourlyCost.objects.filter(employer=employer).count() == 1
    assert Visibility.objects.filter(on_impact_pages=True).count() == 1
    page = client.get(reverse("impact:challenge", args=["canicule-personnes-isolees"]))
    content = page.content.decode()
    assert "Communes équipées" in content
    assert "La passation" in content
    call_command("seed_demo", reservists=60, challenges=0, verbosity=0)
    assert HoursEntry.objects.validated().filter(member__in=members).count() == 8
