import json
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from reserve.accounts.models import User
from reserve.accounts.tests.factories import PASSWORD
from reserve.core.models import AuditEntry
from reserve.reservists import services
from reserve.reservists.models import Profile

from .factories import ProfileFactory

pytestmark = pytest.mark.django_db


def test_the_data_download_includes_the_whole_profile(client):
    profile = ProfileFactory(bio="Ma présentation", skills={"design.ux": 3})
    client.force_login(profile.user)

    data = json.loads(client.post(reverse("accounts:export")).content)

    exported = data["reservists"]["profile"]
    assert exported["bio"] == "Ma présentation"
    assert exported["skills"] == [{"skill": "design.ux", "level": 3}]
    assert exported["consents"]["data_use"] is True


def test_contact_details_are_not_shown_to_other_reservists(client):
    profile = ProfileFactory(user__phone="0611223344")
    other = ProfileFactory()
    client.force_login(other.user)

    assert client.get(reverse("reservists:profile", args=[profile.pk])).status_code == 403


@pytest.fixture
def clock():
    return timezone.now()


def test_an_inactive_reservist_is_reminded_after_a_year(settings, clock, run_tasks):
    settings.RESERVIST_INACTIVE_REMINDER_DAYS = 365
    old = ProfileFactory(last_activity=clock - timedelta(days=366))
    ProfileFactory(last_activity=clock - timedelta(days=300))

    assert services.remind_inactive(clock) == 1
    assert services.remind_inactive(clock + timedelta(days=1)) == 0
    run_tasks()

    assert [m.to for m in mail.outbox] == [[old.user.email]]
    assert "anonymisé" in mail.outbox[0].body


def test_a_reminded_reservist_is_anonymised_two_months_later(settings, clock):
    settings.RESERVIST_ANONYMISE_AFTER_REMINDER_DAYS = 61
    profile = ProfileFactory(last_activity=clock - timedelta(days=400), bio="Secret")
    services.join_pool(profile.user)
    services.set_unavailable_until(profile.user, profile, None)
    Profile.objects.filter(pk=profile.pk).update(last_activity=clock - timedelta(days=400))
    services.remind_inactive(clock)

    assert services.anonymise_inactive(clock + timedelta(days=60)) == 0
    assert services.anonymise_inactive(clock + timedelta(days=62)) == 1

    user = User.objects.get(pk=profile.user_id)
    assert not Profile.objects.exists()
    assert (user.first_name, user.is_active, user.is_reservist) == ("", False, False)
    assert user.email.endswith("@anonyme.invalid")
    assert not AuditEntry.objects.filter(target_repr__contains=profile.user.last_name).exists()


def test_logging_in_after_the_reminder_cancels_the_anonymisation(client, clock):
    profile = ProfileFactory(last_activity=clock - timedelta(days=400))
    services.remind_inactive(clock)

    client.post(reverse("account_login"), {"login": profile.user.email, "password": PASSWORD})
    services.anonymise_inactive(timezone.now() + timedelta(days=62))

    profile.refresh_from_db()
    assert profile.inactivity_reminded_at is None
    assert profile.user.is_active


def test_the_daily_job_is_registered_with_the_scheduler():
    from reserve.core import schedule

    names = [task.module_path for task, _ in schedule.periodic_tasks()]
    assert "reserve.reservists.tasks.handle_inactive_reservists" in names
