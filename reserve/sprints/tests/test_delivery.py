from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from reserve.challenges import services as challenge_services
from reserve.challenges.models import Status, TimelineEvent
from reserve.core.lifecycle import TransitionRefused
from reserve.core.models import AuditEntry
from reserve.sprints import delivery
from reserve.sprints.forms import HandoverForm
from reserve.sprints.models import SprintPlan

from .factories import deliverable

HANDOVER = {
    "owner": "DSI de la mairie de Bordeaux",
    "licence": "EUPL-1.2",
    "hosting": "Serveurs de la ville",
    "personal_data_and_security": "Aucune donnée personnelle.",
    "impact_assessment": "not_needed",
    "impact_assessment_reason": "Pas de traitement de données personnelles.",
    "maintenance_contact": "dsi@bordeaux.fr",
    "if_nobody_takes_over": "Le code reste publié ; le service s'arrête proprement.",
}


def fill_handover(user, challenge):
    form = HandoverForm(HANDOVER)
    assert form.is_valid(), form.errors
    return delivery.save_handover(user, challenge, form)


def test_delivery_is_refused_until_mandatory_deliverables_and_acceptance(sprint):
    item = deliverable(sprint.challenge)

    with pytest.raises(TransitionRefused) as refusal:
        challenge_services.transition(sprint.staff, sprint.challenge, "deliver")
    assert "Service en ligne" in str(refusal.value)
    assert "n'a pas accepté" in str(refusal.value)

    delivery.deliver(sprint.member, item, link="https://code.example.org/mairies")
    delivery.decide_delivery(sprint.sponsor, sprint.challenge, "accepted", "")
    challenge = challenge_services.transition(sprint.staff, sprint.challenge, "deliver")

    assert challenge.status == Status.DELIVERED
    item.refresh_from_db()
    assert item.accepted_at is not None


def test_staff_override_the_delivery_guard_only_with_a_written_note(sprint):
    deliverable(sprint.challenge)

    challenge = challenge_services.transition(
        sprint.staff, sprint.challenge, "deliver", "Livré hors plateforme, validé en comité."
    )

    assert challenge.status == Status.DELIVERED
    assert TimelineEvent.objects.filter(
        challenge=challenge, note="Livré hors plateforme, validé en comité."
    ).exists()


def test_a_later_request_for_changes_withdraws_the_acceptance(sprint):
    delivery.decide_delivery(sprint.sponsor, sprint.challenge, "accepted", "")
    delivery.decide_delivery(
        sprint.sponsor, sprint.challenge, "changes_requested", "Le formulaire n'est pas accessible."
    )

    assert not delivery.accepted(sprint.challenge)
    with pytest.raises(TransitionRefused):
        challenge_services.transition(sprint.staff, sprint.challenge, "deliver")


def test_asking_for_changes_needs_a_reason_and_only_the_sponsor_decides(sprint):
    with pytest.raises(ValidationError) as refusal:
        delivery.decide_delivery(sprint.sponsor, sprint.challenge, "changes_requested", " ")
    assert "reason" in refusal.value.error_dict
    with pytest.raises(PermissionDenied):
        delivery.decide_delivery(sprint.member, sprint.challenge, "accepted", "")
    assert not sprint.challenge.delivery_decisions.exists()


def test_a_deliverable_needs_a_link_or_a_file(sprint, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    item = deliverable(sprint.challenge)
    with pytest.raises(ValidationError):
        delivery.deliver(sprint.member, item)

    upload = SimpleUploadedFile("etude.pdf", b"%PDF-1.4 etude", content_type="application/pdf")
    delivery.deliver(sprint.member, item, upload=upload)

    item.refresh_from_db()
    assert item.is_delivered
    assert item.file.name.endswith(".pdf")
    assert AuditEntry.objects.filter(action="sprint.deliverable_delivered").exists()


def test_the_handover_sheet_is_required_before_impact_follow_up(sprint):
    challenge = challenge_services.transition(sprint.staff, sprint.challenge, "deliver", "Note.")

    with pytest.raises(TransitionRefused, match="fiche de passation"):
        challenge_services.transition(sprint.staff, challenge, "follow_impact")

    fill_handover(sprint.sponsor, challenge)
    challenge = challenge_services.transition(sprint.staff, challenge, "follow_impact")
    assert challenge.status == Status.IMPACT_FOLLOW_UP


def test_the_demo_day_is_recorded_once_it_happened(sprint):
    today = timezone.localdate()
    with pytest.raises(ValidationError):
        delivery.record_demo(sprint.member, sprint.challenge, today + timedelta(days=2), "")

    delivery.record_demo(sprint.member, sprint.challenge, today, "Démo devant 12 mairies.")
    assert SprintPlan.objects.get(challenge=sprint.challenge).demo_day == today
