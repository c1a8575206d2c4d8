import pytest

from reserve.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["proposal", "invitation", "teamlink"])
def test_staff_can_browse_and_search_teams_records(client, model):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.get(f"/admin/teams/{model}/?q=personne")

    assert response.status_code == 200


def test_statuses_are_read_only_in_the_admin(client, staff, slot):
    from reserve.challenges.models import Application
    from reserve.teams import invitations

    from .people import reservist

    invitation = invitations.invite(staff, slot, reservist("Inès"))
    application = Application.objects.create(slot=slot, user=reservist("Paul"))
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    pages = [
        client.get(f"/admin/teams/invitation/{invitation.pk}/change/"),
        client.get(f"/admin/challenges/application/{application.pk}/change/"),
    ]
    for page in pages:
        assert page.status_code == 200
        assert 'name="status"' not in page.text
        assert "En attente" in page.text

    client.post(
        f"/admin/challenges/application/{application.pk}/change/",
        {"slot": slot.pk, "user": application.user_id, "status": "accepted", "message": ""},
    )
    application.refresh_from_db()
    assert application.status == "pending"
