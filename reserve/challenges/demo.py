"""Demo challenges in every status across themes, and `--challenges N` more for benchmarks.

"Commerces éclairés la nuit" is the challenge LightsOff came from: its slug is stable.
"""

from datetime import timedelta

from django.utils import timezone

from reserve.accounts.models import User
from reserve.core.caching import invalidate
from reserve.organisations.models import Organisation

from .models import Challenge, RoleSlot, Scale, Status, TerritoryLevel, TimelineEvent

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
AFTER_DECISION = {
    Status.QUALIFIED, Status.DECLINED, Status.TEAM_FORMING, Status.IN_SPRINT, Status.DELIVERED,
    Status.IMPACT_FOLLOW_UP, Status.CLOSED, Status.ARCHIVED,
}  # fmt: skip
AFTER_TEAM = {
    Status.IN_SPRINT,
    Status.DELIVERED,
    Status.IMPACT_FOLLOW_UP,
    Status.CLOSED,
    Status.ARCHIVED,
}


def seed(options) -> list[str]:
    now = timezone.now()
    author = User.objects.filter(email="agent@demo.lareserve.fr").first()
    organisations = {
        o.name: o for o in Organisation.objects.filter(name__in=[ENERGY, BORDEAUX, ARS, ECLAIREURS])
    }
    for slug, title, status, themes, sponsor, territory, summary, slots in CHALLENGES:
        challenge, created = Challenge.objects.update_or_create(
            slug=slug,
            defaults=_fields(
                title, status, themes, organisations.get(sponsor), territory, summary, now
            )
            | {"created_by": author},
        )
        if created:
            _timeline(challenge)
            RoleSlot.objects.bulk_create(
                RoleSlot(challenge=challenge, skill=skill, level=level, count=count)
                for skill, level, count in slots
            )
    generated = generate(options.get("challenges") or 0, organisations, now)
    invalidate("challenges")
    return [
        f"{len(CHALLENGES)} demo challenges, {generated} generated "
        f"({Challenge.objects.count()} in all)."
    ]


def _fields(title, status, themes, organisation, territory, summary, now) -> dict:
    reached = now - timedelta(days=AGES[status])
    submitted = None if status == Status.DRAFT else reached - timedelta(days=5)
    decided = reached if status in AFTER_DECISION else None
    sprint_start = (decided + timedelta(days=4)).date() if decided else None
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
        "qualification_due": submitted + timedelta(days=7) if submitted else None,
        "decided_at": decided,
        "decision": ("no_go" if status == Status.DECLINED else "go") if decided else "",
        "decision_rationale": "Un besoin réel, urgent et à la portée d'un sprint."
        if decided
        else "",
        "declined_is_public": status == Status.DECLINED,
        "sprint_start": sprint_start,
        "sprint_end": sprint_start + timedelta(days=29) if sprint_start else None,
        "team_formed_at": decided + timedelta(days=3) if status in AFTER_TEAM else None,
    }


def _timeline(challenge) -> None:
    events = [
        TimelineEvent(
            challenge=challenge,
            text="Défi créé en brouillon",
            created_at=challenge.status_changed_at - timedelta(days=6),
        )
    ]
    if challenge.submitted_at:
        events.append(
            TimelineEvent(
                challenge=challenge,
                text="Soumettre le défi",
                to_status=Status.SUBMITTED,
                from_status=Status.DRAFT,
                created_at=challenge.submitted_at,
            )
        )
    if challenge.status not in (Status.DRAFT, Status.SUBMITTED):
        events.append(
            TimelineEvent(
                challenge=challenge,
                text=challenge.get_status_display(),
                to_status=challenge.status,
                from_status=Status.SUBMITTED,
                created_at=challenge.status_changed_at,
            )
        )
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
