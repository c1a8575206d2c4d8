"""Organisation verification moves only through its lifecycle, whoever asks."""

import pytest
from django.core import mail
from django.urls import reverse

from reserve.accounts.tests.factories import UserFactory
from reserve.core import stats
from reserve.core.models import AuditEntry, Notification
from reserve.organisations.models import Membership, Organisation, Verification
from reserve.organisations.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user(db):
    return UserFactory(is_staff=True, is_superuser=True)


def test_the_admin_cannot_flip_the_status_directly(client, admin_user):
    organisation = OrganisationFactory(verification=Verification.PENDING, name="Mairie")
    client.force_login(admin_user)
    url = reverse("admin:organisations_organisation_change", args=[organisation.pk])

    client.post(
        url,
        {
            "name": "Mairie",
            "kind": organisation.kind,
            "parts": organisation.parts,
            "verification": Verification.VERIFIED,
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )

    organisation.refresh_from_db()
    assert organisation.verification == Verification.PENDING
    assert "readonly" in client.get(url).content.decode()


def test_the_admin_action_verifies_through_the_service(client, admin_user, run_tasks):
    membership = MembershipFactory(organisation__verification=Verification.PENDING)
    organisation = membership.organisation
    client.force_login(admin_user)

    client.post(
        reverse("admin:organisations_organisation_changelist"),
        {"action": "verify", "_selected_action": [organisation.pk]},
    )
    run_tasks()

    organisation.refresh_from_db()
    assert organisation.is_verified
    entry = AuditEntry.objects.get(action="organisation.verify")
    assert (entry.actor, entry.data["from_status"]) == (admin_user, Verification.PENDING)
    assert [m.to for m in mail.outbox] == [[membership.user.email]]


def test_verifying_refreshes_the_public_counters(staff, django_capture_on_commit_callbacks):
    from reserve.organisations import services

    organisation = OrganisationFactory(verification=Verification.PENDING)
    before = {c.key: c.value for c in stats.counters()}["organisations"]

    with django_capture_on_commit_callbacks(execute=True):
        services.verify_organisation(staff, organisation, verified=True)

    assert {c.key: c.value for c in stats.counters()}["organisations"] == before + 1


def test_a_refused_organisation_asks_again_and_staff_are_told(client, staff):
    membership = MembershipFactory(
        organisation__verification=Verification.REJECTED,
        organisation__verification_note="SIRET inconnu",
        role=Membership.Role.ADMIN,
    )
    organisation = membership.organisation
    client.force_login(membership.user)

    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "Redemander la vérification" in page
    client.post(reverse("organisations:transition", args=[organisation.pk, "resubmit"]))

    organisation.refresh_from_db()
    assert organisation.verification == Verification.PENDING
    assert Notification.objects.filter(user=staff, kind="organisations.to_verify").exists()
    assert AuditEntry.objects.get(action="organisation.resubmit").actor == membership.user


def test_a_plain_member_cannot_ask_again(client):
    membership = MembershipFactory(organisation__verification=Verification.REJECTED)
    client.force_login(membership.user)

    response = client.post(
        reverse("organisations:transition", args=[membership.organisation.pk, "resubmit"]),
        follow=True,
    )

    assert "Seuls les administrateurs de l&#x27;organisation" in response.content.decode()
    assert Organisation.objects.get().verification == Verification.REJECTED


def test_staff_withdraw_a_verification_with_a_reason(client, staff, run_tasks):
    membership = MembershipFactory()
    organisation = membership.organisation
    client.force_login(staff)
    url = reverse("organisations:transition", args=[organisation.pk, "withdraw"])

    client.post(url, {"note": ""})
    assert Organisation.objects.get().is_verified

    client.post(url, {"note": "Structure dissoute"})
    run_tasks()

    organisation.refresh_from_db()
    assert (organisation.verification, organisation.verification_note) == (
        Verification.REJECTED,
        "Structure dissoute",
    )
    assert "Motif : Structure dissoute" in mail.outbox[-1].body
    entry = AuditEntry.objects.get(action="organisation.withdraw")
    assert (entry.actor, entry.data["note"]) == (staff, "Structure dissoute")
