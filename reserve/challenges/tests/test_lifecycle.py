import pytest
from django.core import mail

from reserve.accounts.tests.factories import UserFactory
from reserve.challenges import services
from reserve.challenges.models import Decision, Status, TimelineEvent
from reserve.core.lifecycle import TransitionRefused
from reserve.core.models import AuditEntry, Notification

from .factories import ReferentFactory, RoleSlotFactory

pytestmark = pytest.mark.django_db


def advance(actor, challenge, *names, note="Motif."):
    for name in names:
        challenge = services.transition(actor, challenge, name, note)
    return challenge


def test_it_walks_the_whole_lifecycle_from_draft_to_archived(challenge, sponsor, staff):
    challenge = advance(sponsor, challenge, "submit")
    challenge = advance(staff, challenge, "start_qualification")
    challenge = advance(staff, challenge, "request_information")
    challenge = advance(sponsor, challenge, "submit")
    challenge = advance(staff, challenge, "start_qualification")
    RoleSlotFactory(challenge=challenge)
    challenge.sprint_start = "2026-12-01"
    challenge.save()
    statuses = []
    for name in ["qualify", "form_team", "start_sprint", "deliver", "follow_impact", "close",
                 "archive"]:  # fmt: skip
        challenge = advance(staff, challenge, name)
        statuses.append(challenge.status)

    assert statuses == [
        Status.QUALIFIED, Status.TEAM_FORMING, Status.IN_SPRINT, Status.DELIVERED,
        Status.IMPACT_FOLLOW_UP, Status.CLOSED, Status.ARCHIVED,
    ]  # fmt: skip
    assert challenge.submitted_at
    assert challenge.decided_at
    assert challenge.team_formed_at
    transitions = TimelineEvent.objects.filter(challenge=challenge).exclude(to_status="")
    assert transitions.count() == 12
    assert AuditEntry.objects.filter(action="challenge.qualify").count() == 1


def test_submitting_sets_the_qualification_deadline_from_the_setting(challenge, sponsor, settings):
    settings.CHALLENGE_QUALIFICATION_DAYS = 3

    challenge = advance(sponsor, challenge, "submit")

    assert (challenge.qualification_due - challenge.submitted_at).days == 3


def test_an_illegal_transition_is_refused_with_an_explanation(challenge, staff):
    with pytest.raises(TransitionRefused) as refusal:
        services.transition(staff, challenge, "deliver")

    assert "le défi est « Brouillon »" in str(refusal.value)
    assert "Sprint en cours" in str(refusal.value)
    challenge.refresh_from_db()
    assert challenge.status == Status.DRAFT


def test_a_sponsor_cannot_fire_a_staff_transition(challenge, sponsor):
    challenge = advance(sponsor, challenge, "submit")

    with pytest.raises(TransitionRefused, match="réservé à l'équipe du programme"):
        services.transition(sponsor, challenge, "start_qualification")


def test_a_member_of_another_organisation_cannot_submit(challenge):
    stranger = UserFactory()

    with pytest.raises(TransitionRefused, match="organisation vérifiée"):
        services.transition(stranger, challenge, "submit")


def test_go_needs_role_slots_and_sprint_dates(challenge, sponsor, staff):
    challenge = advance(sponsor, challenge, "submit")
    challenge = advance(staff, challenge, "start_qualification")

    with pytest.raises(TransitionRefused, match="au moins un rôle"):
        services.decide_challenge(staff, challenge, Decision.GO, "Très bon défi.")


def test_a_decision_needs_a_rationale(challenge, sponsor, staff):
    challenge = advance(sponsor, challenge, "submit")
    challenge = advance(staff, challenge, "start_qualification")

    with pytest.raises(TransitionRefused, match="demande un motif"):
        services.decide_challenge(staff, challenge, Decision.NO_GO, "  ")


def test_the_decision_and_its_rationale_reach_the_submitter(challenge, sponsor, staff, run_tasks):
    challenge = advance(sponsor, challenge, "submit")
    challenge = advance(staff, challenge, "start_qualification")
    run_tasks()
    mail.outbox.clear()

    services.decide_challenge(staff, challenge, Decision.NO_GO, "Hors du champ du programme.")
    run_tasks()

    to_sponsor = [m for m in mail.outbox if sponsor.email in m.to]
    assert len(to_sponsor) == 1
    assert "Non retenu" in to_sponsor[0].subject
    assert "Hors du champ du programme." in to_sponsor[0].body
    assert Notification.objects.filter(user=sponsor, text__contains="Non retenu").exists()


def test_a_declined_challenge_can_be_made_public(challenge, sponsor, staff):
    challenge = advance(sponsor, challenge, "submit")
    challenge = advance(staff, challenge, "start_qualification")

    challenge = services.decide_challenge(
        staff, challenge, Decision.NO_GO, "Déjà couvert.", make_public=True
    )

    assert challenge.is_public


def test_submission_notifies_staff_and_invites_the_referents(challenge, sponsor, staff, run_tasks):
    ReferentFactory(challenge=challenge, email="agnes@gironde.gouv.fr")

    advance(sponsor, challenge, "submit")
    run_tasks()

    recipients = {address for message in mail.outbox for address in message.to}
    assert staff.email in recipients
    invitation = next(m for m in mail.outbox if m.to == ["agnes@gironde.gouv.fr"])
    assert "/defis/invitation/" in invitation.body
    assert Notification.objects.filter(user=staff, url=challenge.get_workspace_url()).exists()
