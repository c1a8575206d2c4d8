"""Demo shops in the centre of Paris, Lyon and Nantes, some reported, contacted, answered or off.

Deterministic (a seeded generator) and idempotent (shops keyed by a demo OSM id; reports only
added to shops that have none).
"""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from . import services
from .models import (
    Answer,
    Category,
    Derogation,
    LocalRule,
    Report,
    Shop,
    ShopkeeperAnswer,
    ShopStatus,
)

CITIES = [
    # name, INSEE, centre, streets
    ("Paris", "75056", (48.8610, 2.3470), ["rue de Rivoli", "rue Saint-Honoré",
     "boulevard de Sébastopol", "rue Montorgueil", "rue de la Verrerie", "rue Rambuteau"]),
    ("Lyon", "69123", (45.7620, 4.8350), ["rue de la République", "rue Victor-Hugo",
     "rue du Président-Édouard-Herriot", "rue Mercière", "rue de Brest"]),
    ("Nantes", "44109", (47.2150, -1.5580), ["rue Crébillon", "rue du Calvaire",
     "rue de la Marne", "rue d'Orléans", "rue de Strasbourg"]),
]  # fmt: skip
PER_CITY = 100
# Shops of an earlier demo (Bordeaux): removed so that a dev database tells today's story.
FORMER_DEMO_PREFIXES = ("demo/33063/",)
NAMES = {
    Category.CLOTHES: ["Mode", "Boutique", "Atelier", "Dressing"],
    Category.SUPERMARKET: ["Marché", "Épicerie", "Proxi"],
    Category.BAKERY: ["Boulangerie", "Fournil", "Pâtisserie"],
    Category.PHARMACY: ["Pharmacie"],
    Category.BANK: ["Banque", "Crédit"],
    Category.RESTAURANT: ["Café", "Brasserie", "Bistrot"],
    Category.HAIRDRESSER: ["Coiffure", "Salon"],
    Category.ESTATE_AGENT: ["Immobilier", "Agence"],
    Category.OPTICIAN: ["Optique"],
    Category.PHONE: ["Téléphonie", "Mobile"],
    Category.SHOES: ["Chaussures"],
}
SURNAMES = ["du Centre", "Martin", "des Halles", "Lumière", "Bernard", "du Port", "Saint-Michel",
            "Dubois", "de la Place", "Moreau", "Horizon", "Petit", "Soleil", "Laurent"]  # fmt: skip
HOURS = ["Mo-Sa 10:00-19:00", "Mo-Fr 09:00-18:30; Sa 09:00-12:00", "Tu-Sa 09:30-19:30",
         "Mo-Su 07:00-22:00", "", "Mo-Sa 08:00-20:00"]  # fmt: skip
ELEMENTS = ["vitrine", "enseigne", "interieur", "vitrine", "publicite"]
# Share of each city's shops in each status after seeding, in order.
STATUSES = (
    [ShopStatus.REPORTED] * 10
    + [ShopStatus.CONTACTED] * 5
    + [ShopStatus.ANSWERED] * 3
    + [ShopStatus.CONFIRMED_OFF] * 6
    + [ShopStatus.STILL_LIT] * 2
    + [ShopStatus.NOT_APPLICABLE]
)


def seed(options) -> list[str]:
    rng = random.Random(6)
    for prefix in FORMER_DEMO_PREFIXES:
        Shop.objects.filter(osm_id__startswith=prefix).delete()
    shops = []
    for city, insee, centre, streets in CITIES:
        for number in range(PER_CITY):
            shops.append(_shop(rng, city, insee, centre, streets, number))
    reported = _reports(shops)
    _rules()
    return [f"LightsOff: {len(shops)} demo shops in {len(CITIES)} cities, {reported} reported"]


def _shop(rng, city, insee, centre, streets, number) -> Shop:
    category = rng.choice(list(NAMES))
    name = f"{rng.choice(NAMES[category])} {rng.choice(SURNAMES)}"
    # Within about 500 m of the centre: the shopping streets a visitor would walk.
    lat = centre[0] + rng.uniform(-0.0045, 0.0045)
    lon = centre[1] + rng.uniform(-0.0065, 0.0065)
    pairs = " ".join(str(rng.randint(10, 99)) for _ in range(4))
    phone = f"0{rng.choice([5, 4, 2])} {pairs}"
    shop, _created = Shop.objects.update_or_create(
        osm_id=f"demo/{insee}/{number}",
        defaults={
            "name": name,
            "category": category,
            "address": f"{rng.randint(1, 120)} {rng.choice(streets)}",
            "city": city,
            "commune": insee,
            "lat": round(lat, 6),
            "lon": round(lon, 6),
            "phone": phone,
            "opening_hours": rng.choice(HOURS),
        },
    )
    return shop


def _reports(shops) -> int:
    count = 0
    for index, shop in enumerate(shops):
        position = index % 100
        if position >= len(STATUSES):
            continue
        count += 1
        if shop.reports.exists():
            continue
        # Seen a recent night (reports older than 30 days are refused), then dated back over
        # five months so that the chart of the impact page has a history.
        night = timezone.localdate() - timedelta(days=1 + position % 20)
        seen_at = timezone.make_aware(datetime.combine(night, time(2, 30 + position % 20)))
        report = services.report_lit_shop(
            shop, element=ELEMENTS[position % len(ELEMENTS)], seen_at=seen_at
        )
        seen_at -= timedelta(days=position * 5)
        Report.objects.filter(pk=report.pk).update(seen_at=seen_at, created_at=seen_at)
        status = STATUSES[position]
        update = {"status": status, "in_queue": position % 3 == 0}
        if status in (ShopStatus.CONTACTED, ShopStatus.ANSWERED):
            update["last_contacted_at"] = seen_at + timedelta(days=1)
        if status == ShopStatus.ANSWERED:
            update["answered_at"] = seen_at + timedelta(days=2)
            ShopkeeperAnswer.objects.create(
                shop=shop, answer=Answer.SWITCHED_OFF, created_at=update["answered_at"]
            )
        Shop.objects.filter(pk=shop.pk).update(**update)
    return count


def _rules() -> None:
    LocalRule.objects.get_or_create(
        commune="44109",
        element="publicite",
        defaults={
            "off_from": time(0),
            "on_until": time(7),
            "source": "Règlement local de publicité de Nantes Métropole (démo)",
            "valid_from": date(2022, 1, 1),
        },
    )
    Derogation.objects.get_or_create(
        commune="69123",
        reason="Fête des Lumières",
        defaults={
            "elements": ["vitrine", "enseigne"],
            "reference": "Arrêté municipal (démo)",
            "valid_from": date(2026, 12, 5),
            "valid_until": date(2026, 12, 8),
        },
    )
    services.forget_rule_data()
