from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reserve.apps.lightsoff.models import Campaign, Report
from reserve.organisations.tests.factories import MembershipFactory, OrganisationFactory

from .factories import ShopFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(user):
    MembershipFactory(user=user)
    return user


def create(client, organisation, **fields):
    data = {
        "organisation": organisation.pk,
        "title": "Nuit des vitrines",
        "night": (timezone.localdate() + timedelta(days=7)).isoformat(),
        "cities": "Bordeaux, Lyon",
        "meeting_points": "Place de la Bourse, 22 h",
        "goal": 50,
        **fields,
    }
    return client.post(reverse("lightsoff:campaign_create"), data)


def test_an_association_member_creates_a_night_of_action(client, member):
    client.force_login(member)
    organisation = member.memberships.get().organisation

    response = create(client, organisation)

    campaign = Campaign.objects.get()
    assert response.url == reverse("lightsoff:campaign", args=[campaign.pk])
    assert campaign.city_list == ["Bordeaux", "Lyon"]


def test_someone_outside_any_organisation_cannot_create_one(client, user):
    client.force_login(user)

    assert client.get(reverse("lightsoff:campaign_create")).status_code == 403


def test_a_member_cannot_create_one_for_another_organisation(client, member):
    client.force_login(member)

    response = create(client, OrganisationFactory())

    assert "organisation" in response.context["form"].errors
    assert not Campaign.objects.exists()


def test_a_night_in_the_past_is_refused_keeping_the_input(client, member):
    client.force_login(member)

    response = create(
        client, member.memberships.get().organisation, night="2020-01-01", title="Ancienne"
    )

    assert "Cette date est passée" in response.content.decode()
    assert "Ancienne" in response.content.decode()


def test_people_join_and_the_page_counts_that_nights_reports_by_city(client, member, user):
    campaign = Campaign.objects.create(
        organisation=member.memberships.get().organisation,
        title="Nuit",
        night=timezone.localdate(),
        cities="Bordeaux, Lyon",
        goal=4,
    )
    tonight = timezone.make_aware(datetime.combine(timezone.localdate(), time(23)))
    for shop in [ShopFactory(), ShopFactory(), ShopFactory(city="Lyon"), ShopFactory(city="Paris")]:
        Report.objects.create(
            shop=shop, element="vitrine", seen_at=tonight, verdict="violation",
            rule_reference="", created_at=tonight,
        )  # fmt: skip
    client.force_login(member)
    client.post(reverse("lightsoff:campaign_join", args=[campaign.pk]))

    page = client.get(reverse("lightsoff:campaign", args=[campaign.pk]))

    counts = page.context["counts"]
    assert counts["participants"] == 1
    assert counts["shops"] == 3
    assert counts["percent"] == 75
    assert [row["city"] for row in counts["ranking"]] == ["Bordeaux", "Lyon"]
