import pytest
from django.urls import reverse

from reserve.organisations.models import Membership, Part
from reserve.organisations.tests.factories import MembershipFactory, OrganisationFactory
from reserve.reservists.models import Engagement, Secondment

from .factories import ProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def company():
    return OrganisationFactory(name="Numéra Conseil", parts=Part.EMPLOYER.value)


def seconded(company, last_name, **kwargs):
    return ProfileFactory(
        user__last_name=last_name,
        engagement=Engagement.SECONDED,
        employer=company,
        secondment=kwargs.pop("secondment", Secondment.CONFIRMED),
        hours_per_month_granted=12,
        hours_per_week=2,
        **kwargs,
    )


def test_a_company_admin_sees_its_seconded_reservists_and_their_hours(client, company):
    admin = MembershipFactory(organisation=company, role=Membership.Role.ADMIN).user
    seconded(company, "Salarie")
    ProfileFactory(user__last_name="Benevole")
    client.force_login(admin)

    page = client.get(reverse("reservists:employer", args=[company.pk])).content.decode()

    assert "Salarie" in page
    assert "Benevole" not in page
    assert "<td>12</td>" in page
    assert "<td>9</td>" in page  # 2 h a week ≈ 9 h a month, within the 12 granted


def test_the_company_sees_no_private_field_beyond_consent(client, company):
    admin = MembershipFactory(organisation=company, role=Membership.Role.ADMIN).user
    shy = seconded(company, "Discret", skills={"design.ux": 3}, bio="Ma vie privée")
    shy.user.phone = "0611111111"
    shy.user.save()
    seconded(company, "Ouvert", skills={"tech.data": 2}, consent_employer_sees_skills=True)
    client.force_login(admin)

    page = client.get(reverse("reservists:employer", args=[company.pk])).content.decode()

    assert "Data (À l&#x27;aise)" in page
    assert "Design UX" not in page
    assert "Ma vie privée" not in page
    assert "0611111111" not in page
    assert shy.user.email not in page


def test_a_plain_member_or_another_company_cannot_see_the_list(client, company):
    member = MembershipFactory(organisation=company, role=Membership.Role.MEMBER).user
    client.force_login(member)

    assert client.get(reverse("reservists:employer", args=[company.pk])).status_code == 403


def test_an_organisation_that_is_not_an_employer_has_no_such_page(client, staff):
    sponsor = OrganisationFactory(parts=Part.SPONSOR.value)
    client.force_login(staff)

    assert client.get(reverse("reservists:employer", args=[sponsor.pk])).status_code == 403


def test_the_account_dashboard_links_admins_to_the_employer_view(client, company):
    admin = MembershipFactory(organisation=company, role=Membership.Role.ADMIN).user
    client.force_login(admin)

    page = client.get(reverse("accounts:dashboard")).content.decode()

    assert reverse("reservists:employer", args=[company.pk]) in page
