import pytest

from reserve.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["proposal", "invitation", "teamlink"])
def test_staff_can_browse_and_search_teams_records(client, model):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.get(f"/admin/teams/{model}/?q=personne")

    assert response.status_code == 200
