import pytest
from django.core.exceptions import PermissionDenied

from reserve.challenges.models import TimelineEvent
from reserve.core.models import AuditEntry
from reserve.sprints import plan
from reserve.sprints.models import SprintPlan

from .factories import deliverable


def test_the_team_writes_the_plan_and_the_change_is_on_the_timeline(sprint):
    plan.save_plan(sprint.member, sprint.challenge, {"goal": "Un nouvel objectif"})

    assert SprintPlan.objects.get().goal == "Un nouvel objectif"
    events = TimelineEvent.objects.filter(challenge=sprint.challenge)
    assert events.filter(text="Plan de sprint modifié", note="Un nouvel objectif").exists()
    assert AuditEntry.objects.filter(action="sprint.plan_saved").exists()


def test_only_staff_validate_and_a_later_change_asks_for_validation_again(sprint):
    sprint_plan = SprintPlan.objects.get()
    with pytest.raises(PermissionDenied):
        plan.validate_plan(sprint.sponsor, sprint_plan)

    plan.validate_plan(sprint.staff, sprint_plan)
    assert SprintPlan.objects.get().is_validated

    plan.add_deliverable(
        sprint.sponsor,
        sprint.challenge,
        {"name": "Étude", "kind": "study", "due_date": sprint.challenge.sprint_end},
    )
    assert not SprintPlan.objects.get().is_validated


def test_people_outside_the_team_and_the_sponsor_cannot_write_the_plan(sprint):
    with pytest.raises(PermissionDenied):
        plan.save_plan(sprint.outsider, sprint.challenge, {"goal": "Autre chose"})
    with pytest.raises(PermissionDenied):
        plan.save_plan(sprint.referent, sprint.challenge, {"goal": "Autre chose"})
    assert SprintPlan.objects.get().goal != "Autre chose"


def test_a_delivered_deliverable_stays_on_the_plan(sprint):
    item = deliverable(sprint.challenge)
    item.delivered_at = sprint.challenge.updated_at
    item.save()

    with pytest.raises(PermissionDenied):
        plan.remove_deliverable(sprint.member, item)
