from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from reserve.core.models import AuditEntry, Notification
from reserve.sprints import checkins
from reserve.sprints.models import CheckIn, HoursEntry, Reminder, monday


def data(**fields):
    return {
        "week": timezone.localdate(),
        "progress": "Maquette testée avec deux mairies.",
        "blockers": "",
        "help_needed": "",
        "confidence": "on_track",
        **fields,
    }


def test_a_member_posts_a_check_in_with_their_hours(sprint):
    checkins.post_checkin(sprint.member, sprint.challenge, data(), {sprint.member: Decimal(6)})

    entry = HoursEntry.objects.get()
    assert (entry.member, entry.hours, entry.flagged) == (sprint.member, Decimal(6), False)
    assert entry.week == monday(timezone.localdate())
    assert AuditEntry.objects.filter(action="sprint.checkin_posted").count() == 1


def test_someone_not_on_the_team_cannot_post_a_check_in(sprint):
    with pytest.raises(PermissionDenied):
        checkins.post_checkin(sprint.outsider, sprint.challenge, data(), {})
    with pytest.raises(PermissionDenied):
        checkins.post_checkin(sprint.sponsor, sprint.challenge, data(), {})
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize("days", [-40, 60])
def test_a_week_outside_the_sprint_is_refused(sprint, days):
    week = timezone.localdate() + timedelta(days=days)

    with pytest.raises(ValidationError) as refusal:
        checkins.post_checkin(sprint.member, sprint.challenge, data(week=week), {})

    assert "week" in refusal.value.error_dict
    assert not CheckIn.objects.exists()


def test_more_than_sixty_hours_a_week_are_flagged_not_refused(sprint):
    checkins.post_checkin(sprint.member, sprint.challenge, data(), {sprint.member: Decimal(70)})

    assert HoursEntry.objects.get().flagged


def test_only_the_lead_declares_the_hours_of_others(sprint):
    with pytest.raises(ValidationError) as refusal:
        checkins.post_checkin(sprint.member, sprint.challenge, data(), {sprint.lead: Decimal(5)})
    assert "hours" in refusal.value.error_dict

    checkins.post_checkin(
        sprint.lead, sprint.challenge, data(), {sprint.lead: Decimal(5), sprint.member: Decimal(8)}
    )
    assert HoursEntry.objects.count() == 2


def test_hours_for_someone_off_the_team_are_refused(sprint):
    with pytest.raises(ValidationError):
        checkins.post_checkin(sprint.lead, sprint.challenge, data(), {sprint.outsider: Decimal(5)})
    assert not HoursEntry.objects.exists()


def test_a_second_check_in_the_same_week_corrects_the_hours_until_validated(sprint):
    checkins.post_checkin(sprint.member, sprint.challenge, data(), {sprint.member: Decimal(6)})
    checkins.post_checkin(sprint.member, sprint.challenge, data(), {sprint.member: Decimal(7)})
    assert HoursEntry.objects.get().hours == Decimal(7)

    checkins.validate_hours(sprint.lead, HoursEntry.objects.all())
    with pytest.raises(ValidationError):
        checkins.post_checkin(sprint.member, sprint.challenge, data(), {sprint.member: Decimal(9)})
    assert HoursEntry.objects.get().hours == Decimal(7)


def test_hours_are_validated_by_the_lead_or_the_sponsor_never_by_the_member(sprint):
    checkins.post_checkin(
        sprint.lead, sprint.challenge, data(), {sprint.lead: Decimal(5), sprint.member: Decimal(8)}
    )
    mine = HoursEntry.objects.filter(member=sprint.lead)
    theirs = HoursEntry.objects.filter(member=sprint.member)

    with pytest.raises(PermissionDenied):
        checkins.validate_hours(sprint.member, theirs)
    with pytest.raises(PermissionDenied):
        checkins.validate_hours(sprint.lead, mine)
    assert checkins.validate_hours(sprint.lead, theirs) == 1
    assert checkins.validate_hours(sprint.sponsor, mine) == 1
    assert HoursEntry.objects.pending().count() == 0


def test_a_blocker_tells_the_sponsor_side_and_a_comment_tells_the_team(sprint):
    checkin = checkins.post_checkin(
        sprint.member, sprint.challenge, data(blockers="Pas d'accès aux données."), {}
    )
    told = set(Notification.objects.filter(kind="sprints.blocker").values_list("user", flat=True))
    assert told == {sprint.sponsor.pk, sprint.referent.pk}

    checkins.comment(sprint.referent, checkin, "Je vous mets en relation avec la DSI.")
    told = set(Notification.objects.filter(kind="sprints.comment").values_list("user", flat=True))
    assert told == {sprint.lead.pk, sprint.member.pk}
    with pytest.raises(PermissionDenied):
        checkins.comment(sprint.outsider, checkin, "Bonjour")


def test_a_missing_check_in_is_reminded_once_from_thursday(sprint, run_tasks):
    thursday = monday(timezone.localdate()) + timedelta(days=3)
    assert checkins.remind_missing_checkins(thursday - timedelta(days=1)) == 0

    assert checkins.remind_missing_checkins(thursday) == 1
    assert checkins.remind_missing_checkins(thursday + timedelta(days=1)) == 0

    assert Reminder.objects.get().on == monday(thursday)
    run_tasks()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([sprint.lead.email, sprint.member.email])


def test_a_team_that_posted_this_week_is_not_reminded(sprint):
    checkins.post_checkin(sprint.member, sprint.challenge, data(), {})
    thursday = monday(timezone.localdate()) + timedelta(days=3)

    assert checkins.remind_missing_checkins(thursday) == 0
