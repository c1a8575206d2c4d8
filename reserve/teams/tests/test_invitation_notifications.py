import pytest
from django.urls import reverse

from reserve.core.models import Notification, OutboxMessage
from reserve.reservists.tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db


def test_an_invitation_arrives_in_the_app_and_by_email_even_when_optional_emails_are_off(
    client, staff, slot
):
    ines = ProfileFactory(
        user__first_name="Inès", user__receive_optional_emails=False, skills={"tech.backend": 3}
    ).user
    client.force_login(staff)

    client.post(
        reverse("teams:invite", args=[slot.challenge.pk]), {"user": ines.pk, "slot": slot.pk}
    )

    notification = Notification.objects.get(user=ines)
    invitation = ines.team_invitations.get()
    assert notification.kind == "teams.invitation"
    assert notification.url == reverse("teams:invitation", args=[invitation.pk])
    assert "Sobriété des mairies" in notification.text
    assert OutboxMessage.objects.get().recipients_list == [ines.email]
    client.force_login(ines)
    page = client.get(reverse("accounts:notifications")).text
    assert f'href="{notification.url}"' in page
    assert client.get(notification.url).status_code == 200
