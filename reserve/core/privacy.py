"""What identifies a person in text, and how apps erase it when the person leaves.

Each app that stores personal data gives its AppConfig:

- `personal_data(user) -> dict`: what the person may download;
- `forget_personal_data(user) -> None`: called by the account deletion before the user row
  goes, so that no row keeps the person's name, e-mail addresses, phone or what they wrote;
- `personal_data_models`: the labels of its models that hold data about a person, and
  `personal_data_exempt`: `{label: reason}` for a model with a user link that holds none. The
  system check in `reserve.accounts.checks` compares them with the models themselves.

Lines written by others that name the person (a timeline line, a staff notification, an
e-mail about them) are kept with the person's identifiers replaced by `REDACTED`.
"""

import json
import re
from dataclasses import dataclass
from email.utils import parseaddr

from django.db.models import Q

REDACTED = "[compte supprimé]"
# A name this short ("Li") would redact inside unrelated words.
MIN_NEEDLE_LENGTH = 3


@dataclass(frozen=True)
class Identity:
    """The strings that name a person: what must not survive their account."""

    pk: int
    needles: tuple[str, ...]
    emails: frozenset[str]

    def redact(self, text: str) -> str:
        if not text or not self.needles:
            return text
        return self._pattern().sub(REDACTED, text)

    def _pattern(self):
        # Whole words only: "Roux" goes, "Rouxel" (someone else) stays.
        alternatives = "|".join(re.escape(n) for n in self.needles)
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)

    def mentioned_in(self, *fields: str) -> Q:
        """Rows whose given text (or JSON) fields contain any of the person's identifiers."""
        # SQLite stores JSON with non-ASCII characters escaped ("L\\u00e9a").
        variants = {v for n in self.needles for v in (n, json.dumps(n)[1:-1])}
        condition = Q(pk__in=[])
        for field in fields:
            for needle in variants:
                condition |= Q(**{f"{field}__icontains": needle})
        return condition


def identity_of(user) -> Identity:
    """The person's identifiers, read once per user object (before anything is deleted)."""
    cached = getattr(user, "_privacy_identity", None)
    if cached is not None:
        return cached
    emails = {user.email.lower()} | {a.email.lower() for a in user.emailaddress_set.all()}
    emails.discard("")
    candidates = {
        *emails,
        user.get_full_name(),
        f"{user.last_name} {user.first_name}",
        user.last_name,
        user.phone,
        user.phone.replace(" ", ""),
        user.display_name,
    }
    needles = sorted(
        {c.strip() for c in candidates if len(c.strip()) >= MIN_NEEDLE_LENGTH},
        key=len,
        reverse=True,
    )
    user._privacy_identity = Identity(user.pk, tuple(needles), frozenset(emails))
    return user._privacy_identity


def redact_rows(queryset, identity: Identity, fields: list[str]) -> int:
    """Replace the person's identifiers in `fields` of the rows that mention them."""
    count = 0
    for row in queryset.filter(identity.mentioned_in(*fields)):
        for field in fields:
            value = getattr(row, field)
            setattr(row, field, redact_value(value, identity) if value is not None else value)
        row.save(update_fields=fields)
        count += 1
    return count


def redact_value(value, identity: Identity):
    if isinstance(value, str):
        return identity.redact(value)
    if isinstance(value, list):
        return [redact_value(item, identity) for item in value]
    if isinstance(value, dict):
        return {key: redact_value(item, identity) for key, item in value.items()}
    return value


def outbox_messages_to(addresses) -> list:
    """The outbox messages addressed to any of `addresses` (To, Cc or Bcc), oldest first."""
    from .models import OutboxMessage  # apps.py imports this module before models are ready

    wanted = {a.lower() for a in addresses}
    if not wanted:
        return []
    candidates = Q(pk__in=[])
    for address in wanted:
        candidates |= Q(recipients__icontains=address) | Q(cc__icontains=address)
        candidates |= Q(bcc__icontains=address)
    found = []
    for message in OutboxMessage.objects.filter(candidates).order_by("created_at", "pk"):
        listed = [*message.recipients_list, *message.cc, *message.bcc]
        if wanted & {parseaddr(r)[1].lower() for r in listed}:
            found.append(message)
    return found
