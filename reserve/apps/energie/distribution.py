"""Kits, distribution campaigns, allocation runs and visits: the named write operations.

The optimiser is the pure `allocation.allocate(instance) -> result`; this module builds its JSON
instance from the database, keeps instance and result together (a run can be replayed), and
turns a locked run into visits offered to volunteers.
"""

from datetime import UTC, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.accounts.roles import is_staff_member
from reserve.core import notify
from reserve.core.audit import SYSTEM, record
from reserve.organisations.permissions import can_act_for
from reserve.reservists.models import Profile

from . import rules_data
from .allocation import allocate
from .lifecycle import CAMPAIGN, HOUSEHOLD, VISIT
from .models import (
    AllocationRun,
    BillsAnswer,
    Campaign,
    ComfortAnswer,
    Household,
    Kit,
    Visit,
    VisitStatus,
)
from .services import ServiceError, private_link


def declare_kit(user, organisation, **fields) -> Kit:
    """A partner (a member of a verified organisation) or staff declares a stock of kits."""
    if not (can_act_for(user, organisation) or is_staff_member(user)):
        raise PermissionDenied(_("Seuls les membres d'un partenaire vérifié déclarent des kits."))
    unknown = set(fields.get("measures", [])) - set(rules_data.MEASURE_KEYS)
    if unknown:
        raise ServiceError(_("Équipement inconnu : %(names)s.") % {"names": ", ".join(unknown)})
    kit = Kit.objects.create(organisation=organisation, declared_by=user, **fields)
    record(user, "energie.kit.declare", kit, quantity=kit.quantity)
    return kit


def create_campaign(user, **fields) -> Campaign:
    if not is_staff_member(user):
        raise PermissionDenied(_("Seule l'équipe crée une campagne."))
    campaign = Campaign.objects.create(created_by=user, **fields)
    record(user, "energie.campaign.create", campaign)
    return campaign


def precarity_weight(household: Household) -> float:
    """The weight the optimiser gives a household's savings: more for the most precarious.

    1, plus 1 for energy precarity (effort rate above 8 % in the lowest three deciles), plus
    0.5 for the lowest MaPrimeRénov' category (very modest income).
    """
    result = household.result or {}
    weight = 1.0
    if household.precarious:
        weight += 1.0
    if (result.get("maprimerenov") or {}).get("category") == "blue":
        weight += 0.5
    return weight


def kit_savings(household: Household, kit: Kit) -> int:
    """What `kit` would save this household a year, from the advice of its diagnostic."""
    advice = (household.result or {}).get("advice", [])
    return sum(line["eur_year"] for line in advice if line["measure"] in kit.measures)


def candidate_households(campaign: Campaign):
    households = (
        Household.objects.waiting()
        .exclude(departement="")
        .exclude(visits__status__in=[VisitStatus.OFFERED, VisitStatus.ACCEPTED])
    )
    if campaign.departements:
        households = households.filter(departement__in=campaign.departements)
    return households


def candidate_volunteers(campaign: Campaign):
    profiles = Profile.objects.filter(user__is_active=True).exclude(departement="")
    profiles = profiles.exclude(unavailable_until__gte=campaign.starts_on)
    if campaign.departements:
        profiles = profiles.filter(departement__in=campaign.departements)
    return profiles.available_between(campaign.starts_on, campaign.ends_on)


def build_instance(campaign: Campaign) -> dict:
    """The optimiser's JSON instance for this campaign, as the database stands now."""
    kits = list(Kit.objects.available_on(campaign.starts_on))
    households = list(candidate_households(campaign))
    return {
        "households": [
            {
                "id": str(h.pk),
                "area": h.departement,
                "precarity_weight": precarity_weight(h),
                "savings_eur": {str(k.pk): kit_savings(h, k) for k in kits},
            }
            for h in households
        ],
        "kits": [
            {
                "id": str(k.pk),
                "cost_eur": float(k.unit_cost_eur),
                "stock": k.quantity,
                "area": k.departement or None,
            }
            for k in kits
        ],
        "volunteers": [
            {
                "id": str(p.user_id),
                "areas": [p.departement],
                "visits": campaign.visits_per_volunteer,
            }
            for p in candidate_volunteers(campaign)
        ],
        "budget_eur": campaign.budget_eur,
        "fairness": {"max_share_per_area": campaign.max_share_per_area},
    }


def run_allocation(user, campaign: Campaign) -> AllocationRun:
    """Run the optimiser on the campaign's current instance; staff then review and lock."""
    instance = build_instance(campaign)
    result = allocate(instance)
    with transaction.atomic():
        CAMPAIGN.fire(user, campaign, "propose")
        run = AllocationRun.objects.create(
            campaign=campaign, instance=instance, result=result, created_by=user
        )
        record(
            user,
            "energie.allocation.run",
            campaign,
            run=run.pk,
            assignments=len(result["assignments"]),
        )
    return run


def lock_campaign(user, campaign: Campaign) -> list[Visit]:
    """Lock the latest run: each assignment becomes a visit offered to its volunteer."""
    run = campaign.latest_run
    if run is None:
        raise ServiceError(_("Lancez d'abord la répartition."))
    with transaction.atomic():
        campaign, _previous = CAMPAIGN.fire(user, campaign, "lock", run=run.pk)
        visits = []
        for line in run.result["assignments"]:
            household = Household.objects.get(pk=int(line["household"]))
            HOUSEHOLD.fire(user, household, "assign", campaign=campaign.pk)
            visits.append(
                Visit.objects.create(
                    campaign=campaign,
                    household=household,
                    kit_id=int(line["kit"]),
                    volunteer_id=int(line["volunteer"]),
                    value_eur=round(line["value_eur"]),
                    explanation=line.get("explanation") or {},
                )
            )
    volunteers = {visit.volunteer for visit in visits}
    for volunteer in volunteers:
        notify.tell(
            [volunteer],
            "energie/email/visits_offered",
            {"campaign": campaign.title, "count": sum(v.volunteer == volunteer for v in visits)},
            url=reverse("energie:visits"),
            kind="energie",
        )
    return visits


def reopen_campaign(user, campaign: Campaign) -> int:
    """Reopen a locked campaign: visits not yet accepted are withdrawn, their households wait."""
    with transaction.atomic():
        campaign, _previous = CAMPAIGN.fire(user, campaign, "reopen")
        withdrawn = list(campaign.visits.filter(status=VisitStatus.OFFERED))
        for visit in withdrawn:
            if visit.household is not None:
                HOUSEHOLD.fire(user, visit.household, "release", campaign=campaign.pk)
            visit.delete()
    return len(withdrawn)


def accept_visit(user, visit: Visit, scheduled_at) -> Visit:
    """The volunteer accepts and sets the appointment; the household is told if it left an
    e-mail address."""
    if scheduled_at is None or scheduled_at < timezone.now():
        raise ServiceError(_("Choisissez une date de rendez-vous à venir."))
    visit, _previous = VISIT.fire(user, visit, "accept", scheduled=scheduled_at.isoformat())
    Visit.objects.filter(pk=visit.pk).update(scheduled_at=scheduled_at)
    visit.scheduled_at = scheduled_at
    if visit.household and visit.household.email:
        notify.email(
            [visit.household.email],
            "energie/email/visit_planned",
            {
                "when": scheduled_at,
                "kit": visit.kit.name,
                "link_path": private_link(visit.household),
            },
        )
    return visit


def forget_own_files(user, emails) -> int:
    """A household file made with one of the person's addresses is theirs: it goes with them."""
    own = Household.objects.annotate(address_lower=Lower("email")).filter(
        address_lower__in=[e.lower() for e in emails]
    )
    count = 0
    for household in own:
        record(SYSTEM, "energie.household.delete", household, reason="account_deleted")
        household.delete()
        count += 1
    return count


def forget_volunteer(user) -> None:
    """Before a volunteer's account goes: visits not yet made go back to staff, and what they
    wrote or photographed at households' homes is erased; fittings stay, without them."""
    for visit in Visit.objects.filter(
        volunteer=user, status__in=[VisitStatus.OFFERED, VisitStatus.ACCEPTED]
    ):
        decline_visit(SYSTEM, visit)
    for visit in Visit.objects.filter(volunteer=user).exclude(photo=""):
        visit.photo.delete(save=False)
    Visit.objects.filter(volunteer=user).update(notes="", photo="")


def decline_visit(user, visit: Visit) -> Visit:
    with transaction.atomic():
        visit, _previous = VISIT.fire(user, visit, "decline")
        if visit.household is not None:
            HOUSEHOLD.fire(SYSTEM, visit.household, "release", visit=visit.pk)
    return visit


def record_installation(user, visit: Visit, *, fitted: list[str], notes: str = "", photo=None):
    """What was fitted at the household's: the savings it brings are kept with the visit."""
    unknown = set(fitted) - set(rules_data.MEASURE_KEYS)
    if not fitted or unknown:
        raise ServiceError(_("Cochez au moins un équipement posé."))
    advice = (visit.household.result or {}).get("advice", []) if visit.household else []
    saved = [line for line in advice if line["measure"] in fitted]
    with transaction.atomic():
        visit, _previous = VISIT.fire(user, visit, "install", fitted=fitted)
        visit.fitted, visit.notes = fitted, notes
        visit.installed_at = timezone.now()
        visit.saved_eur_year = sum(line["eur_year"] for line in saved)
        visit.saved_kwh_year = sum(line["kwh_year"] for line in saved)
        visit.precarious = visit.household.precarious if visit.household else None
        if photo:
            visit.photo = photo
        visit.save()
        Kit.objects.filter(pk=visit.kit_id, quantity__gt=0).update(quantity=F("quantity") - 1)
        if visit.household is not None:
            HOUSEHOLD.fire(user, visit.household, "equip", visit=visit.pk)
    return visit


def send_follow_ups(now=None) -> int:
    """Three months after a fitting, ask the household about its bills and comfort: by e-mail
    through its private link, or through its volunteer when it left no address."""
    now = now or timezone.now()
    due = Visit.objects.filter(
        status=VisitStatus.INSTALLED,
        follow_up_sent_at__isnull=True,
        installed_at__lte=now - timedelta(days=settings.ENERGIE_FOLLOW_UP_DAYS),
        household__isnull=False,
    ).select_related("household", "volunteer")
    sent = 0
    for visit in due:
        link_path = reverse("energie:follow_up", args=[visit.household.token])
        if visit.household.email:
            notify.email(
                [visit.household.email], "energie/email/follow_up", {"link_path": link_path}
            )
        else:
            notify.tell(
                [visit.volunteer],
                "energie/email/follow_up_call",
                {"visit": visit.pk, "phone": visit.household.phone},
                url=reverse("energie:visit", args=[visit.pk]),
                kind="energie",
            )
        Visit.objects.filter(pk=visit.pk).update(follow_up_sent_at=now)
        record(SYSTEM, "energie.visit.follow_up_sent", visit)
        sent += 1
    return sent


def answer_follow_up(actor, household: Household, *, bills: str, comfort: str) -> Visit:
    if bills not in BillsAnswer.values or comfort not in ComfortAnswer.values:
        raise ServiceError(_("Choisissez une réponse pour les factures et pour le confort."))
    visit = household.visits.filter(status=VisitStatus.INSTALLED).order_by("-installed_at").first()
    if visit is None:
        raise ServiceError(_("Aucun équipement n'a encore été posé chez vous."))
    with transaction.atomic():
        HOUSEHOLD.fire(actor, household, "follow_up", bills=bills, comfort=comfort)
        Visit.objects.filter(pk=visit.pk).update(
            follow_up_bills=bills, follow_up_comfort=comfort, follow_up_at=timezone.now()
        )
    return visit


def visit_calendar(visit: Visit, site_url: str) -> str:
    """The appointment as an iCalendar (.ics) event the volunteer adds to their calendar."""
    start = visit.scheduled_at.astimezone(UTC)
    end = start + timedelta(hours=settings.ENERGIE_VISIT_HOURS)
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    address = visit.household.address if visit.household else ""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//La Reserve//Energie//FR",
        "BEGIN:VEVENT",
        f"UID:energie-visit-{visit.pk}@{site_url.split('//')[-1].strip('/')}",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{start:%Y%m%dT%H%M%SZ}",
        f"DTEND:{end:%Y%m%dT%H%M%SZ}",
        "SUMMARY:"
        + _ics_text(_("Visite Énergie : pose du kit « %(kit)s »") % {"kit": visit.kit.name}),
        "LOCATION:" + _ics_text(address),
        "URL:" + site_url.rstrip("/") + reverse("energie:visit", args=[visit.pk]),
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(lines) + "\r\n"


def _ics_text(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return escaped.replace("\n", "\\n")
