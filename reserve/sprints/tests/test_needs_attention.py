"""A sprint's check-in and hours to validate wait on the right people's home pages."""

from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from reserve.sprints import checkins


def home(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("accounts:dashboard")).text


def data():
    return {
        "week": timezone.localdate(),
        "progress": "Maquette testée avec deux mairies.",
        "blockers": "",
        "help_needed": "",
        "confidence": "on_track",
    }


def test_the_weeks_check_in_waits_on_the_team_until_posted(client, sprint):
    assert "Faites le point de la semaine : Sobriété des mairies" in home(client, sprint.member)

    checkins.post_checkin(sprint.member, sprint.challenge, data(), {sprint.member: Decimal(6)})

    assert "Faites le point de la semaine" not in home(client, sprint.member)


def test_declared_hours_wait_on_the_sponsor_until_validated(client, sprint):
    checkins.post_checkin(sprint.member, sprint.challenge, data(), {sprint.member: Decimal(6)})

    page = home(client, sprint.sponsor)
    assert "Validez les heures déclarées : Sobriété des mairies" in page
    assert reverse("sprints:hours", args=[sprint.challenge.pk]) in page

    checkins.validate_hours(sprint.sponsor, sprint.challenge.hours_entries.all())
    assert "Validez les heures déclarées" not in home(client, sprint.sponsor)
