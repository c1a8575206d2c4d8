"""Lifecycles as data: one mechanism for every status field of the platform.

A lifecycle lists its transitions (name, label, source statuses, target, who may fire it, whether
a note is required, an optional guard). `Lifecycle.fire()` is the one way to move an object: it
locks the row, checks that the transition exists, that the actor may fire it, that the object is
in a source status, that a required note is given and that the guard passes, then writes the new
status and records an audit entry. Anything refused raises `TransitionRefused` with a message the
user reads. What a transition means beyond its status (timeline lines, notifications, dates) stays
in the owning app's service, which calls `fire()` first.

Who may fire a transition is said with actor kinds: the lifecycle's `kinds(actor, obj)` tells
which kinds an actor is for this object ("staff", "sponsor", "addressee"…), and the platform's
own jobs (`reserve.core.audit.SYSTEM`) are the kind `PLATFORM`.
"""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .audit import SYSTEM, record

logger = logging.getLogger(__name__)

PLATFORM = "platform"


class TransitionRefused(Exception):
    """An illegal transition: the message explains why, in words the user understands."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: tuple[str, ...]
    target: str
    actors: frozenset[str] = frozenset({"staff"})
    needs_note: bool = False
    # Called with the locked object (and the note); raises TransitionRefused to refuse.
    guard: Callable | None = None
    # Shown when the actor may not fire it; a default sentence otherwise.
    refusal: str = ""


@dataclass
class Lifecycle:
    """The transitions of one model's status field, and how to fire them."""

    name: str  # audit prefix: "challenge", "invitation"…
    transitions: Iterable[Transition]
    kinds: Callable = field(default=lambda actor, obj: set())
    status_field: str = "status"
    # Extra fields written with the status: {transition name: callable(obj, note) -> dict}.
    effects: dict = field(default_factory=dict)
    # How a refusal names the current state, e.g. _("le défi est « %(status)s »").
    state_phrase: str = ""

    def __post_init__(self):
        self.transitions = {t.name: t for t in self.transitions}

    def get(self, name: str) -> Transition:
        step = self.transitions.get(name)
        if step is None:
            raise TransitionRefused(_("Cette action n'existe pas."))
        return step

    def actor_kinds(self, actor, obj) -> set[str]:
        if actor is SYSTEM:
            return {PLATFORM}
        return set(self.kinds(actor, obj))

    def available(self, actor, obj) -> list[Transition]:
        """The transitions this actor may fire on this object now (guards not run)."""
        kinds = self.actor_kinds(actor, obj)
        status = getattr(obj, self.status_field)
        return [t for t in self.transitions.values() if status in t.sources and kinds & t.actors]

    def check(self, actor, obj, name: str, note: str = "") -> Transition:
        """The transition, or TransitionRefused saying why it cannot be fired now."""
        step = self.get(name)
        if not self.actor_kinds(actor, obj) & step.actors:
            refusal = str(step.refusal) or _("Vous ne pouvez pas « %(action)s ».")
            raise TransitionRefused(refusal % {"action": step.label})
        status = getattr(obj, self.status_field)
        if status not in step.sources:
            raise TransitionRefused(
                _(
                    "Impossible de « %(action)s » : %(state)s, et cette action n'est possible "
                    "que depuis : %(sources)s."
                )
                % {
                    "action": step.label,
                    "state": (str(self.state_phrase) or _("l'état actuel est « %(status)s »"))
                    % {"status": self.status_label(obj, status)},
                    "sources": ", ".join(self.status_label(obj, s) for s in step.sources),
                }
            )
        if step.needs_note and not note.strip():
            raise TransitionRefused(_("« %(action)s » demande un motif.") % {"action": step.label})
        if step.guard is not None:
            step.guard(obj, note.strip())
        return step

    def status_label(self, obj, status: str) -> str:
        field_ = obj._meta.get_field(self.status_field)
        return str(dict(field_.flatchoices).get(status, status))

    @transaction.atomic
    def fire(self, actor, obj, name: str, *, note: str = "", **audit_data):
        """Move `obj` along: returns the locked, saved object and the status it left."""
        obj = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
        step = self.check(actor, obj, name, note)
        previous = getattr(obj, self.status_field)
        setattr(obj, self.status_field, step.target)
        changed = {self.status_field}
        effect = self.effects.get(name)
        if effect is not None:
            for attribute, value in effect(obj, note.strip()).items():
                setattr(obj, attribute, value)
                changed.add(attribute)
        if _has_field(obj, "status_changed_at"):
            obj.status_changed_at = timezone.now()
            changed.add("status_changed_at")
        if _has_field(obj, "updated_at"):
            changed.add("updated_at")
        obj.save(update_fields=sorted(changed))
        record(
            actor,
            f"{self.name}.{name}",
            obj,
            from_status=previous,
            to_status=step.target,
            **({"note": note.strip()} if note.strip() else {}),
            **audit_data,
        )
        return obj, previous


def fire_each(objects: Iterable, fire: Callable, *, job: str) -> tuple[int, int]:
    """A periodic job's loop: fire on each object; a refusal is logged and the job goes on.

    Each object has its own transaction, so one refusal undoes nothing done for the others.
    Returns (done, refused).
    """
    done = refused = 0
    for obj in objects:
        try:
            with transaction.atomic():
                fire(obj)
        except TransitionRefused as refusal:
            refused += 1
            logger.warning("%s: %s #%s refused: %s", job, type(obj).__name__, obj.pk, refusal)
        else:
            done += 1
    return done, refused


def _has_field(obj, name: str) -> bool:
    return any(f.name == name for f in obj._meta.concrete_fields)
