from .models import AuditEntry


def record(actor, action: str, target=None, **data) -> AuditEntry:
    """Write one audit entry. Service functions call this for every sensitive action."""
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:200] if target is not None else "",
        data=data,
    )
