from email.utils import parseaddr

from django.db import transaction
from django.utils import timezone

from reserve.core.audit import record
from reserve.core.models import AuditEntry, OutboxMessage

from . import personal_data


def update_profile(user, form) -> None:
    """Save the profile form and note which fields changed (not their values)."""
    form.save()
    if form.changed_data:
        record(user, "account.profile_updated", user, fields=sorted(form.changed_data))


def export_personal_data(user) -> dict:
    record(user, "account.data_exported", user)
    return {"exported_at": timezone.now().isoformat(), **personal_data.export(user)}


@transaction.atomic
def delete_account(user) -> None:
    """Delete the account and what belongs to it.

    Rows that belong to the person cascade. Audit entries stay, anonymised: their author becomes
    null and entries about the account lose the name they displayed. Queued and sent e-mails to the
    person's addresses are deleted.
    """
    addresses = {a.email.lower() for a in user.emailaddress_set.all()} | {user.email.lower()}
    AuditEntry.objects.about(user).update(target_repr="")
    _delete_outbox_messages_to(addresses)
    user_id = user.pk
    user.delete()
    record(None, "account.deleted", user_id=user_id)


def _delete_outbox_messages_to(addresses: set[str]) -> None:
    for address in addresses:
        for message in OutboxMessage.objects.filter(recipients__icontains=address):
            if address in {parseaddr(r)[1].lower() for r in message.recipients_list}:
                message.delete()
