"""Demo challenges in every status across themes, and `--challenges N` more for benchmarks.

Each demo challenge is taken through its lifecycle (`LIFECYCLE.fire`, as the first staff member)
and dated by `history()`, so its dates respect the lifecycle; the generated ones, created in
bulk for benchmarks, get the same dates without the replay.

"Commerces éclairés la nuit" is the challenge LightsOff came from: its slug is stable.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from reserve.accounts.models import User
from reserve.core.caching import invalidate
from reserve.organisations.models import Organisation

from .lifecycle import EXTRA_GUARDS, LIFECYCLE
from .models import (
    SPRINT_DAYS,
    Challenge,
    RoleSlot,
    Scale,
    Status,
    TerritoryLevel,
    TimelineEvent,
)

LIGHTSOFF_SLUG = "commerces-eclaires-la-nuit"
ENERGY = "Direction interministérielle de la transition énergétique"
BORDEAUX = "Métropole de Bordeaux"
ARS = "Agence régionale de santé Occitanie"
ECLAIREURS = "Les Éclaireurs du numérique"

# (slug, title, status, themes, organisation, territory, summary, slots as (skill, level, count))
CHALLENGES = [
    (LIGHTSOFF_SLUG, "Commerces éclairés la nuit", Status.DELIVERED, "energy", ENERGY,
     (TerritoryLevel.NATIONAL, ""),
     "Des vitrines et enseignes restent allumées toute la nuit malgré la loi : aider les "
     "citoyens à le signaler et les commerçants à éteindre.",
     [("tech.backend", "confident", 2), ("design.ux", "confident", 1),
      ("communication.communication", "confident", 1)]),
    ("alerte-secheresse-communes", "Alerte sécheresse pour les petites communes", Status.IN_SPRINT,
     "water", None, (TerritoryLevel.NATIONAL, ""),
     "Prévenir les habitants des restrictions d'eau en vigueur dans leur commune.",
     [("tech.backend", "confident", 1), ("tech.frontend", "confident", 1)]),
    ("chaleur-ecoles-alerte", "Alerter les écoles en cas de forte chaleur", Status.IN_SPRINT,
     "health", BORDEAUX, (TerritoryLevel.COMMUNE, "Bordeaux"),
     "Prévenir directeurs et parents quand une vague de chaleur menace les salles de classe.",
     [("tech.backend", "confident", 1), ("design.ux", "confident", 1)]),
    ("stocks-banques-alimentaires", "Les stocks des banques alimentaires en temps réel",
     Status.IN_SPRINT, "social", ECLAIREURS, (TerritoryLevel.DEPARTEMENT, "Rhône"),
     "Montrer aux associations où les denrées manquent et où elles dorment.",
     [("tech.frontend", "confident", 1), ("tech.data", "confident", 1)]),
    ("qualite-eau-robinet", "Qualité de l'eau du robinet en un SMS", Status.TEAM_FORMING,
     "water health", ARS, (TerritoryLevel.REGION, "Occitanie"),
     "Alerter les habitants quand l'eau du robinet n'est plus potable.",
     [("tech.backend", "confident", 1), ("tech.data", "confident", 1),
      ("design.ux", "discovering", 1)]),
    ("passoires-thermiques-aides", "Passoires thermiques : toutes les aides en une page",
     Status.QUALIFIED, "energy housing", BORDEAUX, (TerritoryLevel.COMMUNE, "Bordeaux"),
     "Aider les ménages en logement DPE F ou G à connaître les aides auxquelles ils ont droit.",
     [("tech.frontend", "confident", 1), ("legal.public_policy", "expert", 1),
      ("domain.housing", "confident", 1)]),
    ("covoiturage-rural-soignants", "Covoiturage des soignants en zone rurale",
     Status.IMPACT_FOLLOW_UP, "mobility health", ARS, (TerritoryLevel.DEPARTEMENT, "Lozère"),
     "Mettre en relation les soignants à domicile pour partager les trajets.",
     [("tech.mobile", "confident", 1)]),
    ("canicule-personnes-isolees", "Canicule : repérer les personnes isolées", Status.CLOSED,
     "health social", ECLAIREURS, (TerritoryLevel.DEPARTEMENT, "Rhône"),
     "Aider les mairies à tenir le registre des personnes vulnérables pendant les canicules.",
     [("tech.backend", "confident", 1)]),
    ("logement-urgence-places", "Places d'hébergement d'urgence en temps réel", Status.ARCHIVED,
     "housing social", BORDEAUX, (TerritoryLevel.COMMUNE, "Bordeaux"),
     "Afficher les places libres dans les centres d'hébergement d'urgence.", []),
    ("bornes-recharge-pannes", "Signaler les bornes de recharge en panne", Status.DECLINED,
     "mobility energy", ENERGY, (TerritoryLevel.NATIONAL, ""),
     "Un service citoyen pour signaler les bornes de recharge électrique hors service.", []),
    ("irrigation-agriculteurs", "Partager l'eau d'irrigation entre agriculteurs",
     Status.IN_QUALIFICATION, "water agriculture", None,
     (TerritoryLevel.DEPARTEMENT, "Charente-Maritime"),
     "Coordonner les tours d'eau entre exploitations pendant les arrêtés sécheresse.", []),
    ("chauffage-ecoles", "Piloter le chauffage des écoles", Status.SUBMITTED, "energy", BORDEAUX,
     (TerritoryLevel.COMMUNE, "Bordeaux"),
     "Baisser la consommation de chauffage des écoles le week-end et pendant les vacances.", []),
    ("transport-demande-seniors", "Transport à la demande pour les seniors",
     Status.NEEDS_INFORMATION, "mobility social", ECLAIREURS, (TerritoryLevel.COMMUNE, "Lyon"),
     "Réserver un trajet par téléphone quand on ne sait pas utiliser d'application.", []),
    ("rendez-vous-medicaux-annules", "Rendez-vous médicaux non honorés", Status.DRAFT, "health",
     ARS, (TerritoryLevel.REGION, "Occitanie"),
     "Réattribuer les créneaux libérés au dernier moment.", []),
]  # fmt: skip

# Days ago each status was reached, to give the pipeline board ages and the speed chart figures.
AGES = {
    Status.DRAFT: 2, Status.SUBMITTED: 9, Status.IN_QUALIFICATION: 4,
    Status.NEEDS_INFORMATION: 3, Status.QUALIFIED: 6, Status.DECLINED: 20,
    Status.TEAM_FORMING: 2, Status.IN_SPRINT: 12, Status.DELIVERED: 40,
    Status.IMPACT_FOLLOW_UP: 70, Status.CLOSED: 110, Status.ARCHIVED: 160,
}  # fmt: skip

# The lifecycle's transitions from a draft to each status, and how many days each step takes
# after the one before: a demo challenge's history is the one the lifecycle allows, and its
# dates follow (delivered at the end of its sprint, never before the sprint started).
QUALIFIED_PATH = ["submit", "start_qualification", "qualify"]
DELIVERED_PATH = [*QUALIFIED_PATH, "form_team", "start_sprint", "deliver"]
PATHS = {
    Status.DRAFT: [],
    Status.SUBMITTED: ["submit"],
    Status.IN_QUALIFICATION: ["submit", "start_qualification"],
    Status.NEEDS_INFORMATION: ["submit", "start_qualification", "request_information"],
    Status.QUALIFIED: QUALIFIED_PATH,
    Status.DECLINED: ["submit", "start_qualification", "decline"],
    Status.TEAM_FORMING: [*QUALIFIED_PATH, "form_team"],
    Status.IN_SPRINT: [*QUALIFIED_PATH, "form_team", "start_sprint"],
    Status.DELIVERED: DELIVERED_PATH,
    Status.IMPACT_FOLLOW_UP: [*DELIVERED_PATH, "follow_impact"],
    Status.CLOSED: [*DELIVERED_PATH, "follow_impact", "close"],
    Status.ARCHIVED: [*DELIVERED_PATH, "follow_impact", "close", "archive"],
}
STEP_DAYS = {
    "submit": 1, "start_qualification": 2, "request_information": 3, "qualify": 5, "decline": 5,
    "form_team": 1, "start_sprint": 6, "deliver": SPRINT_DAYS - 1, "follow_impact": 3,
    "close": 30, "archive": 30,
}  # fmt: skip
RATIONALE = "Un besoin réel, urgent et à la portée d'un sprint."
DEMO_OVERRIDE = "Données de démonstration : étape franchie avant le suivi des sprints."
DEFAULT_SLOT = ("tech.backend", "confident", 1)


def history(status, reached) -> tuple:
    """When the challenge was created, and when each step of its path happened (the last one at
    `reached`)."""
    steps, moment = [], reached
    for name in reversed(PATHS[status]):
        steps.append((name, moment))
        moment -= timedelta(days=STEP_DAYS[name])
    return moment, list(reversed(steps))


def seed(options) -> list[str]:
    now = timezone.now()
    author = User.objects.filter(email="agent@demo.lareserve.fr").first()
    staff = User.objects.filter(is_staff=True, is_active=True).order_by("pk").first()
    organisations = {
        o.name: o for o in Organisation.objects.filter(name__in=[ENERGY, BORDEAUX, ARS, ECLAIREURS])
    }
    for slug, title, status, themes, sponsor, territory, summary, slots in CHALLENGES:
        if Challenge.objects.filter(slug=slug).exists():
            continue
        fields = _fields(title, status, themes, organisations.get(sponsor), territory, summary, now)
        challenge = Challenge.objects.create(slug=slug, created_by=author, **_drafted(fields))
        RoleSlot.objects.bulk_create(
            RoleSlot(challenge=challenge, skill=skill, level=level, count=count)
            for skill, level, count in slots or ([DEFAULT_SLOT] if _qualified(status) else [])
        )
        if staff is not None:
            _replay(staff, challenge, status, now)
        Challenge.objects.filter(pk=challenge.pk).update(**fields)
        _timeline(challenge, status, now)
    generated = generate(options.get("challenges") or 0, organisations, now)
    invalidate("challenges")
    return [
        f"{len(CHALLENGES)} demo challenges, {generated} generated "
        f"({Challenge.objects.count()} in all)."
    ]


def _qualified(status) -> bool:
    return "qualify" in PATHS[status]


def _drafted(fields: dict) -> dict:
    """The challenge as its sponsor drafted it: no step of its lifecycle taken yet."""
    dated = ("submitted_at", "qualification_due", "decided_at", "team_formed_at", "delivered_at")
    return (
        fields
        | dict.fromkeys(dated)
        | {
            "status": Status.DRAFT,
            "decision": "",
            "decision_rationale": "",
        }
    )


def _replay(actor, challenge, status, now) -> None:
    """Take the challenge through its lifecycle, step by step, as staff would."""
    _created, steps = history(status, now - timedelta(days=AGES[status]))
    for name, _when in steps:
        # Steps other apps guard (sprints: deliverables, acceptance, handover) go through as
        # staff overrides with a note; those apps' own demos fill in what the steps needed.
        step = LIFECYCLE.get(name)
        note = RATIONALE if step.needs_note else (DEMO_OVERRIDE if name in EXTRA_GUARDS else "")
        challenge, _previous = LIFECYCLE.fire(actor, challenge, name, note=note)


def _fields(title, status, themes, organisation, territory, summary, now) -> dict:
    reached = now - timedelta(days=AGES[status])
    created, steps = history(status, reached)
    at = dict(steps)
    submitted = at.get("submit")
    decided = at.get("qualify") or at.get("decline")
    sprint_start = None
    if decided and _qualified(status):
        kickoff = at.get("start_sprint") or decided + timedelta(
            days=STEP_DAYS["form_team"] + STEP_DAYS["start_sprint"]
        )
        sprint_start = kickoff.date()
    return {
        "title": title,
        "status": status,
        "status_changed_at": reached,
        "themes": themes,
        "organisation": organisation,
        "territory_level": territory[0],
        "territory_name": territory[1],
        "summary": summary,
        "problem": f"{summary}\n\nLes personnes concernées n'ont **aucun outil simple**.",
        "affected_people": 12_000,
        "severity": Scale.HIGH,
        "urgency": Scale.HIGH,
        "evidence": "Remontées des services de terrain et enquête auprès de 300 usagers.",
        "blind_spot": "Aucun service public ne couvre ce besoin aujourd'hui.",
        "deliverable": "Un service web simple, accessible et gratuit, en code source ouvert.",
        "success_criterion": "Un usage régulier un mois après la livraison, mesuré publiquement.",
        "submitted_at": submitted,
        "qualification_due": submitted + timedelta(days=settings.CHALLENGE_QUALIFICATION_DAYS)
        if submitted
        else None,
        "decided_at": decided,
        "decision": ("no_go" if status == Status.DECLINED else "go") if decided else "",
        "decision_rationale": RATIONALE if decided else "",
        "declined_is_public": status == Status.DECLINED,
        "sprint_start": sprint_start,
        "sprint_end": sprint_start + timedelta(days=SPRINT_DAYS - 1) if sprint_start else None,
        "team_formed_at": at.get("start_sprint"),
        "delivered_at": at.get("deliver"),
    }


def _timeline(challenge, status, now) -> None:
    created, steps = history(status, now - timedelta(days=AGES[status]))
    events = [TimelineEvent(challenge=challenge, text="Défi créé en brouillon", created_at=created)]
    previous = Status.DRAFT
    for name, moment in steps:
        step = LIFECYCLE.get(name)
        events.append(
            TimelineEvent(
                challenge=challenge,
                text=str(step.label),
                from_status=previous,
                to_status=step.target,
                note=RATIONALE if step.needs_note else "",
                created_at=moment,
            )
        )
        previous = step.target
    TimelineEvent.objects.bulk_create(events)


GENERATED_STATUSES = [
    Status.QUALIFIED,
    Status.TEAM_FORMING,
    Status.IN_SPRINT,
    Status.DELIVERED,
    Status.CLOSED,
    Status.SUBMITTED,
    Status.IN_QUALIFICATION,
]
GENERATED_THEMES = ["energy", "water", "health", "housing", "mobility", "energy housing"]
GENERATED_SKILLS = [
    "tech.backend",
    "tech.frontend",
    "design.ux",
    "tech.data",
    "communication.communication",
]
PLACES = ["Bordeaux", "Lyon", "Lille", "Nantes", "Marseille", "Rennes", "Strasbourg", "Dijon"]


def generate(count: int, organisations: dict, now) -> int:
    """Create the missing ones among N generated challenges (same slugs on every run)."""
    slugs = [f"defi-genere-{n:05d}" for n in range(1, count + 1)]
    existing = set(Challenge.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    sponsors = list(organisations.values()) or [None]
    new = []
    for n, slug in enumerate(slugs, start=1):
        if slug in existing:
            continue
        status = GENERATED_STATUSES[n % len(GENERATED_STATUSES)]
        place = PLACES[n % len(PLACES)]
        fields = _fields(
            f"Défi n° {n} : {place}",
            status,
            GENERATED_THEMES[n % len(GENERATED_THEMES)],
            sponsors[n % len(sponsors)],
            (TerritoryLevel.COMMUNE, place),
            f"Un défi généré pour mesurer les performances, à {place}.",
            now,
        )
        fields["status_changed_at"] -= timedelta(hours=n)
        new.append(Challenge(slug=slug, **fields))
    created = Challenge.objects.bulk_create(new, batch_size=500)
    RoleSlot.objects.bulk_create(
        (
            RoleSlot(challenge=challenge, skill=GENERATED_SKILLS[i % len(GENERATED_SKILLS)])
            for i, challenge in enumerate(created)
        ),
        batch_size=1000,
    )
    return len(created)
