from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from reserve.accounts.models import User
from reserve.organisations.models import Kind, Membership, Organisation, Part, Verification

DEMO_PASSWORD = "demo-reserve-2026"

# (e-mail, first name, last name, reservist, staff, superuser, help) — one account per role.
DEMO_USERS = [
    ("admin@demo.lareserve.fr", "Alice", "Martin", False, True, True, "administrateur"),
    ("staff@demo.lareserve.fr", "Samir", "Benali", False, True, False, "équipe du programme"),
    ("reserviste@demo.lareserve.fr", "Rose", "Dupont", True, False, False, "réserviste"),
    ("agent@demo.lareserve.fr", "Octave", "Lefebvre", False, False, False, "agent public"),
    ("entreprise@demo.lareserve.fr", "Emma", "Girard", True, False, False, "salariée détachée"),
]

# (name, kind, parts, city, SIRET, verified, members as (e-mail, role))
DEMO_ORGANISATIONS = [
    (
        "Direction interministérielle de la transition énergétique",
        Kind.STATE_SERVICE,
        [Part.SPONSOR],
        "Paris",
        "",
        True,
        [("agent@demo.lareserve.fr", Membership.Role.ADMIN)],
    ),
    (
        "Métropole de Bordeaux",
        Kind.LOCAL_AUTHORITY,
        [Part.SPONSOR, Part.DISTRIBUTOR],
        "Bordeaux",
        "",
        True,
        [],
    ),
    (
        "Agence régionale de santé Occitanie",
        Kind.PUBLIC_BODY,
        [Part.SPONSOR],
        "Montpellier",
        "",
        True,
        [],
    ),
    (
        "Banque publique d'investissement",
        Kind.PUBLIC_BODY,
        [Part.FUNDER],
        "Maisons-Alfort",
        "",
        True,
        [],
    ),
    (
        "Les Éclaireurs du numérique",
        Kind.ASSOCIATION,
        [Part.SPONSOR, Part.DISTRIBUTOR],
        "Lyon",
        "",
        True,
        [],
    ),
    (
        "Numéra Conseil",
        Kind.COMPANY,
        [Part.EMPLOYER, Part.FUNDER],
        "Nantes",
        "73282932000074",
        True,
        [("entreprise@demo.lareserve.fr", Membership.Role.MEMBER)],
    ),
    ("Startup Sobriété", Kind.COMPANY, [Part.EMPLOYER], "Lille", "", False, []),
    (
        "Commune de Saint-Pierre-des-Champs",
        Kind.LOCAL_AUTHORITY,
        [Part.SPONSOR],
        "Saint-Pierre",
        "",
        False,
        [],
    ),
]


class Command(BaseCommand):
    help = "Load the demo data (one account per role, organisations). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load the demo accounts even where DEMO_DATA is off (their password is public).",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        if not settings.DEMO_DATA and not options["allow_production"]:
            raise CommandError(
                "DEMO_DATA is off (as in production): the demo accounts have a public password. "
                "Pass --allow-production to load them anyway."
            )
        users = [self._user(*row) for row in DEMO_USERS]
        organisations = [self._organisation(*row) for row in DEMO_ORGANISATIONS]
        self.stdout.write(
            f"Demo data: {len(users)} accounts, {len(organisations)} organisations "
            f"({Organisation.objects.count()} in the database)."
        )
        self.stdout.write(f"Demo logins (password: {DEMO_PASSWORD}):")
        for email, *_, role in DEMO_USERS:
            self.stdout.write(f"  {role:<22} {email}")

    def _user(self, email, first_name, last_name, reservist, staff, superuser, _role):
        user, created = User.objects.update_or_create(
            email=email,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "is_reservist": reservist,
                "is_staff": staff,
                "is_superuser": superuser,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        user.emailaddress_set.update_or_create(
            email=email, defaults={"verified": True, "primary": True}
        )
        return user

    def _organisation(self, name, kind, parts, city, siret, verified, members):
        organisation, _ = Organisation.objects.update_or_create(
            name=name,
            defaults={
                "kind": kind,
                "parts": " ".join(parts),
                "city": city,
                "siret": siret,
                "verification": Verification.VERIFIED if verified else Verification.PENDING,
            },
        )
        for email, role in members:
            Membership.objects.update_or_create(
                organisation=organisation,
                user=User.objects.get(email=email),
                defaults={"role": role},
            )
        return organisation
