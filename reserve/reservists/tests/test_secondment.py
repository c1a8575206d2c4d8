"""A declared secondment counts only once the employer confirmed it."""

import pytest
from django.core import mail
from django.urls import reverse

from reserve.core.models import AuditEntry
from reserve.organisations.models import Membership, Part, Verification
from reserve.organisations.tests.factories import MembershipFactory, OrganisationFactory
from reserve.reservists.models import Profile, Secondment

from .factories import ProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def company():
    return OrganisationFactory(name="Numéra Conseil", parts=Part.EMPLOYER.value)


@pytest.fixture
def manager(company):
    return MembershipFactory(organisation=company, role=Membership.Role.ADMIN).user


@pytest.fixture
def colleague(company):
    return MembershipFactory(organisation=company).user


def declare(client, profile, company):
    client.force_login(profile.user)
    client.post(
        reverse("reservists:step", args=["engagement"]),
        {"engagement": "seconded", "employer": company.pk, "consent_data_use": "on"},
    )
    client.post(
        reverse("reservists:step", args=["detachement"]),
        {"hours_per_month_granted": "12", "agreement": "signed"},
    )
    profile.refresh_from_db()
    return profile


def employer_list(client, manager, company) -> str:
    client.force_login(manager)
    return client.get(reverse("reservists:employer", args=[company.pk])).content.decode()


def decide(client, member, company, profile, name):
    client.force_login(member)
    url = reverse("reservists:decide_secondment", args=[company.pk, profile.pk, name])
    return client.post(url, follow=True)


def test_a_declared_secondment_waits_and_the_employer_members_are_asked(
    client, company, manager, colleague, run_tasks
):
    profile = declare(client, ProfileFactory(user__last_name="Salarie"), company)
    run_tasks()

    assert profile.secondment == Secondment.PENDING
    assert sorted(m.to[0] for m in mail.outbox) == sorted([manager.email, colleague.email])
    assert "se dit détaché·e par Numéra Conseil" in mail.outbox[0].subject
    assert f"/reserve/employeur/{company.pk}/detachements/" in mail.outbox[0].body
    page = employer_list(client, manager, company)
    assert "Salarie" not in page
    assert "1 détachement attend votre confirmation" in page
    client.force_login(profile.user)
    dashboard = client.get(reverse("reservists:dashboard")).content.decode()
    assert "En attente de la confirmation de l&#x27;employeur" in dashboard


def test_a_member_confirms_and_the_person_appears_and_is_told(
    client, company, manager, colleague, run_tasks
):
    profile = declare(client, ProfileFactory(user__last_name="Salarie"), company)
    run_tasks()
    mail.outbox.clear()

    page = decide(client, colleague, company, profile, "confirm").content.decode()
    run_tasks()

    assert "la personne est prévenue" in page
    assert Profile.objects.get().secondment == Secondment.CONFIRMED
    assert "Salarie" in employer_list(client, manager, company)
    assert [m.to for m in mail.outbox] == [[profile.user.email]]
    assert "a confirmé votre détachement" in mail.outbox[0].subject
    assert AuditEntry.objects.get(action="secondment.confirm").actor == colleague


def test_a_refused_secondment_stays_off_the_list_and_the_person_sees_it(client, company, manager):
    profile = declare(client, ProfileFactory(user__last_name="Salarie"), company)

    decide(client, manager, company, profile, "refuse")

    assert "Salarie" not in employer_list(client, manager, company)
    client.force_login(profile.user)
    dashboard = client.get(reverse("reservists:dashboard")).content.decode()
    assert "Refusé par l&#x27;employeur" in dashboard


def test_only_members_of_the_verified_employer_decide(client, company):
    profile = declare(client, ProfileFactory(), company)
    stranger = MembershipFactory(organisation__parts=Part.EMPLOYER.value).user

    assert decide(client, stranger, company, profile, "confirm").status_code == 403
    company.verification = Verification.PENDING
    company.save()
    member = MembershipFactory(organisation=company).user
    assert decide(client, member, company, profile, "confirm").status_code == 403
    assert Profile.objects.get().secondment == Secondment.PENDING


def test_choosing_another_employer_asks_again(client, company, manager):
    profile = declare(client, ProfileFactory(), company)
    decide(client, manager, company, profile, "confirm")
    other = OrganisationFactory(parts=Part.EMPLOYER.value)

    profile = declare(client, profile, other)

    assert profile.secondment == Secondment.PENDING
    assert not Profile.objects.seconded_by(company).exists()


def test_the_public_figure_counts_confirmed_secondments_only(client, company, manager):
    from django.apps import apps

    def figure():
        counters = apps.get_app_config("reservists").public_counters()
        return {c.key: c.value for c in counters}["seconded"]

    profile = declare(client, ProfileFactory(), company)
    assert figure() == 0

    decide(client, manager, company, profile, "confirm")
    assert figure() == 1
