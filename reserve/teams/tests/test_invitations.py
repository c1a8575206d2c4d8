from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from reserve.accounts.tests.factories import UserFactory
from reserve.challenges.models import Application, ApplicationStatus
from reserve.challenges.tests.pages import text
from reserve.core.models import OutboxMessage
from reserve.teams import invitations
from reserve.teams.models import Invitation, InvitationStatus, Proposal
from reserve.teams.tasks import expire_invitations

from .people import reply_path, reservist

pytestmark = pytest.mark.django_db


def test_staff_invite_a_ranked_candidate_who_receives_an_email_with_the_brief(client, staff, slot):
    ines = reservist("Inès")
    client.force_login(staff)
    client.post(
        reverse("teams:invite", args=[slot.challenge.pk]), {"user": ines.pk, "slot": slot.pk}
    )
    message = OutboxMessage.objects.get()
    assert ines.email in message.recipients
    assert "Sobriété des mairies" in message.subject
    assert "4 h par semaine" in message.body
    assert "/equipes/invitation/" in message.body


def test_inviting_twice_sends_a_single_email(client, staff, slot):
    ines = reservist("Inès")
    client.force_login(staff)
    url = reverse("teams:invite", args=[slot.challenge.pk])
    client.post(url, {"user": ines.pk, "slot": slot.pk})
    response = client.post(url, {"user": ines.pk, "slot": slot.pk}, follow=True)
    assert "déjà invitée" in response.text
    assert OutboxMessage.objects.count() == 1


def test_sending_a_proposal_invites_everyone_it_assigns(client, staff, slot):
    ines = reservist("Inès")
    client.force_login(staff)
    client.post(reverse("teams:run"))
    proposal = Proposal.objects.get()
    client.post(reverse("teams:send_invitations", args=[proposal.pk]))
    invitation = Invitation.objects.get()
    assert (invitation.user, invitation.slot, invitation.proposal) == (ines, slot, proposal)
    assert invitation.explanation


def test_accepting_from_the_link_puts_the_person_in_the_team(client, staff, slot):
    invitation = invitations.invite(staff, slot, reservist("Inès"))
    client.force_login(invitation.user)
    response = client.post(reply_path(invitation), {"answer": "accept"})
    assert "Vous faites partie de l" in response.text
    assert Application.objects.get(user=invitation.user, slot=slot).status == (
        ApplicationStatus.ACCEPTED
    )


def test_a_reused_link_says_it_works_once(client, staff, slot):
    invitation = invitations.invite(staff, slot, reservist("Inès"))
    client.force_login(invitation.user)
    client.post(reply_path(invitation), {"answer": "accept"})
    client.force_login(invitation.user)
    response = client.post(reply_path(invitation), {"answer": "decline"})
    assert response.status_code == 410
    assert "ce lien ne sert qu" in response.text


def test_an_expired_link_says_so(client, staff, slot):
    invitation = invitations.invite(staff, slot, reservist("Inès"))
    Invitation.objects.update(deadline=timezone.now() - timedelta(minutes=1))
    client.force_login(invitation.user)
    response = client.get(reply_path(invitation))
    assert response.status_code == 410
    assert "Cette invitation a expiré" in response.text


def test_a_tampered_link_says_it_is_not_valid(client, user):
    client.force_login(user)
    response = client.get(reverse("teams:reply", args=["abc"]))
    assert response.status_code == 410
    assert "n&#x27;est pas valide" in response.text


def test_a_reply_without_an_answer_is_shown_again_with_the_error(client, staff, slot):
    invitation = invitations.invite(staff, slot, reservist("Inès"))
    client.force_login(invitation.user)
    response = client.post(reply_path(invitation), {"reason": "Je pars"})
    assert response.status_code == 400
    assert "Ce champ est obligatoire" in response.text
    assert "Je pars" in response.text


def test_after_a_decline_staff_are_offered_the_next_candidate(client, staff, slot):
    ines = reservist("Inès", level=3)
    paul = reservist("Paul", level=2)
    invitation = invitations.invite(staff, slot, ines)
    client.force_login(invitation.user)
    client.post(reply_path(invitation), {"answer": "decline", "reason": "Pas le temps"})
    client.force_login(staff)
    index = client.get(reverse("teams:index")).text
    assert "Pas le temps" in index
    page = client.get(reverse("teams:candidates", args=[slot.challenge.pk])).text
    assert paul.display_name in page
    assert ines.display_name not in page


def test_the_periodic_task_expires_overdue_invitations(staff, slot, run_tasks):
    invitation = invitations.invite(staff, slot, reservist("Inès"))
    Invitation.objects.update(deadline=timezone.now() - timedelta(minutes=1))
    expire_invitations.enqueue()
    run_tasks()
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.EXPIRED
    assert list(Invitation.objects.to_replace()) == [invitation]


def test_a_reservist_sees_their_invitation_in_the_app(client, staff, slot):
    invitation = invitations.invite(staff, slot, reservist("Inès"))
    client.force_login(invitation.user)
    page = client.get(reverse("teams:my_invitations")).text
    assert "Sobriété des mairies" in page
    detail = client.get(invitation.get_absolute_url())
    assert reply_path(invitation) in detail.text


def test_a_reservist_cannot_see_another_persons_invitation(client, staff, slot):
    invitation = invitations.invite(staff, slot, reservist("Inès"))
    client.force_login(reservist("Paul"))
    response = client.get(invitation.get_absolute_url())
    assert response.status_code == 404


def test_a_reservist_cannot_invite(client, slot):
    paul = reservist("Paul")
    client.force_login(paul)
    response = client.post(
        reverse("teams:invite", args=[slot.challenge.pk]), {"user": paul.pk, "slot": slot.pk}
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_when_the_slot_fills_the_overbooked_invitation_is_closed_with_thanks(client, staff, slot):
    slot.overbooking = 1
    slot.save()
    first = invitations.invite(staff, slot, reservist("Inès"))
    second = invitations.invite(staff, slot, reservist("Paul"))
    client.force_login(first.user)
    client.post(reply_path(first), {"answer": "accept"})
    second.refresh_from_db()
    assert second.status == InvitationStatus.FILLED
    thanks = OutboxMessage.objects.filter(recipients__contains=second.user.email).latest("pk")
    assert "a été pourvue, merci" in thanks.subject
    client.force_login(second.user)
    response = client.post(reply_path(second), {"answer": "accept"})
    assert response.status_code == 410
    assert "La place a été pourvue entre-temps" in response.text
    assert Application.objects.filter(slot=slot).count() == 1
    client.force_login(second.user)
    assert "la place a été pourvue par une autre personne" in (
        client.get(reverse("teams:my_invitations")).text
    )
    assert "cette invitation est close" in client.get(second.get_absolute_url()).text


def test_only_the_invited_person_may_answer_through_the_link(client, staff, slot):
    invitation = invitations.invite(staff, slot, reservist("Inès"))
    client.force_login(UserFactory(email="paul@example.org", is_reservist=True))

    page = client.get(reply_path(invitation))
    client.post(reply_path(invitation), {"answer": "accept"})

    assert page.status_code == 403
    assert "adressée à quelqu'un d'autre" in text(page)
    assert "Me reconnecter avec l'adresse invitée" in text(page)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING
    assert not Application.objects.exists()


def test_the_expiry_job_logs_a_refusal_and_goes_on(staff, slot, monkeypatch, caplog):
    from reserve.teams import replies

    slot.count = 2
    slot.save(update_fields=["count"])
    late = invitations.invite(staff, slot, reservist("Inès"))
    in_time = invitations.invite(staff, slot, reservist("Paul"))
    Invitation.objects.filter(pk=late.pk).update(deadline=timezone.now() - timedelta(hours=1))
    # As if the second one had been answered in time while the job was running.
    monkeypatch.setattr(
        Invitation.objects,
        "overdue",
        lambda now: Invitation.objects.filter(pk__in=[in_time.pk, late.pk]).order_by("-pk"),
    )

    assert replies.expire_overdue() == 1

    late.refresh_from_db()
    in_time.refresh_from_db()
    assert (late.status, in_time.status) == (InvitationStatus.EXPIRED, InvitationStatus.PENDING)
    assert "n'est pas passé" in caplog.text
