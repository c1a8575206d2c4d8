"""Named write operations on challenges: each checks permissions, records an audit entry, puts the
event on the challenge's timeline, notifies the people concerned and refreshes the public pages."""

import re

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from reserve.accounts.models import User
from reserve.accounts.roles import is_staff_member
from reserve.core.audit import record
from reserve.core.caching import invalidate
from reserve.core.files import unguessable_name
from reserve.core.notify import email, tell

from .lifecycle import LIFECYCLE
from .models import (
    Application,
    Attachment,
    Challenge,
    Decision,
    Message,
    QualificationScore,
    Referent,
    Status,
    TimelineEvent,
)
from .permissions import (
    can_act_for_sponsor,
    edit_refusal,
    is_participant,
    organisations_for_intake,
    owns_address,
    qualify_refusal,
)

INVITATION_SALT = "challenges.referent-invitation"
INVITATION_MAX_AGE = 60 * 60 * 24 * 30
RESERVED_SLUGS = {"proposer", "mes-defis", "pipeline", "invitation", "flux"}


# Intake


@transaction.atomic
def create_challenge(user, form, referents) -> Challenge:
    """Open a draft in an organisation's name (a verified member) or the programme's (staff)."""
    organisation = form.cleaned_data.get("organisation")
    if organisation is None and not is_staff_member(user):
        raise PermissionDenied(_("Choisissez l'organisation qui porte le défi."))
    if organisation is not None and not (
        is_staff_member(user) or organisations_for_intake(user).filter(pk=organisation.pk).exists()
    ):
        raise PermissionDenied(_("Vous ne pouvez pas agir au nom de cette organisation."))
    challenge = form.save(commit=False)
    challenge.created_by = user
    challenge.slug = unique_slug(challenge.title)
    challenge.save()
    referents.instance = challenge
    referents.save()
    _event(challenge, user, _("Défi créé en brouillon"))
    record(user, "challenge.created", challenge)
    return challenge


@transaction.atomic
def update_challenge(user, form, referents) -> Challenge:
    refusal = edit_refusal(user, form.instance)
    if refusal:
        raise PermissionDenied(refusal)
    challenge = form.save()
    referents.save()
    record(user, "challenge.updated", challenge, fields=sorted(form.changed_data))
    invalidate("challenges")
    return challenge


def unique_slug(title: str) -> str:
    base = slugify(title)[:150] or "defi"
    if base in RESERVED_SLUGS:
        base = f"{base}-defi"
    slug, number = base, 2
    while Challenge.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


# Lifecycle


@transaction.atomic
def transition(user, challenge: Challenge, name: str, note: str = "") -> Challenge:
    """Move the challenge along its lifecycle, or refuse with an explanation."""
    challenge, previous = LIFECYCLE.fire(user, challenge, name, note=note)
    note = note.strip()
    _event(challenge, user, str(LIFECYCLE.get(name).label), note=note, from_status=previous)
    _notify_transition(user, challenge, name, note)
    if name == "submit":
        for referent in challenge.referents.filter(invited_at__isnull=True):
            invite_referent(user, referent)
    invalidate("challenges")
    return challenge


@transaction.atomic
def decide_challenge(user, challenge, decision: str, rationale: str, make_public=False):
    """Staff decision after qualification: go, no-go or more information, with a rationale."""
    if not is_staff_member(user):
        raise PermissionDenied(_("La décision revient à l'équipe du programme."))
    name = {
        Decision.GO: "qualify",
        Decision.NO_GO: "decline",
        Decision.MORE_INFORMATION: "request_information",
    }[Decision(decision)]
    if name == "decline" and make_public:
        Challenge.objects.filter(pk=challenge.pk).update(declined_is_public=True)
    return transition(user, challenge, name, rationale)


# Qualification


@transaction.atomic
def save_scores(user, challenge, scores: dict[str, tuple[int, str]], impact_assessment=None):
    """Record the user's scores on the grid: {criterion: (score, comment)}."""
    refusal = qualify_refusal(user, challenge)
    if refusal:
        raise PermissionDenied(refusal)
    for criterion, (score, comment) in scores.items():
        QualificationScore.objects.update_or_create(
            challenge=challenge,
            author=user,
            criterion=criterion,
            defaults={"score": score, "comment": comment},
        )
    if impact_assessment is not None and is_staff_member(user):
        challenge.impact_assessment_needed = impact_assessment
        challenge.save(update_fields=["impact_assessment_needed", "updated_at"])
    _event(challenge, user, _("Grille de qualification remplie par %(name)s") % {"name": user})
    record(user, "challenge.scored", challenge, criteria=sorted(scores))


@transaction.atomic
def save_team(user, challenge, slots, sprint_start, sprint_end) -> None:
    """Staff define the team the challenge needs: role slots and sprint dates."""
    if not is_staff_member(user):
        raise PermissionDenied(_("L'équipe du programme définit les rôles recherchés."))
    if challenge.status not in (Status.IN_QUALIFICATION, Status.QUALIFIED, Status.TEAM_FORMING):
        raise PermissionDenied(
            _("Les rôles se définissent pendant la qualification et la formation de l'équipe.")
        )
    slots.save()
    challenge.sprint_start = sprint_start
    challenge.sprint_end = sprint_end or challenge.default_sprint_end()
    challenge.save(update_fields=["sprint_start", "sprint_end", "updated_at"])
    record(user, "challenge.team_defined", challenge)
    invalidate("challenges")


# Referents


def invitation_token(referent) -> str:
    return signing.dumps({"referent": referent.pk}, salt=INVITATION_SALT)


def referent_from_token(token: str) -> Referent:
    """The invited referent, or ValidationError when the link is broken or too old."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ValidationError(
            _("Ce lien d'invitation a expiré : demandez-en un nouveau.")
        ) from error
    except signing.BadSignature as error:
        raise ValidationError(_("Ce lien d'invitation n'est pas valide.")) from error
    referent = Referent.objects.select_related("challenge").filter(pk=data["referent"]).first()
    if referent is None:
        raise ValidationError(_("Cette invitation a été retirée."))
    return referent


@transaction.atomic
def add_referent(user, challenge, form) -> Referent:
    if not is_participant(user, challenge) or not (
        is_staff_member(user) or can_act_for_sponsor(user, challenge)
    ):
        raise PermissionDenied(_("Vous ne pouvez pas inviter de référent sur ce défi."))
    referent = form.save(commit=False)
    referent.challenge = challenge
    referent.save()
    invite_referent(user, referent)
    return referent


def invite_referent(user, referent) -> None:
    url = settings.SITE_URL + reverse(
        "challenges:accept_invitation", args=[invitation_token(referent)]
    )
    context = {"referent": referent, "challenge": referent.challenge, "url": url, "inviter": user}
    email([referent.email], "challenges/email/invitation", context)
    referent.invited_at = timezone.now()
    referent.save(update_fields=["invited_at"])
    _event(
        referent.challenge, user, _("%(name)s invité(e) comme référent") % {"name": referent.name}
    )
    record(user, "challenge.referent_invited", referent.challenge, referent=referent.pk)


class NotAddressee(PermissionDenied):
    """The invitation was sent to another address than the account's."""


@transaction.atomic
def accept_invitation(user, referent) -> Referent:
    """The invited civil servant joins the qualification, from the account that owns the invited
    address (NotAddressee otherwise): a forwarded link does not make someone a referent."""
    if referent.user_id not in (None, user.pk):
        raise ValidationError(_("Cette invitation a déjà été acceptée par une autre personne."))
    if referent.user_id is None and not owns_address(user, referent.email):
        raise NotAddressee(_("Cette invitation a été envoyée à une autre adresse e-mail."))
    if referent.user_id is None:
        referent.user = user
        referent.accepted_at = timezone.now()
        referent.save(update_fields=["user", "accepted_at"])
        _event(referent.challenge, user, _("%(name)s a rejoint la qualification") % {"name": user})
        record(user, "challenge.referent_joined", referent.challenge, referent=referent.pk)
    return referent


# Workspace


MENTION = re.compile(r"@([\w.+-]+@[\w-]+(?:\.[\w-]+)+|\w+)")


@transaction.atomic
def post_message(user, challenge, body: str, files=()) -> Message:
    """A message in the private thread; mentioned participants are notified."""
    if not is_participant(user, challenge):
        raise PermissionDenied(_("Seuls les participants du défi écrivent dans son fil."))
    message = Message.objects.create(challenge=challenge, author=user, body=body.strip())
    for upload in files:
        shown_name = upload.name[:200]
        # Stored under a random name: the file is reached only through the permission check.
        upload.name = unguessable_name("", upload.name)
        Attachment.objects.create(message=message, file=upload, name=shown_name, size=upload.size)
    mentioned = [p for p in mentioned_participants(challenge, body) if p.pk != user.pk]
    tell(
        mentioned,
        "challenges/email/mention",
        {"challenge": challenge, "author": user, "note": message.body},
        url=challenge.get_workspace_url(),
        kind="challenges.mention",
        essential=False,
    )
    record(user, "challenge.message_posted", challenge, message=message.pk)
    return message


def participants(challenge) -> list:
    users = {u.pk: u for u in User.objects.filter(is_staff=True, is_active=True)}
    users.update({u.pk: u for u in _sponsors(challenge)})
    users.update({u.pk: u for u in _referent_users(challenge)})
    users.update({u.pk: u for u in _team_members(challenge)})
    return list(users.values())


def mentioned_participants(challenge, body: str) -> list:
    names = {name.casefold() for name in MENTION.findall(body)}
    if not names:
        return []
    return [
        person
        for person in participants(challenge)
        if person.email.casefold() in names
        or (person.first_name and person.first_name.casefold() in names)
    ]


# Side effects


def add_event(challenge, actor, text, note="") -> None:
    """Put a line on the challenge's timeline, for apps that build on a challenge (sprints)."""
    _event(challenge, actor, text, note=note)


def _event(challenge, actor, text, note="", from_status=""):
    TimelineEvent.objects.create(
        challenge=challenge,
        actor=actor if actor is not None and actor.is_authenticated else None,
        from_status=from_status,
        to_status=challenge.status if from_status else "",
        text=str(text)[:300],
        note=note,
    )


def _sponsors(challenge) -> list:
    people = []
    if challenge.organisation_id:
        people = list(
            User.objects.filter(memberships__organisation=challenge.organisation_id, is_active=True)
        )
    if challenge.created_by_id and all(p.pk != challenge.created_by_id for p in people):
        people.append(challenge.created_by)
    return people


def _referent_users(challenge) -> list:
    return list(User.objects.filter(referent_roles__challenge=challenge, is_active=True))


def _team_members(challenge) -> list:
    members = Application.objects.accepted().of_challenge(challenge)
    return list(User.objects.filter(challenge_applications__in=members, is_active=True).distinct())


def _notify_transition(actor, challenge, name, note) -> None:
    if name == "submit":
        audience = list(User.objects.filter(is_staff=True, is_active=True)) + _sponsors(challenge)
    else:
        audience = _sponsors(challenge) + _referent_users(challenge)
    audience = [
        p for p in {p.pk: p for p in audience}.values() if p.pk != getattr(actor, "pk", None)
    ]
    # A decision or a request that comes with its reason (information needed, go, not retained)
    # is essential; the other steps are news of the challenge, which people may turn off.
    tell(
        audience,
        "challenges/email/transition",
        {"challenge": challenge, "note": note},
        url=challenge.get_workspace_url(),
        kind=f"challenges.{name}",
        essential=LIFECYCLE.get(name).needs_note,
    )
