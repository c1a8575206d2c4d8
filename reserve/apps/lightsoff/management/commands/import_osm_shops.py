from itertools import islice
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from reserve.apps.lightsoff import osm, services
from reserve.apps.lightsoff.models import Shop, index_words

BATCH = 1000
UPDATED_FIELDS = [
    "name", "category", "address", "city", "commune", "lat", "lon", "phone", "website",
    "opening_hours",
]  # fmt: skip


def batched(items, size):
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class Command(BaseCommand):
    help = (
        "Import shops from an OpenStreetMap extract (.osm.pbf, .osm XML) or an Overpass JSON "
        "answer, upserting by OSM id. Safe to run again: existing shops are updated."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--city", default="", help="City name for shops with no addr:city.")
        parser.add_argument("--commune", default="", help="INSEE code for shops with no ref:INSEE.")

    def handle(self, *args, file: Path, city: str, commune: str, **options):
        if not file.exists():
            raise CommandError(f"{file}: no such file")
        counts = {"created": 0, "updated": 0, "skipped": 0}
        try:
            for chunk in batched(osm.read(file), BATCH):
                self.upsert(chunk, city, commune, counts)
        except Exception as error:  # a corrupt extract: say so, keep what was imported
            if isinstance(error, CommandError):
                raise
            raise CommandError(f"{file}: cannot read ({error})") from error
        services.public_data_changed()
        self.stdout.write(
            f"{counts['created']} shops created, {counts['updated']} updated, "
            f"{counts['skipped']} skipped (outside France)"
        )

    @transaction.atomic
    def upsert(self, chunk, city, commune, counts):
        rows = {}
        for item in chunk:
            if not services.in_france(item["lat"], item["lon"]):
                counts["skipped"] += 1
                continue
            fields = osm.shop_fields(item["tags"])
            fields["city"] = fields["city"] or city
            fields["commune"] = fields["commune"] or commune
            rows[item["osm_id"]] = {**fields, "lat": item["lat"], "lon": item["lon"]}
        existing = Shop.objects.in_bulk(list(rows), field_name="osm_id")
        new = []
        for osm_id, fields in rows.items():
            shop = existing.get(osm_id)
            if shop is None:
                new.append(Shop(osm_id=osm_id, **fields))
                continue
            for name, value in fields.items():
                setattr(shop, name, value)
        Shop.objects.bulk_create(new, batch_size=BATCH)
        Shop.objects.bulk_update(existing.values(), UPDATED_FIELDS, batch_size=BATCH)
        index_words([*new, *existing.values()])
        counts["created"] += len(new)
        counts["updated"] += len(existing)
