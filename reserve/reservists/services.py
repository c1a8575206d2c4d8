"""Named writes on the pool: each checks who may act, records an audit entry, queues e-mails."""

from datetime import date

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.accounts.roles import is_staff_member
from reserve.core import notify
from reserve.core.audit import record

from . import pool_cache
from .lifecycle import LIFECYCLE as SECONDMENT
from .models import (
    AvailabilityPeriod,
    Engagement,
    Profile,
    ProfileSkill,
    SavedSearch,
    Secondment,
)
from .tasks import send_pool_email
from .taxonomy import SKILLS, Level


@transaction.atomic
def join_pool(user) -> Profile:
    """Make the person a reservist with an (empty) profile; joining twice changes nothing."""
    profile, created = Profile.objects.get_or_create(user=user)
    if not user.is_reservist:
        user.is_reservist = True
        user.save(update_fields=["is_reservist"])
    if created:
        record(user, "reservist.joined", profile)
    return profile


@transaction.atomic
def save_profile_form(user, form) -> Profile:
    """Save one step of the profile (a ModelForm on the user's own profile)."""
    profile = form.instance
    _check_owner(user, profile)
    form.save()
    if {"engagement", "employer"} & set(form.changed_data):
        _declare_secondment(profile)
    refresh(profile)
    if form.changed_data:
        record(user, "reservist.profile_updated", profile, fields=sorted(form.changed_data))
    return profile


def _declare_secondment(profile: Profile) -> None:
    """A new declaration waits for the employer's word; its members are asked for it."""
    if profile.engagement == Engagement.SECONDED and profile.employer_id:
        profile.secondment = Secondment.PENDING
        notify.tell(
            get_user_model().objects.filter(memberships__organisation=profile.employer_id),
            "reservists/email/secondment_to_confirm",
            {"profile": profile, "organisation": profile.employer},
            url=reverse("reservists:secondments", args=[profile.employer_id]),
            kind="reservists.secondment_to_confirm",
        )
    else:
        profile.secondment = Secondment.NONE
    profile.secondment_decided_at = None
    profile.save(update_fields=["secondment", "secondment_decided_at"])


@transaction.atomic
def decide_secondment(actor, profile: Profile, name: str) -> Profile:
    """The employer confirms or refuses a secondment (lifecycle.py); the reservist is told."""
    profile, _previous = SECONDMENT.fire(actor, profile, name)
    notify.tell(
        [profile.user],
        "reservists/email/secondment_decision",
        {"profile": profile, "organisation": profile.employer},
        url=reverse("reservists:dashboard"),
        kind="reservists.secondment_decision",
    )
    pool_cache.invalidate()
    return profile


@transaction.atomic
def set_skills(user, profile, levels: dict[str, int]) -> None:
    """Replace the profile's skills by `{skill code: level}`; unknown codes are refused."""
    _check_owner(user, profile)
    unknown = sorted(set(levels) - set(SKILLS))
    if unknown:
        raise ValidationError(
            {"skills": _("Compétences inconnues : %(codes)s.") % {"codes": ", ".join(unknown)}}
        )
    if any(level not in Level.values for level in levels.values()):
        raise ValidationError({"skills": _("Choisissez un niveau proposé pour chaque compétence.")})
    profile.skills.all().delete()
    ProfileSkill.objects.bulk_create(
        ProfileSkill(profile=profile, skill=code, level=level) for code, level in levels.items()
    )
    refresh(profile)
    record(user, "reservist.skills_updated", profile, skills=sorted(levels))


@transaction.atomic
def add_period(user, profile, kind: str, start: date, end: date) -> AvailabilityPeriod:
    _check_owner(user, profile)
    if end < start:
        raise ValidationError({"end": _("La fin de la période doit suivre son début.")})
    period = profile.periods.create(kind=kind, start=start, end=end)
    touch(profile)
    record(user, "reservist.period_added", profile, kind=kind)
    return period


@transaction.atomic
def remove_period(user, profile, period_id: int) -> None:
    _check_owner(user, profile)
    profile.periods.filter(pk=period_id).delete()
    touch(profile)
    record(user, "reservist.period_removed", profile)


@transaction.atomic
def set_unavailable_until(user, profile, until: date | None) -> None:
    """The quick "I'm unavailable until…" switch; None means available again."""
    _check_owner(user, profile)
    if until is not None and until < timezone.localdate():
        raise ValidationError({"until": _("Choisissez une date à venir.")})
    profile.unavailable_until = until
    profile.last_activity = timezone.now()
    profile.save(update_fields=["unavailable_until", "last_activity"])
    record(user, "reservist.unavailable_until", profile, until=until.isoformat() if until else None)


def refresh(profile: Profile) -> None:
    """Rebuild the search column and note the activity after any change to the profile."""
    profile.search_text = profile.build_search_text()
    profile.last_activity = timezone.now()
    profile.save(update_fields=["search_text", "last_activity"])


def touch(profile: Profile) -> None:
    profile.last_activity = timezone.now()
    profile.save(update_fields=["last_activity"])


def note_login(user) -> None:
    """A login is activity: the pool sorts on it."""
    if Profile.objects.filter(user=user).update(last_activity=timezone.now()):
        pool_cache.invalidate()


def _check_owner(user, profile) -> None:
    if profile.user_id != user.pk:
        raise PermissionDenied(_("Seule la personne concernée peut modifier ce profil."))


def _check_staff(user) -> None:
    if not is_staff_member(user):
        raise PermissionDenied(_("Cette action est réservée à l'équipe du programme."))


# Staff actions on the pool


def save_search(staff, name: str, query: str) -> SavedSearch:
    _check_staff(staff)
    saved, _created = SavedSearch.objects.update_or_create(
        owner=staff, name=name.strip(), defaults={"query": query}
    )
    return saved


def delete_saved_search(staff, pk: int) -> None:
    _check_staff(staff)
    SavedSearch.objects.filter(owner=staff, pk=pk).delete()


CSV_HEADER = [
    "prenom", "nom", "email", "telephone", "departement", "ville", "heures_semaine", "mode",
    "engagement", "employeur", "competences", "derniere_activite",
]  # fmt: skip


def export_rows(staff, profiles):
    """The CSV rows of a result set (fields staff may see; phone only if the person agreed)."""
    _check_staff(staff)
    record(staff, "reservist.pool_exported", count=profiles.count())
    yield CSV_HEADER
    for profile in profiles.for_listing().iterator(chunk_size=2000):
        user = profile.user
        yield [
            user.first_name,
            user.last_name,
            user.email,
            user.phone if profile.consent_contact_phone else "",
            profile.departement,
            profile.city,
            profile.hours_per_week,
            profile.get_work_mode_display(),
            profile.get_engagement_display(),
            profile.employer_name,
            "; ".join(str(skill) for skill in profile.skills.all()),
            profile.last_activity.date().isoformat(),
        ]


EMAIL_BATCH = 500  # people per background task: small task rows, steady progress


def email_pool(staff, profiles, subject: str, body: str) -> int:
    """Queue one e-mail per person of a result set who agreed to be contacted by e-mail."""
    _check_staff(staff)
    ids = list(profiles.filter(consent_contact_email=True).values_list("pk", flat=True))
    record(staff, "reservist.pool_emailed", count=len(ids), subject=subject[:200])
    for start in range(0, len(ids), EMAIL_BATCH):
        send_pool_email.enqueue(ids[start : start + EMAIL_BATCH], subject, body)
    return len(ids)
