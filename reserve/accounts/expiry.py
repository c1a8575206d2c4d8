"""Every kind of account expires (GDPR storage limitation).

An account with no login for INACTIVE_ACCOUNT_REMINDER_DAYS gets a reminder; unless the person
logs in within INACTIVE_ACCOUNT_DELETE_AFTER_REMINDER_DAYS, it is deleted like a deletion the
person asks for (services.delete_account). A sign-up whose address was never confirmed is deleted
after UNCONFIRMED_ACCOUNT_DELETE_DAYS, without a reminder to an address that may not be theirs.
Superusers are the operator's and are left to them, so that a site never loses its last one.
"""

import logging
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.db.models.functions import Coalesce
from django.utils import timezone

from reserve.core import notify
from reserve.core.audit import SYSTEM, record

from .models import User
from .services import delete_account

logger = logging.getLogger(__name__)


def expirable():
    return User.objects.filter(is_active=True, is_superuser=False).annotate(
        last_seen=Coalesce("last_login", "date_joined")
    )


def remind_inactive(now=None) -> int:
    """E-mail each account idle for the reminder delay, once; returns how many were reminded."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.INACTIVE_ACCOUNT_REMINDER_DAYS)
    due = expirable().filter(last_seen__lt=cutoff, inactivity_reminded_at__isnull=True)
    deadline = now + timedelta(days=settings.INACTIVE_ACCOUNT_DELETE_AFTER_REMINDER_DAYS)
    return for_each(due, lambda user: _remind(user, now, deadline), job="remind")


def delete_inactive(now=None) -> int:
    """Delete the accounts reminded long enough ago that have not logged in since."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.INACTIVE_ACCOUNT_DELETE_AFTER_REMINDER_DAYS)
    due = expirable().filter(inactivity_reminded_at__lt=cutoff)
    return for_each(due, _delete, job="delete inactive")


def delete_unconfirmed(now=None) -> int:
    """Delete the sign-ups never confirmed nor logged into after the short delay."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.UNCONFIRMED_ACCOUNT_DELETE_DAYS)
    pending = EmailAddress.objects.filter(user=OuterRef("pk"))
    due = (
        expirable()
        .filter(Exists(pending), date_joined__lt=cutoff, last_login__isnull=True)
        .exclude(Exists(pending.filter(verified=True)))
    )
    return for_each(due, _delete, job="delete unconfirmed")


def expire_accounts(now=None) -> dict:
    """The daily job. Unconfirmed sign-ups go first, so that none of them is ever reminded."""
    return {
        "deleted_unconfirmed": delete_unconfirmed(now),
        "deleted_inactive": delete_inactive(now),
        "reminded": remind_inactive(now),
    }


def cancel_reminder(user) -> None:
    """A login is activity: the pending deletion is off."""
    if user.inactivity_reminded_at is not None:
        User.objects.filter(pk=user.pk).update(inactivity_reminded_at=None)
        user.inactivity_reminded_at = None


def for_each(users, action, *, job: str) -> int:
    """Act on each account in its own transaction; a failure is logged and the job goes on."""
    done = 0
    for user in list(users):
        try:
            with transaction.atomic():
                action(user)
        except Exception:
            logger.exception("Account expiry (%s) failed for account #%s", job, user.pk)
        else:
            done += 1
    return done


def _remind(user, now, deadline) -> None:
    User.objects.filter(pk=user.pk).update(inactivity_reminded_at=now)
    notify.tell(
        [user],
        "accounts/email/inactivity_reminder",
        {
            "user": user,
            "deadline": deadline,
            "idle_days": settings.INACTIVE_ACCOUNT_REMINDER_DAYS,
        },
        url="/compte/login/",
        kind="accounts.inactivity",
    )
    record(SYSTEM, "account.inactivity_reminded", user)


def _delete(user) -> None:
    delete_account(user, actor=SYSTEM)
