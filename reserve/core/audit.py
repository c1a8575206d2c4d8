from django.utils.translation import gettext_lazy as _

from .models import AuditEntry


class _Platform:
    """The actor of what the platform does by itself (periodic tasks, automatic invitations).

    Pass `SYSTEM` wherever a user is expected as the author of an action: it is no account, has
    no role, and its audit entries read "La plateforme" rather than an anonymised author.
    """

    pk = None
    is_authenticated = False
    is_anonymous = True
    is_active = False
    is_staff = False
    is_superuser = False
    is_reservist = False
    email = ""

    def __str__(self):
        return str(SYSTEM_LABEL)

    def __repr__(self):
        return "SYSTEM"


SYSTEM = _Platform()
SYSTEM_LABEL = _("La plateforme")


def record(actor, action: str, target=None, **data) -> AuditEntry:
    """Write one audit entry. Service functions call this for every sensitive action."""
    if actor is SYSTEM:
        data = {**data, "by_platform": True}
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:200] if target is not None else "",
        data=data,
    )


def author_label(entry: AuditEntry) -> str:
    """Who did it, in words: the account, the platform, or nobody left (a deleted account)."""
    if entry.actor_id is not None:
        return str(entry.actor)
    if entry.data.get("by_platform"):
        return str(SYSTEM_LABEL)
    return "—"
