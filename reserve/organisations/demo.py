"""Demo organisations of every kind, verified or waiting for staff."""

from reserve.accounts.models import User

from .models import Kind, Membership, Organisation, Part, Verification

# (name, kind, parts, city, SIRET, verified, members as (e-mail, role))
ORGANISATIONS = [
    ("Direction interministérielle de la transition énergétique", Kind.STATE_SERVICE,
     [Part.SPONSOR], "Paris", "", True, [("agent@demo.lareserve.fr", Membership.Role.ADMIN)]),
    ("Métropole de Bordeaux", Kind.LOCAL_AUTHORITY, [Part.SPONSOR, Part.DISTRIBUTOR], "Bordeaux",
     "", True, []),
    ("Agence régionale de santé Occitanie", Kind.PUBLIC_BODY, [Part.SPONSOR], "Montpellier", "",
     True, []),
    ("Banque publique d'investissement", Kind.PUBLIC_BODY, [Part.FUNDER], "Maisons-Alfort", "",
     True, []),
    ("Les Éclaireurs du numérique", Kind.ASSOCIATION, [Part.SPONSOR, Part.DISTRIBUTOR], "Lyon",
     "", True, []),
    ("Numéra Conseil", Kind.COMPANY, [Part.EMPLOYER, Part.FUNDER], "Nantes", "73282932000074",
     True, [("entreprise@demo.lareserve.fr", Membership.Role.MEMBER),
            ("mecenat@demo.lareserve.fr", Membership.Role.ADMIN)]),
    ("Syndicat des eaux de la Charente-Maritime", Kind.PUBLIC_BODY, [Part.SPONSOR], "Saintes",
     "", True, []),
    ("Ville de Nantes", Kind.LOCAL_AUTHORITY, [Part.SPONSOR, Part.DISTRIBUTOR], "Nantes", "",
     True, []),
    ("Startup Sobriété", Kind.COMPANY, [Part.EMPLOYER], "Lille", "", False, []),
    ("Commune de Saint-Pierre-des-Champs", Kind.LOCAL_AUTHORITY, [Part.SPONSOR], "Saint-Pierre",
     "", False, []),
]  # fmt: skip


def seed(options) -> list[str]:
    for name, kind, parts, city, siret, verified, members in ORGANISATIONS:
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
    return [f"{len(ORGANISATIONS)} demo organisations ({Organisation.objects.count()} in all)."]
