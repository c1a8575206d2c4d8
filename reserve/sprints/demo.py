"""Demo sprints on the challenges of reserve/challenges/demo.py, one per state of a sprint:

- "Alerte sécheresse": week 2, a blocker open for a few days;
- "Alerter les écoles en cas de forte chaleur": the team says it is at risk, a deliverable late;
- "Stocks des banques alimentaires": everything delivered, demo done, awaiting the sponsor;
- "Commerces éclairés la nuit" (delivered): accepted, handed over, fed by LightsOff;
- "Covoiturage des soignants" (impact follow-up): three measurements;
- "Canicule : repérer les personnes isolées" (closed): handed over and measured.

What happens during a sprint goes through this app's services, then is dated back to the day it
would have happened (as the challenges demo dates its history); what the services refuse after
the sprint (it is over) is written with the dates the lifecycle gave the challenge.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from reserve.accounts.models import User
from reserve.challenges.models import Application, ApplicationStatus, Challenge
from reserve.reservists.models import Profile

from . import checkins, delivery, impact, plan
from .forms import HandoverForm
from .models import CheckIn, Deliverable, DeliveryDecision, Indicator, Measurement, SprintPlan

BLOCKER = "alerte-secheresse-communes"
AT_RISK = "chaleur-ecoles-alerte"
AWAITING = "stocks-banques-alimentaires"
DELIVERED = "commerces-eclaires-la-nuit"
FOLLOW_UP = "covoiturage-rural-soignants"
CLOSED = "canicule-personnes-isolees"

PLANS = {
    BLOCKER: (
        "Chaque habitant d'une petite commune sait en un SMS si l'eau est restreinte.",
        "Arrêtés préfectoraux de 10 départements intégrés ; 500 inscrits.",
    ),
    AT_RISK: (
        "Les écoles de Bordeaux reçoivent une alerte la veille d'une forte chaleur.",
        "Les 120 écoles inscrites ; alerte envoyée 24 h avant.",
    ),
    AWAITING: (
        "Les associations voient où les denrées manquent, chaque matin.",
        "Les 40 antennes du Rhône saisissent leurs stocks chaque semaine.",
    ),
    DELIVERED: (
        "Les citoyens signalent les vitrines allumées la nuit, les commerçants éteignent.",
        "1 000 signalements et 300 commerces éteints en trois mois.",
    ),
    FOLLOW_UP: (
        "Les soignants à domicile de Lozère partagent leurs trajets.",
        "100 soignants inscrits, 30 % de kilomètres en moins.",
    ),
    CLOSED: (
        "Les mairies repèrent les personnes isolées avant une canicule.",
        "50 communes équipées avant l'été.",
    ),
}

HANDOVER = {
    "licence": "EUPL-1.2",
    "hosting": "Hébergeur souverain qualifié SecNumCloud, contrat au nom du porteur.",
    "personal_data_and_security": "Données minimales, chiffrées, supprimées après 12 mois.",
    "impact_assessment": "done",
    "impact_assessment_reason": "AIPD réalisée avec le DPO du porteur, publiée sur son site.",
    "if_nobody_takes_over": "Le code reste publié ; le service s'arrête après un mois de préavis.",
}


def seed(options) -> list[str]:
    staff = User.objects.filter(is_staff=True, is_active=True).order_by("pk").first()
    if staff is None:
        return ["Sprints: no staff member to act for the demo, nothing added."]
    challenges = {
        c.slug: c
        for c in Challenge.objects.filter(slug__in=PLANS).exclude(sprint_plan__isnull=False)
    }
    for slug, build in BUILDERS.items():
        challenge = challenges.get(slug)
        if challenge is None or challenge.sprint_start is None:
            continue
        members = _team(staff, challenge)
        if not members:
            continue
        goal, criteria = PLANS[slug]
        SprintPlan.objects.create(
            challenge=challenge,
            goal=goal,
            success_criteria=criteria,
            lead=members[0],
            risks="Disponibilité des données du porteur.",
            validated_by=staff,
            validated_at=_at(challenge.sprint_start, 1),
        )
        build(staff, challenge, members)
    fed = impact.feed_from_citizen_apps()
    return [f"Sprints: {len(challenges)} demo sprints added, {fed} citizen-app measurements."]


def _team(staff, challenge) -> list:
    """Who is on the team: the members already there, or two reservists of its first roles.

    The teams services let people join only while a challenge recruits, and these challenges
    were taken past that by the challenges demo; so the team is written as it stood when the
    sprint started (accepted the day before), as that demo writes the history it replays."""
    members = list(
        User.objects.filter(
            challenge_applications__in=Application.objects.accepted().of_challenge(challenge)
        ).order_by("pk")
    )
    joined = (challenge.team_formed_at or _at(challenge.sprint_start)) - timedelta(days=1)
    for slot in challenge.slots.with_taken().order_by("pk"):
        if len(members) >= 2 or slot.seats_left <= 0:
            continue
        pool = Profile.objects.in_pool().with_skill(slot.skill).exclude(user__in=members)
        person = pool.select_related("user").order_by("user_id").first()
        if person is None:
            continue
        Application.objects.create(
            slot=slot, user=person.user, status=ApplicationStatus.ACCEPTED, decided_at=joined
        )
        members.append(person.user)
    return members


def _at(day, days_after=0, hour=18):
    return timezone.make_aware(
        timezone.datetime.combine(day + timedelta(days=days_after), timezone.datetime.min.time())
    ) + timedelta(hours=hour)


def _checkin(author, challenge, week_number, hours, **fields) -> CheckIn:
    week = challenge.sprint_start + timedelta(days=7 * (week_number - 1))
    data = {
        "week": week,
        "progress": "",
        "blockers": "",
        "help_needed": "",
        "confidence": "on_track",
        **fields,
    }
    checkin = checkins.post_checkin(author, challenge, data, hours)
    posted = min(_at(checkin.week, 4), timezone.now() - timedelta(hours=1))
    CheckIn.objects.filter(pk=checkin.pk).update(created_at=posted)
    return checkin


def _deliverables(staff, challenge, names) -> list[Deliverable]:
    return [
        plan.add_deliverable(
            staff,
            challenge,
            {
                "name": name,
                "kind": kind,
                "due_date": challenge.sprint_end - timedelta(days=days),
                "mandatory": mandatory,
            },
        )
        for name, kind, days, mandatory in names
    ]


def _blocker(staff, challenge, members):
    lead, other = members[0], members[-1]
    _deliverables(staff, challenge, [("Service SMS", "service", 2, True)])
    _checkin(
        lead,
        challenge,
        1,
        {lead: Decimal(8), other: Decimal(6)},
        progress="Arrêtés de trois départements collectés, SMS validé.",
    )
    _checkin(
        lead,
        challenge,
        2,
        {lead: Decimal(10), other: Decimal(7)},
        progress="Envoi de test réussi sur 20 numéros.",
        blockers="Le flux des arrêtés sécheresse est fermé : accès demandé, sans réponse.",
        help_needed="Un contact à la direction de l'eau du ministère.",
    )


def _at_risk(staff, challenge, members):
    lead, other = members[0], members[-1]
    _deliverables(
        staff,
        challenge,
        [
            ("Étude des besoins des directeurs", "study", 25, True),
            ("Service d'alerte", "service", 0, True),
        ],
    )
    Deliverable.objects.filter(challenge=challenge, kind="study").update(
        due_date=timezone.localdate() - timedelta(days=2)
    )
    _checkin(
        lead,
        challenge,
        1,
        {lead: Decimal(9), other: Decimal(72)},
        progress="Entretiens avec huit directeurs d'école.",
    )
    _checkin(
        other,
        challenge,
        2,
        {other: Decimal(12)},
        progress="Les prévisions de Météo-France arrivent en retard d'un jour.",
        confidence="at_risk",
    )


def _awaiting(staff, challenge, members):
    lead, other = members[0], members[-1]
    items = _deliverables(
        staff,
        challenge,
        [
            ("Tableau de bord des stocks", "service", 3, True),
            ("Jeu de données ouvert", "dataset", 3, False),
        ],
    )
    _checkin(
        lead,
        challenge,
        1,
        {lead: Decimal(10), other: Decimal(8)},
        progress="Saisie des stocks testée avec trois antennes.",
    )
    _checkin(
        lead,
        challenge,
        2,
        {lead: Decimal(11), other: Decimal(9)},
        progress="Tableau de bord en ligne, jeu de données publié.",
    )
    for item in items:
        delivery.deliver(lead, item, link="https://code.gouv.fr/demo/stocks-banques-alimentaires")
    delivery.record_demo(
        lead,
        challenge,
        timezone.localdate() - timedelta(days=1),
        "Démo devant 14 antennes et la préfecture.",
    )
    checkins.validate_hours(lead, challenge.hours_entries.exclude(member=lead))


def _sponsor(challenge):
    if challenge.organisation_id is None:
        return None
    return User.objects.filter(memberships__organisation=challenge.organisation_id).first()


def _finished(staff, challenge, members, measurements, indicators):
    """A sprint that is over: its rows written with the dates of the challenge's history."""
    delivered = challenge.delivered_at or _at(challenge.sprint_end)
    lead = members[0]
    for name, kind in [("Service en ligne", "service"), ("Guide de reprise", "study")]:
        Deliverable.objects.create(
            challenge=challenge,
            name=name,
            kind=kind,
            due_date=challenge.sprint_end,
            delivered_at=delivered - timedelta(days=2),
            delivered_by=lead,
            link="https://code.gouv.fr/demo/" + challenge.slug,
            accepted_at=delivered - timedelta(days=1),
        )
    DeliveryDecision.objects.create(
        challenge=challenge,
        verdict="accepted",
        decided_by=_sponsor(challenge) or staff,
        reason="Conforme au plan, démo convaincante.",
    )
    DeliveryDecision.objects.filter(challenge=challenge).update(
        decided_at=delivered - timedelta(days=1)
    )
    SprintPlan.objects.filter(challenge=challenge).update(
        demo_day=challenge.sprint_end, demo_notes="Démo publique, enregistrement en ligne."
    )
    contact = f"support@{challenge.slug[:20]}.gouv.fr"
    form = HandoverForm({**HANDOVER, "owner": _owner(challenge), "maintenance_contact": contact})
    form.is_valid()
    handover = form.save(commit=False)
    handover.challenge, handover.filled_by = challenge, lead
    handover.save()
    for key, name, unit, baseline, target, plugin_key in indicators:
        indicator = Indicator.objects.create(
            challenge=challenge,
            key=key,
            name=name,
            unit=unit,
            baseline=Decimal(baseline),
            baseline_date=challenge.sprint_start,
            target=Decimal(target),
            source="Relevé du porteur",
            measured_by="Le porteur",
            plugin_key=plugin_key,
        )
        for months, value in measurements:
            day = (delivered + timedelta(days=30 * months)).date()
            if day <= timezone.localdate():
                Measurement.objects.create(
                    indicator=indicator,
                    date=day,
                    value=Decimal(value) * Decimal(target) / 100,
                    source="Relevé du porteur",
                    evidence_url="https://data.gouv.fr/demo",
                    entered_by=lead,
                )


def _owner(challenge) -> str:
    if challenge.organisation_id:
        return challenge.organisation.name
    return "Programme La Réserve"


def _delivered(staff, challenge, members):
    _finished(
        staff,
        challenge,
        members,
        [],
        [
            ("commerces-eteints", "Commerces éteints", "commerces", 0, 300, "confirmed_off"),
            ("kwh-evites", "Électricité évitée", "kWh/an", 0, 500_000, "kwh_avoided"),
        ],
    )


def _follow_up(staff, challenge, members):
    _finished(
        staff,
        challenge,
        members,
        [(0, 20), (1, 45), (2, 70)],
        [
            ("soignants-inscrits", "Soignants inscrits", "soignants", 0, 100, None),
        ],
    )


def _closed(staff, challenge, members):
    _finished(
        staff,
        challenge,
        members,
        [(0, 30), (1, 70), (3, 105)],
        [
            ("communes-equipees", "Communes équipées", "communes", 0, 50, None),
        ],
    )


BUILDERS = {
    BLOCKER: _blocker,
    AT_RISK: _at_risk,
    AWAITING: _awaiting,
    DELIVERED: _delivered,
    FOLLOW_UP: _follow_up,
    CLOSED: _closed,
}
