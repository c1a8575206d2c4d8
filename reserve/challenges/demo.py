"""Demo challenges in every status across themes, and `--challenges N` more for benchmarks.

Each demo challenge (its story in `demo_stories`) is taken through its lifecycle
(`LIFECYCLE.fire`, as the first staff member), its grid scored through `services.save_scores`,
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

from . import services
from .demo_stories import LIGHTSOFF_SLUG, SPONSORS, STORIES
from .grid import SECTIONS
from .lifecycle import EXTRA_GUARDS, LIFECYCLE
from .models import SPRINT_DAYS, Challenge, RoleSlot, Scale, Status, TerritoryLevel, TimelineEvent

__all__ = ["LIGHTSOFF_SLUG", "seed", "generate", "history"]

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
# The sprint and what follows it keep their length; the steps before it go at each one's pace.
PACED_STEPS = {"submit", "start_qualification", "request_information", "qualify", "decline",
               "form_team", "start_sprint"}  # fmt: skip
RATIONALE = "Un besoin réel, urgent et à la portée d'un sprint."
DECLINED_RATIONALE = "Un service public ou privé répond déjà à l'essentiel de ce besoin."
DEMO_OVERRIDE = "Données de démonstration : étape franchie avant le suivi des sprints."
DEFAULT_SLOT = ("tech.backend", "confident", 1)
GRID_COMMENTS = {
    "need": "Besoin documenté par le porteur, chiffres à l'appui.",
    "feasibility": "Périmètre tenable en un sprint d'un mois.",
    "values": "Gratuit, accessible, code ouvert : conforme.",
    "data": "Données à minimiser ; hébergement dans l'Union européenne prévu.",
}


def step_days(name: str, pace: float = 1.0) -> float:
    return max(1.0, STEP_DAYS[name] * pace) if name in PACED_STEPS else STEP_DAYS[name]


def history(status, reached, pace: float = 1.0) -> tuple:
    """When the challenge was created, and when each step of its path happened (the last one at
    `reached`)."""
    steps, moment = [], reached
    for name in reversed(PATHS[status]):
        steps.append((name, moment))
        moment -= timedelta(days=step_days(name, pace))
    return moment, list(reversed(steps))


def grid_scores(levels: tuple, salt: int) -> dict[str, tuple[int, str]]:
    """Each criterion near its section's level (a little above or below, never the same grid)."""
    scores = {}
    for index, (section, _title, criteria) in enumerate(SECTIONS):
        for position, (criterion, _label) in enumerate(criteria):
            drift = ((salt + 3 * position + index) % 5 == 0) - ((salt + position) % 7 == 0)
            scores[criterion] = (min(3, max(0, levels[index] + drift)), GRID_COMMENTS[section])
    return scores


def seed(options) -> list[str]:
    now = timezone.now()
    author = User.objects.filter(email="agent@demo.lareserve.fr").first()
    staff = User.objects.filter(is_staff=True, is_active=True).order_by("pk").first()
    organisations = {o.name: o for o in Organisation.objects.filter(name__in=SPONSORS)}
    for salt, story in enumerate(STORIES):
        if Challenge.objects.filter(slug=story["slug"]).exists():
            continue
        fields = _fields(story, organisations.get(story["sponsor"]), now)
        challenge = Challenge.objects.create(
            slug=story["slug"], created_by=author, **_drafted(fields)
        )
        status = story["status"]
        RoleSlot.objects.bulk_create(
            RoleSlot(challenge=challenge, skill=skill, level=level, count=count)
            for skill, level, count in story["slots"]
            or ([DEFAULT_SLOT] if _qualified(status) else [])
        )
        if staff is not None:
            _replay(staff, challenge, story, salt, now)
        Challenge.objects.filter(pk=challenge.pk).update(**fields)
        _timeline(challenge, story, now)
    generated = generate(options.get("challenges") or 0, organisations, now)
    invalidate("challenges")
    return [
        f"{len(STORIES)} demo challenges, {generated} generated "
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


def _replay(actor, challenge, story, salt, now) -> None:
    """Take the challenge through its lifecycle, step by step, as staff would: the grid is
    scored while it is in qualification, and that entry of its timeline dated then."""
    status = story["status"]
    _created, steps = history(status, now - timedelta(days=story["age"]), story["pace"])
    for index, (name, when) in enumerate(steps):
        # Steps other apps guard (sprints: deliverables, acceptance, handover) go through as
        # staff overrides with a note; those apps' own demos fill in what the steps needed.
        step = LIFECYCLE.get(name)
        note = (
            _rationale(status)
            if step.needs_note
            else (DEMO_OVERRIDE if name in EXTRA_GUARDS else "")
        )
        challenge, _previous = LIFECYCLE.fire(actor, challenge, name, note=note)
        if challenge.status == Status.IN_QUALIFICATION and name == "start_qualification":
            services.save_scores(actor, challenge, grid_scores(story["grid"], salt))
            following = steps[index + 1][1] if index + 1 < len(steps) else now
            scored = challenge.events.latest("pk")
            TimelineEvent.objects.filter(pk=scored.pk).update(
                created_at=when + (following - when) / 2
            )


def _rationale(status) -> str:
    return DECLINED_RATIONALE if status == Status.DECLINED else RATIONALE


def _fields(story, organisation, now) -> dict:
    status, pace = story["status"], story["pace"]
    reached = now - timedelta(days=story["age"])
    fields = _dates(status, reached, pace)
    return fields | {
        "title": story["title"],
        "themes": story["themes"],
        "organisation": organisation,
        "territory_level": story["territory"][0],
        "territory_name": story["territory"][1],
        **{key: story[key] for key in STORY_FIELDS},
        "decision_rationale": _rationale(status) if fields["decided_at"] else "",
    }


STORY_FIELDS = [
    "summary", "problem", "affected_people", "severity", "urgency", "evidence", "tried",
    "blind_spot", "deliverable", "success_criterion",
]  # fmt: skip


def _dates(status, reached, pace: float = 1.0) -> dict:
    """The status and the dates of its lifecycle, reached at `reached`."""
    created, steps = history(status, reached, pace)
    at = dict(steps)
    submitted = at.get("submit")
    decided = at.get("qualify") or at.get("decline")
    sprint_start = None
    if decided and _qualified(status):
        kickoff = at.get("start_sprint") or decided + timedelta(
            days=step_days("form_team", pace) + step_days("start_sprint", pace)
        )
        sprint_start = kickoff.date()
    return {
        "status": status,
        "status_changed_at": reached,
        "submitted_at": submitted,
        "qualification_due": submitted + timedelta(days=settings.CHALLENGE_QUALIFICATION_DAYS)
        if submitted
        else None,
        "decided_at": decided,
        "decision": ("no_go" if status == Status.DECLINED else "go") if decided else "",
        "declined_is_public": status == Status.DECLINED,
        "sprint_start": sprint_start,
        "sprint_end": sprint_start + timedelta(days=SPRINT_DAYS - 1) if sprint_start else None,
        "team_formed_at": at.get("start_sprint"),
        "delivered_at": at.get("deliver"),
    }


def _timeline(challenge, story, now) -> None:
    status = story["status"]
    created, steps = history(status, now - timedelta(days=story["age"]), story["pace"])
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
                note=_rationale(status) if step.needs_note else "",
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
GENERATED_PACES = [0.6, 1.0, 1.5, 0.8, 2.0, 1.2]
GENERATED_TEXT = {
    "affected_people": 5_000,
    "severity": Scale.MEDIUM,
    "urgency": Scale.MEDIUM,
    "evidence": "Données de test.",
    "tried": "",
    "blind_spot": "Données de test.",
    "deliverable": "Un service web simple.",
    "success_criterion": "Un usage régulier.",
}
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
        summary = f"Un défi généré pour mesurer les performances, à {place}."
        story = {
            "title": f"Défi n° {n} : {place}",
            "status": status,
            "themes": GENERATED_THEMES[n % len(GENERATED_THEMES)],
            "territory": (TerritoryLevel.COMMUNE, place),
            "age": AGES[status],
            "pace": GENERATED_PACES[n % len(GENERATED_PACES)],
            **GENERATED_TEXT,
            "summary": summary,
            "problem": summary,
        }
        fields = _fields(story, sponsors[n % len(sponsors)], now)
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
