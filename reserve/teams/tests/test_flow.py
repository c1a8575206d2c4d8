"""The invitation flow: overbooking per slot, automatic replacement, reminders, the platform as
an actor, and the sponsor validating applications to their own challenges."""

import re
from datetime import timedelta

import pytest
from django.apps import apps
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from reserve.accounts.tests.factories import UserFactory
from reserve.challenges import services as challenge_services
from reserve.challenges.models import Application, ApplicationStatus, Challenge, RoleSlot, Status
from reserve.challenges.tests.factories import ChallengeFactory, ReferentFactory, RoleSlotFactory
from reserve.core import audit
from reserve.core.lifecycle import TransitionRefused
from reserve.core.models import AuditEntry, OutboxMessage
from reserve.organisations.tests.factories import MembershipFactory
from reserve.teams import invitations, reminders, replies
from reserve.teams.models import Invitation, InvitationStatus, Proposal
from reserve.teams.services import start_due_sprints
from reserve.teams.tasks import expire_invitations, remind_invitations

from .people import reply_path, reservist

pytestmark = pytest.mark.django_db


@pytest.fixture
def auto_slot(slot):
    Challenge.objects.filter(pk=slot.challenge_id).update(auto_replace=True)
    slot.challenge.refresh_from_db()
    return slot


def mails_to(user):
    return OutboxMessage.objects.filter(recipients__contains=user.email)


# Overbooking


def test_a_new_slot_takes_its_overbooking_and_the_auto_mode_from_the_settings(settings):
    settings.TEAM_OVERBOOKING = 1
    settings.TEAM_AUTO_REPLACE = True
    slot = RoleSlotFactory()
    assert slot.overbooking == 1
    assert slot.challenge.auto_replace is True


def test_staff_set_the_overbooking_where_they_edit_the_role_slots(client, staff, slot):
    client.force_login(staff)
    url = reverse("challenges:team", args=[slot.challenge.pk])
    assert 'name="slots-0-overbooking"' in client.get(url).text
    data = {
        "sprint_start": slot.challenge.sprint_start.isoformat(),
        "sprint_end": "",
        "slots-TOTAL_FORMS": "1",
        "slots-INITIAL_FORMS": "1",
        "slots-MIN_NUM_FORMS": "0",
        "slots-MAX_NUM_FORMS": "20",
        "slots-0-id": slot.pk,
        "slots-0-skill": "tech.backend",
        "slots-0-level": slot.level,
        "slots-0-count": "1",
        "slots-0-hours_per_week": "4",
        "slots-0-location": "remote",
        "slots-0-overbooking": "2",
    }
    client.post(url, data)
    slot.refresh_from_db()
    assert slot.overbooking == 2


def test_without_overbooking_a_second_invitation_for_one_seat_is_refused_and_staff_told(
    client, staff, slot
):
    invitations.invite(staff, slot, reservist("Inès"))
    paul = reservist("Paul")
    client.force_login(staff)
    response = client.post(
        reverse("teams:invite", args=[slot.challenge.pk]),
        {"user": paul.pk, "slot": slot.pk},
        follow=True,
    )
    assert "Invitation non envoyée à Paul Martin" in response.text
    assert "toutes ses invitations en attente" in response.text
    assert not Invitation.objects.filter(user=paul).exists()
    assert not mails_to(paul).exists()


def test_overbooking_allows_that_many_invitations_beyond_the_seats_left(staff, slot):
    slot.overbooking = 1
    slot.save()
    assert invitations.invite(staff, slot, reservist("Inès"))
    assert invitations.invite(staff, slot, reservist("Paul"))
    with pytest.raises(invitations.SlotFull):
        invitations.invite(staff, slot, reservist("Léa"))
    assert Invitation.objects.pending().count() == 2


def test_a_filled_slot_takes_no_invitation_even_with_overbooking(staff, slot):
    slot.overbooking = 2
    slot.save()
    Application.objects.create(slot=slot, user=reservist("Inès"), status="accepted")
    with pytest.raises(invitations.SlotFull, match="est pourvu"):
        invitations.invite(staff, slot, reservist("Paul"))


def test_the_candidates_page_offers_overbooked_invitations(client, staff, slot):
    slot.overbooking = 1
    slot.save()
    invitations.invite(staff, slot, reservist("Inès"))
    paul = reservist("Paul")
    client.force_login(staff)
    page = client.get(reverse("teams:candidates", args=[slot.challenge.pk])).text
    assert "1 invitation en attente de réponse" in page
    assert "encore 1 invitation possible" in page
    assert f"Inviter {paul.display_name}" in page


def test_sending_a_proposal_says_which_invitations_were_not_sent(client, staff, slot):
    reservist("Inès")
    client.force_login(staff)
    client.post(reverse("teams:run"))
    proposal = Proposal.objects.get()
    invitations.invite(staff, slot, reservist("Paul"))  # the seat is taken meanwhile
    response = client.post(reverse("teams:send_invitations", args=[proposal.pk]), follow=True)
    assert "Invitations envoyées : 0." in response.text
    assert "Invitation non envoyée à Inès Martin" in response.text


def test_an_accepted_application_closes_the_pending_invitations_of_the_filled_slot(staff, slot):
    invitation = invitations.invite(staff, slot, reservist("Inès"))
    volunteer = Application.objects.create(slot=slot, user=reservist("Paul"))
    from reserve.teams import applications

    applications.decide(staff, Application.objects.filter(pk=volunteer.pk), accept=True)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.FILLED
    assert mails_to(invitation.user).filter(subject__contains="pourvue, merci").exists()


# Automatic replacement


def test_in_automatic_mode_a_decline_invites_the_next_candidate_by_email(client, staff, auto_slot):
    ines, paul = reservist("Inès", 3), reservist("Paul", 2)
    invitation = invitations.invite(staff, auto_slot, ines)
    client.force_login(invitation.user)
    client.post(reply_path(invitation), {"answer": "decline", "reason": "Pas le temps"})
    following = Invitation.objects.get(user=paul)
    assert following.status == InvitationStatus.PENDING
    assert following.invited_by is None
    assert {part["component"] for part in following.explanation} >= {"skill_fit", "fairness"}
    assert mails_to(paul).filter(subject__contains="Invitation à rejoindre").exists()
    entry = AuditEntry.objects.about(following).get(action="teams.invitation_sent")
    assert entry.actor is None
    assert audit.author_label(entry) == "La plateforme"
    assert not Invitation.objects.to_replace().exists()


def test_in_automatic_mode_an_expiry_invites_the_next_candidate(staff, auto_slot, run_tasks):
    ines, paul = reservist("Inès", 3), reservist("Paul", 2)
    invitations.invite(staff, auto_slot, ines)
    Invitation.objects.update(deadline=timezone.now() - timedelta(minutes=1))
    expire_invitations.enqueue()
    run_tasks()
    assert Invitation.objects.get(user=ines).status == InvitationStatus.EXPIRED
    assert Invitation.objects.get(user=paul).status == InvitationStatus.PENDING
    assert mails_to(paul).exists()


def test_the_next_candidate_excludes_team_members_and_people_already_invited(staff, auto_slot):
    second = RoleSlotFactory(challenge=auto_slot.challenge, skill="tech.backend")
    member, ines, paul = reservist("Ana", 3), reservist("Inès", 3), reservist("Paul", 2)
    Application.objects.create(slot=second, user=member, status=ApplicationStatus.ACCEPTED)
    invitation = invitations.invite(staff, auto_slot, ines)
    replies.decline(invitation.user, invitation)
    assert Invitation.objects.get(slot=auto_slot, status="pending").user == paul


def test_in_automatic_mode_with_no_candidate_left_staff_see_the_seat_to_replace(
    client, staff, auto_slot
):
    invitation = invitations.invite(staff, auto_slot, reservist("Inès"))
    client.force_login(invitation.user)
    client.post(reply_path(invitation), {"answer": "decline", "reason": "Pas le temps"})
    assert list(Invitation.objects.to_replace()) == [Invitation.objects.get(pk=invitation.pk)]
    client.force_login(staff)
    index = client.get(reverse("teams:index")).text
    assert "Pas le temps" in index
    assert "aucun autre candidat ne remplit les conditions" in index


def test_in_manual_mode_a_decline_waits_for_staff(client, staff, slot):
    reservist("Paul", 2)
    invitation = invitations.invite(staff, slot, reservist("Inès"))
    client.force_login(invitation.user)
    client.post(reply_path(invitation), {"answer": "decline"})
    assert Invitation.objects.count() == 1
    assert Invitation.objects.to_replace().get() == Invitation.objects.get(pk=invitation.pk)


def test_staff_switch_the_automatic_mode_and_reservists_cannot(client, staff, slot):
    url = reverse("teams:auto_replace", args=[slot.challenge.pk])
    client.force_login(reservist("Paul"))
    assert client.post(url, {"auto_replace": "1"}).status_code == 403
    client.force_login(staff)
    page = client.post(url, {"auto_replace": "1"}, follow=True).text
    assert "Mode automatique" in page
    slot.challenge.refresh_from_db()
    assert slot.challenge.auto_replace is True
    assert AuditEntry.objects.filter(action="teams.auto_replace", actor=staff).exists()


# The platform as an actor


def test_the_sprint_starts_in_the_platforms_name(staff, slot):
    Application.objects.create(slot=slot, user=reservist("Inès"), status="accepted")
    Challenge.objects.filter(pk=slot.challenge_id).update(sprint_start=timezone.localdate())
    assert start_due_sprints() == 1
    entry = AuditEntry.objects.get(action="challenge.start_sprint")
    assert entry.actor is None
    assert audit.author_label(entry) == "La plateforme"
    assert Challenge.objects.get(pk=slot.challenge_id).status == Status.IN_SPRINT


def test_the_platform_may_fire_only_the_transitions_meant_for_it(slot):
    with pytest.raises(TransitionRefused):
        challenge_services.transition(audit.SYSTEM, slot.challenge, "deliver")


def test_an_entry_with_no_author_left_is_not_attributed_to_the_platform(user):
    entry = audit.record(None, "account.deleted")
    assert audit.author_label(entry) == "—"


# Reminders


def test_one_reminder_before_the_deadline_even_when_the_task_runs_twice(
    staff, slot, run_tasks, settings
):
    settings.TEAM_REMINDER_HOURS = 12
    invitation = invitations.invite(staff, slot, reservist("Inès"))
    Invitation.objects.update(
        created_at=timezone.now() - timedelta(hours=42),
        deadline=timezone.now() + timedelta(hours=6),
    )
    remind_invitations.enqueue()
    run_tasks()
    remind_invitations.enqueue()
    run_tasks()
    reminders = mails_to(invitation.user).filter(subject__startswith="Rappel")
    assert reminders.count() == 1
    token = re.search(r"/equipes/invitation/([^/\s]+)/", reminders.get().body).group(1)
    assert signing.loads(token, salt=invitations.SALT) == invitation.pk
    invitation.refresh_from_db()
    assert invitation.reminded_at is not None


def test_no_reminder_while_the_deadline_is_far_nor_after_expiry(staff, slot):
    far = invitations.invite(staff, slot, reservist("Inès"))
    other = RoleSlotFactory(challenge=slot.challenge, skill="tech.backend")
    late = invitations.invite(staff, other, reservist("Paul"))
    Invitation.objects.filter(pk=late.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    assert reminders.send_reminders() == 0
    assert not OutboxMessage.objects.filter(subject__startswith="Rappel").exists()
    assert far.status == InvitationStatus.PENDING


def test_the_reminder_is_optional_mail_but_always_shown_in_the_app(staff, slot):
    from reserve.core.models import Notification

    ines = reservist("Inès")
    ines.receive_optional_emails = False
    ines.save()
    invitations.invite(staff, slot, ines)
    Invitation.objects.update(
        created_at=timezone.now() - timedelta(hours=42),
        deadline=timezone.now() + timedelta(hours=6),
    )
    assert reminders.send_reminders() == 1
    assert not mails_to(ines).filter(subject__startswith="Rappel").exists()
    assert Notification.objects.filter(user=ines, kind="teams.reminder").exists()


def test_no_reminder_for_an_invitation_sent_with_a_deadline_already_near(staff, slot, settings):
    settings.TEAM_INVITATION_HOURS = 6
    invitations.invite(staff, slot, reservist("Inès"))
    assert reminders.send_reminders() == 0


def test_no_reminder_for_an_answered_invitation(client, staff, slot):
    invitation = invitations.invite(staff, slot, reservist("Inès"))
    client.force_login(invitation.user)
    client.post(reply_path(invitation), {"answer": "decline"})
    Invitation.objects.update(deadline=timezone.now() + timedelta(hours=1))
    assert reminders.send_reminders() == 0


def test_the_reminder_task_is_scheduled():
    tasks = [task for task, _ in apps.get_app_config("teams").periodic_tasks]
    assert remind_invitations in tasks


# The sponsor validates applications


@pytest.fixture
def sponsored(slot):
    membership = MembershipFactory()
    Challenge.objects.filter(pk=slot.challenge_id).update(organisation=membership.organisation)
    RoleSlot.objects.filter(pk=slot.pk).update(count=2)
    slot.refresh_from_db()
    people = [reservist("Inès"), reservist("Paul")]
    for person in people:
        Application.objects.create(slot=slot, user=person, message=f"{person.first_name} est là")
    other = RoleSlotFactory(challenge=ChallengeFactory(status=Status.TEAM_FORMING, title="Autre"))
    Application.objects.create(slot=other, user=reservist("Léa"))
    return slot.challenge, membership.user


def test_the_sponsor_sees_and_accepts_applications_to_their_challenge_in_bulk(client, sponsored):
    challenge, sponsor = sponsored
    client.force_login(sponsor)
    workspace = client.get(challenge.get_workspace_url()).text
    url = reverse("teams:challenge_applications", args=[challenge.pk])
    assert url in workspace
    assert "Candidatures à valider (2)" in workspace
    page = client.get(url).text
    assert "Inès Martin" in page
    assert "Paul Martin" in page
    assert "Léa Martin" not in page
    assert "« Inès est là »" in page
    mine = Application.objects.filter(slot__challenge=challenge)
    client.post(url, {"applications": [a.pk for a in mine], "decision": "accept"})
    assert set(mine.values_list("status", flat=True)) == {ApplicationStatus.ACCEPTED}
    accepted = AuditEntry.objects.filter(action="application.accept", actor=sponsor)
    assert accepted.count() == 2


def test_a_referent_declines_an_application(client, sponsored):
    challenge, _ = sponsored
    agent = UserFactory()
    ReferentFactory(challenge=challenge, user=agent, email=agent.email)
    client.force_login(agent)
    application = Application.objects.filter(slot__challenge=challenge).first()
    url = reverse("teams:challenge_applications", args=[challenge.pk])
    client.post(url, {"applications": [application.pk], "decision": "decline"})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECLINED


def test_the_sponsor_cannot_decide_another_challenges_application(client, sponsored):
    challenge, sponsor = sponsored
    foreign = Application.objects.exclude(slot__challenge=challenge).get()
    client.force_login(sponsor)
    url = reverse("teams:challenge_applications", args=[challenge.pk])
    response = client.post(url, {"applications": [foreign.pk], "decision": "accept"})
    assert response.status_code == 400
    foreign.refresh_from_db()
    assert foreign.status == ApplicationStatus.PENDING
    assert client.get(reverse("teams:applications")).status_code == 403


@pytest.mark.parametrize("who", ["other_organisation", "reservist"])
def test_outsiders_cannot_see_nor_decide_a_challenges_applications(client, sponsored, who):
    challenge, _ = sponsored
    outsider = MembershipFactory().user if who == "other_organisation" else reservist("Zoé")
    client.force_login(outsider)
    url = reverse("teams:challenge_applications", args=[challenge.pk])
    assert client.get(url).status_code == 403
    application = Application.objects.filter(slot__challenge=challenge).first()
    response = client.post(url, {"applications": [application.pk], "decision": "accept"})
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING


def test_a_draft_challenges_applications_page_is_not_found_for_outsiders(client, sponsored):
    challenge, _ = sponsored
    Challenge.objects.filter(pk=challenge.pk).update(status=Status.DRAFT)
    client.force_login(MembershipFactory().user)
    url = reverse("teams:challenge_applications", args=[challenge.pk])
    assert client.get(url).status_code == 404


def test_accepting_beyond_the_seats_closes_the_extra_application_kindly(client, sponsored):
    challenge, sponsor = sponsored
    RoleSlot.objects.filter(challenge=challenge).update(count=1)
    client.force_login(sponsor)
    url = reverse("teams:challenge_applications", args=[challenge.pk])
    mine = Application.objects.filter(slot__challenge=challenge)
    response = client.post(
        url, {"applications": [a.pk for a in mine], "decision": "accept"}, follow=True
    )
    assert "Candidatures traitées : 1." in response.text
    assert "est déjà pourvu" in response.text
    assert sorted(mine.values_list("status", flat=True)) == ["accepted", "expired"]
    closed = mine.get(status="expired")
    told = OutboxMessage.objects.filter(
        recipients__contains=closed.user.email, subject__contains="close"
    )
    assert told.exists()


def test_staff_still_see_every_pending_application(client, staff, sponsored):
    client.force_login(staff)
    page = client.get(reverse("teams:applications")).text
    assert "Inès Martin" in page
    assert "Léa Martin" in page
