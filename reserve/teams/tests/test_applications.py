import pytest
from django.urls import reverse

from reserve.challenges.models import Application, ApplicationStatus, Status
from reserve.challenges.tests.factories import ChallengeFactory, RoleSlotFactory
from reserve.core.models import Notification, OutboxMessage
from reserve.reservists.tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def applications():
    challenge = ChallengeFactory(title="Sobriété des mairies", status=Status.TEAM_FORMING)
    slot = RoleSlotFactory(challenge=challenge, count=3)
    return [
        Application.objects.create(slot=slot, user=ProfileFactory(user__first_name=name).user)
        for name in ("Inès", "Paul")
    ]


def test_staff_see_pending_applications_from_the_catalogue(client, staff, applications):
    client.force_login(staff)
    page = client.get(reverse("teams:applications")).text
    assert "Sobriété des mairies" in page
    assert applications[0].user.display_name in page


def test_staff_validate_applications_in_bulk_and_each_person_is_told(client, staff, applications):
    client.force_login(staff)
    client.post(
        reverse("teams:applications"),
        {"applications": [a.pk for a in applications], "decision": "accept"},
    )
    statuses = set(Application.objects.values_list("status", flat=True))
    assert statuses == {ApplicationStatus.ACCEPTED}
    assert OutboxMessage.objects.count() == 2
    ines = applications[0].user
    assert Notification.objects.filter(user=ines, text__contains="Sobriété des mairies").exists()
    client.force_login(ines)
    assert "Sobriété des mairies" in client.get(reverse("accounts:notifications")).text


def test_staff_decline_one_application(client, staff, applications):
    client.force_login(staff)
    client.post(
        reverse("teams:applications"), {"applications": [applications[0].pk], "decision": "decline"}
    )
    applications[0].refresh_from_db()
    applications[1].refresh_from_db()
    assert applications[0].status == ApplicationStatus.DECLINED
    assert applications[1].status == ApplicationStatus.PENDING


def test_a_decision_without_applications_is_explained_next_to_the_field(
    client, staff, applications
):
    client.force_login(staff)
    response = client.post(reverse("teams:applications"), {"decision": "accept"})
    assert response.status_code == 400
    assert "Cochez au moins une candidature." in response.text


def test_a_reservist_cannot_decide_applications(client, applications):
    client.force_login(applications[0].user)
    response = client.post(
        reverse("teams:applications"),
        {"applications": [applications[0].pk], "decision": "accept"},
    )
    assert response.status_code == 403
    applications[0].refresh_from_db()
    assert applications[0].status == ApplicationStatus.PENDING
