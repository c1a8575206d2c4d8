"""Tell people something: an in-app notification, and the e-mail that goes with it when asked.

Every app tells people through `tell` (accounts) or `email` (addresses with no account, such
as a LightsOff reporter's), so that the rules hold everywhere:

- what is said comes from templates, `<template>_subject.txt` (the e-mail's subject and the
  in-app notification's text) and `<template>.txt` (the e-mail's body), rendered in the active
  language with `site_url` and `link` (the absolute address of `url`) in their context;

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

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.utils import timezone

from .models import Notification

UNREAD_CACHE_SECONDS = 300
TEXT_MAX = 300
SUBJECT_MAX = 200


def tell(
    users: Iterable,
    template: str,
    context: dict | None = None,
    *,
    url: str = "",
    kind: str = "",
    email: bool = True,
    essential: bool = True,
) -> list[Notification]:
    """Notify each person once in the app and, unless `email` is False, by e-mail.

    `template` names `<template>_subject.txt` and `<template>.txt` (e.g.
    "teams/email/invitation"); `url` is where the notification leads (a path on this site).
    Returns the notifications created.
    """
    people = distinct(users)
    if not people:
        return []
    subject, body = render(template, context, url)
    created = Notification.objects.bulk_create(
        Notification(user=person, kind=kind, text=subject[:TEXT_MAX], url=url) for person in people
    )
    forget_unread(person.pk for person in people)
    if email:
        for person in people:
            if wants_email(person, essential=essential):
                send_mail(subject[:SUBJECT_MAX], body, None, [person.email])
    return created


def email(
    addresses: Iterable[str], template: str, context: dict | None = None, *, essential=True
) -> int:
    """E-mail addresses that may have no account (a reporter, a shopkeeper), each once.

    An address that belongs to an account follows that person's choice about non-essential
    e-mails. Returns how many e-mails were queued.
    """
    from django.contrib.auth import get_user_model

    wanted = {}
    for address in addresses:
        if address and address.lower() not in wanted:
            wanted[address.lower()] = address
    if not wanted:
        return 0
    if not essential:
        quiet = (
            get_user_model()
            .objects.annotate(address=Lower("email"))
            .filter(address__in=list(wanted), receive_optional_emails=False)
        )
        for address in quiet.values_list("address", flat=True):
            wanted.pop(address, None)
    subject, body = render(template, context, "")
    for address in wanted.values():
        send_mail(subject[:SUBJECT_MAX], body, None, [address])
    return len(wanted)


def render(template: str, context: dict | None, url: str) -> tuple[str, str]:
    """The subject (one line) and the body of a message, in the active language."""
    context = {"site_url": settings.SITE_URL, "link": settings.SITE_URL + url if url else ""} | (
        context or {}
    )
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    return subject, render_to_string(f"{template}.txt", context)


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
