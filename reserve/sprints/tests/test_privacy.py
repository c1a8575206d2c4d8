from decimal import Decimal

from django.apps import apps
from django.utils import timezone

from reserve.sprints import checkins
from reserve.sprints.models import CheckInComment


def test_a_persons_check_ins_hours_and_comments_are_in_their_data_and_go_with_them(sprint):
    data = {"week": timezone.localdate(), "progress": "Maquette prête avec Bruno.",
            "confidence": "on_track"}  # fmt: skip
    checkin = checkins.post_checkin(
        sprint.member, sprint.challenge, data, {sprint.member: Decimal(6)}
    )
    checkins.comment(sprint.referent, checkin, "Bravo !")
    config = apps.get_app_config("sprints")

    exported = config.personal_data(sprint.member)
    assert exported["checkins"][0]["progress"] == "Maquette prête avec Bruno."
    assert exported["hours"][0]["hours"] == "6.00"
    assert config.personal_data(sprint.referent)["checkin_comments"][0]["body"] == "Bravo !"

    config.forget_personal_data(sprint.referent)
    assert CheckInComment.objects.get().body == "[compte supprimé]"
