"""Demo accounts: one per role, all with the same public password."""

from .models import User

PASSWORD = "demo-reserve-2026"

# (e-mail, first name, last name, reservist, staff, superuser, who)
USERS = [
    ("admin@demo.lareserve.fr", "Alice", "Martin", False, True, True, "administrateur"),
    ("staff@demo.lareserve.fr", "Samir", "Benali", False, True, False, "équipe du programme"),
    ("reserviste@demo.lareserve.fr", "Rose", "Dupont", True, False, False, "réserviste"),
    ("agent@demo.lareserve.fr", "Octave", "Lefebvre", False, False, False, "agent public"),
    ("entreprise@demo.lareserve.fr", "Emma", "Girard", True, False, False, "salariée détachée"),
    ("mecenat@demo.lareserve.fr", "Bruno", "Lemoine", False, False, False, "employeur (mécénat)"),
]


def seed(options) -> list[str]:
    for email, first_name, last_name, reservist, staff, superuser, _who in USERS:
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
            user.set_password(PASSWORD)
            user.save(update_fields=["password"])
        user.emailaddress_set.update_or_create(
            email=email, defaults={"verified": True, "primary": True}
        )
    logins = [f"  {who:<22} {email}" for email, *_, who in USERS]
    return [f"{len(USERS)} demo accounts (password: {PASSWORD}):", *logins]
