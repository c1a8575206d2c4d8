"""Tell people something: an in-app notification, and the e-mail that goes with it when asked.

Every app notifies through `notify`, so that the rules hold everywhere:

- each person is told once per call, however often they appear in `users`;
- the e-mail goes through the outbox (`send_mail`, see mail.py), in the caller's transaction;
- a non-essential e-mail (`essential=False`: reminders, news of a challenge…) is not sent to
  people who turned those off on their profile; they still get the in-app notification.
  Invitations, security and account e-mails are essential and always sent.

The header shows how many notifications are unread; that count is cached per person and
forgotten whenever it changes.
"""

from collections.abc import Iterable
from functools import partial

from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .models import Notification

UNREAD_CACHE_SECONDS = 300
TEXT_MAX = 300
SUBJECT_MAX = 200


def notify(
    users: Iterable,
    text: str,
    url: str = "",
    *,
    kind: str = "",
    email_subject: str | None = None,
    email_body: str | None = None,
    essential: bool = True,
) -> list[Notification]:
    """Notify each person once in the app and, when a subject or a body is given, by e-mail.

    `url` is where the notification leads (a path on this site). The e-mail's subject defaults
    to `text` and its body to `text` too. Returns the notifications created.
    """
    people = distinct(users)
    if not people:
        return []
    text = str(text)[:TEXT_MAX]
    created = Notification.objects.bulk_create(
        Notification(user=person, kind=kind, text=text, url=url) for person in people
    )
    forget_unread(person.pk for person in people)
    if email_subject is not None or email_body is not None:
        subject = " ".join(str(email_subject if email_subject is not None else text).split())
        body = str(email_body if email_body is not None else text)
        for person in people:
            if wants_email(person, essential=essential):
                send_mail(subject[:SUBJECT_MAX], body, None, [person.email])
    return created


def distinct(users: Iterable) -> list:
    """The people in `users`, each once (by account, then by address), in their first order."""
    seen_pks, seen_emails, people = set(), set(), []
    for person in users:
        if person is None or person.pk is None:
            continue
        email = (person.email or "").lower()
        if person.pk in seen_pks or (email and email in seen_emails):
            continue
        seen_pks.add(person.pk)
        seen_emails.add(email)
        people.append(person)
    return people


def wants_email(person, *, essential: bool) -> bool:
    if not person.email:
        return False
    return essential or getattr(person, "receive_optional_emails", True)


def unread_count(user) -> int:
    """How many notifications the person has not seen yet: one query, then cached."""
    if not user.is_authenticated:
        return 0
    key = _unread_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.filter(user=user).unread().count()
        cache.set(key, count, UNREAD_CACHE_SECONDS)
    return count


def mark_read(user) -> int:
    """Every notification of the person is now read; returns how many were not."""
    count = Notification.objects.filter(user=user).unread().update(read_at=timezone.now())
    forget_unread([user.pk])
    return count


def forget_unread(user_pks: Iterable[int]) -> None:
    """Drop the cached counts now and again at commit (a reader may cache the old count between)."""
    keys = [_unread_key(pk) for pk in user_pks]
    if keys:
        cache.delete_many(keys)
        transaction.on_commit(partial(cache.delete_many, keys))


def _unread_key(user_pk: int) -> str:
    return f"notifications:unread:{user_pk}"
