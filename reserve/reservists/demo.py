"""Demo reservists: a few hundred varied profiles, or a large pool for benchmarks.

Each generated person is drawn from a random generator seeded with their number, so the data is
the same on every run and a re-run only adds who is missing. `--reservists N` sizes the pool; rows
go in by bulk inserts so that 100,000 load in a reasonable time.
"""

import random
from datetime import timedelta

from django.db import connection
from django.utils import timezone

from reserve.accounts.models import User
from reserve.organisations.models import Kind, Organisation, Part, Verification

from .models import (
    Agreement,
    AvailabilityPeriod,
    Engagement,
    Profile,
    ProfileSkill,
    Secondment,
    Visibility,
    WorkMode,
)
from .taxonomy import FAMILIES, LANGUAGES, THEMES, Level

DEFAULT_COUNT = 300
BATCH = 5000
EMAIL = "reserviste-{:06d}@vivier.demo.lareserve.fr"  # apart from the role accounts
DEMO_EMPLOYERS = [("Groupe Hexagone Énergie", "Paris"), ("Data & Territoires", "Bordeaux")]
PROPOSED_EMPLOYERS = ["Atelier Lumen", "Coop Numérique Sud", "Banque Mutuelle de l'Ouest"]
FIRST_NAMES = [
    "Camille", "Léa", "Hugo", "Inès", "Louis", "Chloé", "Nathan", "Manon", "Yanis", "Sarah",
    "Jules", "Emma", "Karim", "Zoé", "Paul", "Amina", "Lucas", "Jade", "Mehdi", "Louise", "Théo",
    "Alice", "Noé", "Fatou", "Arthur", "Lina", "Tom", "Clara", "Omar", "Rose",
]  # fmt: skip
LAST_NAMES = [
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
    "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
    "Vincent", "Fournier", "Morel", "Girard", "Andre", "Mercier", "Nguyen", "Diallo", "Benali",
    "Rossi", "Lopez", "Kone",
]  # fmt: skip
PLACES = [
    ("33", "Bordeaux"), ("33", "Mérignac"), ("33", "Pessac"), ("75", "Paris"), ("69", "Lyon"),
    ("13", "Marseille"), ("31", "Toulouse"), ("44", "Nantes"), ("59", "Lille"),
    ("67", "Strasbourg"), ("35", "Rennes"), ("34", "Montpellier"), ("06", "Nice"),
    ("38", "Grenoble"), ("29", "Brest"),
    ("63", "Clermont-Ferrand"), ("974", "Saint-Denis"), ("2A", "Ajaccio"), ("21", "Dijon"),
    ("87", "Limoges"),
]  # fmt: skip
FAMILY_WEIGHTS = {
    "tech": 35, "design": 15, "product": 12, "communication": 12, "legal": 6, "domain": 12,
    "entrepreneurship": 8,
}  # fmt: skip
BIOS = [
    "{skill} depuis {years} ans, j'ai envie d'être utile sur {theme}.",
    "Je travaille en {skill} et je peux donner quelques heures pour des projets autour de {theme}.",
    "Curieuse et motivée : {skill}, et un intérêt fort pour {theme}. Débutante bienvenue ?",
    "{years} ans d'expérience en {skill}. Disponible pour des défis courts, surtout {theme}.",
]


def seed(options) -> list[str]:
    count = options.get("reservists") or DEFAULT_COUNT
    employers = _employers()
    named = _named_demo_profiles(employers)
    created = generate(count, employers)
    total = Profile.objects.count()
    return [
        f"{created} demo reservists added, {named} demo accounts with a profile ({total} in all)."
    ]


def _employers() -> list[Organisation]:
    for name, city in DEMO_EMPLOYERS:
        Organisation.objects.get_or_create(
            name=name,
            defaults={
                "kind": Kind.COMPANY,
                "parts": Part.EMPLOYER.value,
                "city": city,
                "verification": Verification.VERIFIED,
            },
        )
    return list(Organisation.objects.verified().playing(Part.EMPLOYER).order_by("pk"))


def _named_demo_profiles(employers) -> int:
    """The demo accounts of reserve.accounts.demo who are reservists get a full profile."""
    users = User.objects.filter(
        email__in=["reserviste@demo.lareserve.fr", "entreprise@demo.lareserve.fr"]
    ).order_by("email")
    numera = next((e for e in employers if e.name == "Numéra Conseil"), None)
    for index, user in enumerate(users):
        if Profile.objects.filter(user=user).exists():
            continue
        profile, skills, periods = _draw(random.Random(-1 - index), user, employers)
        if user.email.startswith("entreprise") and numera is not None:
            profile.engagement, profile.employer = Engagement.SECONDED, numera
            profile.employer_proposed_name = ""
            profile.hours_per_month_granted, profile.agreement = 16, Agreement.SIGNED
            profile.secondment = Secondment.CONFIRMED
        profile.search_text = profile.build_search_text(skills)
        profile.save()
        ProfileSkill.objects.bulk_create(_attach(skills, profile))
        AvailabilityPeriod.objects.bulk_create(_attach(periods, profile))
    return len(users)


def generate(count: int, employers) -> int:
    """Add the generated reservists numbered 1..count that do not exist yet."""
    existing = set(
        User.objects.filter(
            email__startswith="reserviste-", email__endswith="@vivier.demo.lareserve.fr"
        )
        .values_list("email", flat=True)
        .iterator()
    )
    missing = [n for n in range(1, count + 1) if EMAIL.format(n) not in existing]
    for start in range(0, len(missing), BATCH):
        _insert(missing[start : start + BATCH], employers)
    if len(missing) >= BATCH:
        _analyze()
    return len(missing)


def _analyze() -> None:
    """Fresh planner statistics after a large load, so that SQLite picks the right index.

    (PostgreSQL counts nothing inserted by the still-open transaction: there, autovacuum does it
    soon after, and bench/bench_pool.py runs ANALYZE once the load is committed.)
    """
    with connection.cursor() as cursor:
        for table in (
            "reservists_profile",
            "reservists_profileskill",
            "reservists_availabilityperiod",
        ):
            cursor.execute(f"ANALYZE {table}")


def _insert(numbers, employers) -> None:
    drawn = []
    for n in numbers:
        rng = random.Random(n)
        user = User(
            email=EMAIL.format(n),
            first_name=rng.choice(FIRST_NAMES),
            last_name=rng.choice(LAST_NAMES),
            is_reservist=True,
            password="!demo-generated",  # an unusable password: these people never log in
        )
        drawn.append(_draw(rng, user, employers))
    User.objects.bulk_create([profile.user for profile, _, _ in drawn])
    profiles = Profile.objects.bulk_create([profile for profile, _, _ in drawn])
    pairs = list(zip(profiles, drawn, strict=True))
    ProfileSkill.objects.bulk_create(
        [s for profile, (_, skills, _) in pairs for s in _attach(skills, profile)], batch_size=BATCH
    )
    AvailabilityPeriod.objects.bulk_create(
        [p for profile, (_, _, periods) in pairs for p in _attach(periods, profile)],
        batch_size=BATCH,
    )


def _attach(rows, profile):
    for row in rows:
        row.profile = profile
    return rows


def _draw(rng: random.Random, user, employers):
    """One plausible reservist: skills around a main family, time, place, engagement, consents."""
    now = timezone.now()
    today = timezone.localdate()
    family = rng.choices(list(FAMILY_WEIGHTS), weights=list(FAMILY_WEIGHTS.values()))[0]
    pool = [s for f in FAMILIES if f.code == family for s in f.skills]
    others = [s for f in FAMILIES if f.code != family for s in f.skills]  # small lists: cheap
    chosen = rng.sample(pool, min(len(pool), rng.randint(1, 2))) + rng.sample(
        others, rng.randint(0, 2)
    )
    skills = [ProfileSkill(skill=s.code, level=rng.choice(Level.values)) for s in chosen]
    themes = rng.sample(list(THEMES), rng.randint(1, 3))
    languages = ["fr"] + rng.sample([c for c in LANGUAGES if c != "fr"], rng.randint(0, 2))
    departement, city = rng.choice(PLACES)
    created = now - timedelta(days=rng.randint(0, 540), minutes=rng.randint(0, 1440))
    user.date_joined = created
    seconded = rng.random() < 0.25
    employer = rng.choice(employers) if seconded and employers and rng.random() < 0.7 else None
    profile = Profile(
        user=user,
        bio=rng.choice(BIOS).format(
            skill=str(chosen[0].label).lower(),
            years=rng.randint(1, 20),
            theme=str(THEMES[themes[0]]).lower(),
        ),
        themes=f" {' '.join(themes)} ",
        languages=f" {' '.join(languages)} ",
        hours_per_week=rng.choice([2, 3, 4, 5, 6, 8, 10, 12, 15, 20]),
        work_mode=rng.choice(WorkMode.values),
        departement=departement,
        city=city,
        unavailable_until=today + timedelta(days=rng.randint(5, 60))
        if rng.random() < 0.05
        else None,
        engagement=Engagement.SECONDED if seconded else Engagement.OWN_TIME,
        employer=employer,
        employer_proposed_name=rng.choice(PROPOSED_EMPLOYERS) if seconded and not employer else "",
        hours_per_month_granted=rng.choice([4, 8, 12, 16, 24]) if seconded else 0,
        agreement=rng.choice(Agreement.values) if seconded else Agreement.NOT_ASKED,
        consent_data_use=rng.random() < 0.95,
        consent_contact_email=rng.random() < 0.85,
        consent_contact_phone=rng.random() < 0.4,
        consent_employer_sees_skills=seconded and rng.random() < 0.6,
        visibility=Visibility.POOL if rng.random() < 0.92 else Visibility.HIDDEN,
        created_at=created,
        last_activity=created + (now - created) * rng.random(),
    )
    if employer is not None:
        # An employer confirmed the secondments it signed for; the others still wait for it.
        signed = profile.agreement == Agreement.SIGNED
        profile.secondment = Secondment.CONFIRMED if signed else Secondment.PENDING
    profile.search_text = profile.build_search_text(skills)
    periods = []
    if rng.random() < 0.4:
        start = today + timedelta(days=rng.randint(-30, 60))
        periods.append(
            AvailabilityPeriod(
                kind=AvailabilityPeriod.Kind.AVAILABLE,
                start=start,
                end=start + timedelta(days=rng.randint(30, 120)),
            )
        )
    if rng.random() < 0.15:
        start = today + timedelta(days=rng.randint(0, 90))
        periods.append(
            AvailabilityPeriod(
                kind=AvailabilityPeriod.Kind.UNAVAILABLE,
                start=start,
                end=start + timedelta(days=rng.randint(7, 30)),
            )
        )
    return profile, skills, periods
