import pytest
from django.core import mail

from reserve.core.models import AuditEntry
from reserve.organisations.models import Membership, Organisation, Verification
from reserve.organisations.permissions import can_act_for
from reserve.organisations.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

NEW_ORGANISATION = {
    "name": "Mairie de Pessac",
    "kind": "local_authority",
    "part_choices": ["sponsor", "distributor"],
    "siret": "732 829 320 00074",
    "city": "Pessac",
}


def test_declaring_an_organisation_makes_me_its_admin_and_asks_staff(
    client, user, staff, run_tasks
):
    client.force_login(user)

    response = client.post("/organisations/nouvelle/", NEW_ORGANISATION)
    run_tasks()

    organisation = Organisation.objects.get()
    assert response["Location"] == f"/organisations/{organisation.pk}/"
    assert (organisation.siret, organisation.parts) == ("73282932000074", "sponsor distributor")
    assert organisation.verification == Verification.PENDING
    assert organisation.memberships.get().user == user
    assert organisation.memberships.get().is_admin
    assert [m.to for m in mail.outbox] == [[staff.email]]
    assert AuditEntry.objects.about(organisation).get().action == "organisation.created"


def test_an_invalid_siret_is_refused_next_to_the_field(client, user):
    client.force_login(user)

    bad_siret = {**NEW_ORGANISATION, "siret": "12345678901234"}

    response = client.post("/organisations/nouvelle/", bad_siret)

    assert "Ce numéro SIRET n&#x27;est pas valide" in response.content.decode()
    assert not Organisation.objects.exists()


def test_a_pending_organisation_cannot_act_and_is_hidden_from_strangers(client, user):
    membership = MembershipFactory(organisation__verification=Verification.PENDING)
    client.force_login(user)

    response = client.get(membership.organisation.get_absolute_url())

    assert response.status_code == 403
    assert "pas encore été vérifiée" in response.content.decode()
    assert not can_act_for(membership.user, membership.organisation)


def test_staff_verify_an_organisation_and_members_are_told(client, staff, run_tasks):
    membership = MembershipFactory(organisation__verification=Verification.PENDING)
    client.force_login(staff)

    client.post(f"/organisations/{membership.organisation.pk}/verifier/", {"decision": "verify"})
    run_tasks()

    membership.organisation.refresh_from_db()
    assert membership.organisation.is_verified
    assert can_act_for(membership.user, membership.organisation)
    assert mail.outbox[-1].to == [membership.user.email]
    assert "est vérifiée" in mail.outbox[-1].subject


def test_a_refusal_needs_a_reason(client, staff):
    organisation = OrganisationFactory(verification=Verification.PENDING)
    client.force_login(staff)

    response = client.post(
        f"/organisations/{organisation.pk}/verifier/", {"decision": "reject"}, follow=True
    )

    organisation.refresh_from_db()
    assert organisation.verification == Verification.PENDING
    assert "« Refuser la vérification » demande un motif" in response.content.decode()


def test_only_staff_see_the_review_queue(client, user):
    client.force_login(user)

    assert client.get("/organisations/a-verifier/").status_code == 403
    assert client.post("/organisations/1/verifier/", {"decision": "verify"}).status_code == 403


def test_an_admin_adds_and_removes_a_member(client, user, run_tasks):
    from reserve.accounts.tests.factories import UserFactory

    admin = MembershipFactory(user=user, role=Membership.Role.ADMIN)
    newcomer = UserFactory()
    client.force_login(user)
    url = f"/organisations/{admin.organisation.pk}/membres/"

    client.post(url + "ajouter/", {"email": newcomer.email.upper(), "role": "member"})
    added = Membership.objects.get(user=newcomer)
    client.post(url + f"{added.pk}/retirer/")

    assert not Membership.objects.filter(user=newcomer).exists()
    assert AuditEntry.objects.filter(action="organisation.member_removed").exists()


def test_adding_an_unknown_email_says_so(client, user):
    admin = MembershipFactory(user=user, role=Membership.Role.ADMIN)
    client.force_login(user)

    response = client.post(
        f"/organisations/{admin.organisation.pk}/membres/ajouter/",
        {"email": "inconnu@exemple.fr", "role": "member"},
    )

    assert response.status_code == 400
    assert "Aucun compte n&#x27;utilise cette adresse" in response.content.decode()


def test_the_last_admin_cannot_be_removed(client, user):
    admin = MembershipFactory(user=user, role=Membership.Role.ADMIN)
    client.force_login(user)

    response = client.post(
        f"/organisations/{admin.organisation.pk}/membres/{admin.pk}/retirer/", follow=True
    )

    assert "au moins un administrateur" in response.content.decode()
    assert Membership.objects.filter(pk=admin.pk).exists()


def test_a_plain_member_cannot_manage(client, user):
    member = MembershipFactory(user=user)
    client.force_login(user)
    pk = member.organisation.pk

    assert client.get(f"/organisations/{pk}/modifier/").status_code == 403
    response = client.post(f"/organisations/{pk}/membres/ajouter/", {"email": user.email})
    assert response.status_code == 403


def test_the_directory_lists_only_verified_organisations(client):
    OrganisationFactory(name="Vérifiée")
    OrganisationFactory(name="En attente", verification=Verification.PENDING)

    page = client.get("/organisations/").content.decode()

    assert "Vérifiée" in page
    assert "En attente" not in page
