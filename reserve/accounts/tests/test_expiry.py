from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from reserve.accounts import expiry
from reserve.accounts.models import User
from reserve.accounts.tests.factories import PASSWORD, UserFactory
from reserve.core.models import AuditEntry
from reserve.organisations.models import Kind
from reserve.organisations.tests.factories import MembershipFactory
from reserve.reservists.tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def idle(days, **kwargs):
    return UserFactory(last_login=NOW - timedelta(days=days), **kwargs)


@pytest.fixture(autouse=True)
def delays(settings):
    settings.INACTIVE_ACCOUNT_REMINDER_DAYS = 365
    settings.INACTIVE_ACCOUNT_DELETE_AFTER_REMINDER_DAYS = 61
    settings.UNCONFIRMED_ACCOUNT_DELETE_DAYS = 7


def test_every_kind_of_idle_account_is_reminded_once(run_tasks):
    reservist = ProfileFactory(user__last_login=NOW - timedelta(days=400)).user
    civil_servant = MembershipFactory(user=idle(400), organisation__kind=Kind.LOCAL_AUTHORITY).user
    company = MembershipFactory(user=idle(400), organisation__kind=Kind.COMPANY).user
    staff = idle(400, is_staff=True)
    idle(300)

    assert expiry.remind_inactive(NOW) == 4
    assert expiry.remind_inactive(NOW + timedelta(days=1)) == 0
    run_tasks()

    told = sorted(m.to[0] for m in mail.outbox)
    assert told == sorted(u.email for u in (reservist, civil_servant, company, staff))
    assert "depuis 365 jours" in mail.outbox[0].body
    assert "seront supprimés le" in mail.outbox[0].body


def test_an_account_that_never_logged_in_counts_from_its_sign_up():
    UserFactory(date_joined=NOW - timedelta(days=400))

    assert expiry.remind_inactive(NOW) == 1


def test_a_reminded_account_is_deleted_after_the_delay_by_the_platform():
    person = MembershipFactory(user=idle(400, last_name="Zqxnom")).user
    expiry.remind_inactive(NOW)

    assert expiry.delete_inactive(NOW + timedelta(days=60)) == 0
    assert expiry.delete_inactive(NOW + timedelta(days=62)) == 1

    assert not User.objects.filter(pk=person.pk).exists()
    deleted = AuditEntry.objects.get(action="account.deleted")
    assert (deleted.actor, deleted.data) == (None, {"user_id": person.pk, "by_platform": True})
    assert not AuditEntry.objects.filter(target_repr__icontains="Zqxnom").exists()


def test_logging_in_after_the_reminder_cancels_the_deletion(client):
    person = idle(400)
    expiry.remind_inactive(NOW)

    client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    expiry.delete_inactive(NOW + timedelta(days=62))

    person.refresh_from_db()
    assert person.inactivity_reminded_at is None


def test_a_sign_up_never_confirmed_is_deleted_after_the_short_delay():
    unconfirmed = UserFactory(date_joined=NOW - timedelta(days=8))
    EmailAddress.objects.filter(user=unconfirmed).update(verified=False)
    recent = UserFactory(date_joined=NOW - timedelta(days=6))
    EmailAddress.objects.filter(user=recent).update(verified=False)
    confirmed = UserFactory(date_joined=NOW - timedelta(days=8))

    assert expiry.expire_accounts(NOW)["deleted_unconfirmed"] == 1

    assert set(User.objects.values_list("pk", flat=True)) == {recent.pk, confirmed.pk}
    assert mail.outbox == []


def test_superusers_are_left_to_the_operator():
    idle(400, is_staff=True, is_superuser=True)

    assert expiry.remind_inactive(NOW) == 0


def test_one_failure_does_not_stop_the_job(monkeypatch):
    first, second = idle(400), idle(400)
    User.objects.filter(pk__in=[first.pk, second.pk]).update(
        inactivity_reminded_at=NOW - timedelta(days=70)
    )
    real_delete = expiry.delete_account

    def fail_for_first(user, actor=None):
        if user.pk == first.pk:
            raise RuntimeError("disk full")
        real_delete(user, actor=actor)

    monkeypatch.setattr(expiry, "delete_account", fail_for_first)

    assert expiry.delete_inactive(NOW) == 1
    assert list(User.objects.values_list("pk", flat=True)) == [first.pk]


def test_the_daily_job_is_registered_with_the_scheduler():
    from reserve.core import schedule

    names = [task.module_path for task, _ in schedule.periodic_tasks()]
    assert "reserve.accounts.tasks.expire_accounts" in names


def test_the_privacy_page_gives_the_delays_in_force(client, settings):
    settings.INACTIVE_ACCOUNT_REMINDER_DAYS = 400
    settings.INACTIVE_ACCOUNT_DELETE_AFTER_REMINDER_DAYS = 30
    settings.UNCONFIRMED_ACCOUNT_DELETE_DAYS = 3

    page = client.get("/donnees-personnelles/").content.decode()

    assert "sans connexion depuis 400 jours" in page
    assert "dans les 30 jours qui suivent" in page
    assert "jamais été confirmée est supprimée après 3 jours" in page
