from django.db import transaction
from django.utils import timezone

from reserve.core.audit import record

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
def delete_account(user, actor=None) -> None:
    """Delete the account and everything that names the person.

    Every app first erases or anonymises what it holds (`forget_personal_data`, see
    reserve.core.privacy); then the rows that belong to the person cascade with the account.
    `actor` is who deletes it: the person (None) or the platform's purge (SYSTEM).
    """
    personal_data.forget(user)
    user_id = user.pk
    user.delete()
    record(actor, "account.deleted", user_id=user_id)
