from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reserve.apps.energie import dpe_import


class Command(BaseCommand):
    help = (
        "Import an extract of the ADEME DPE open data (dataset dpe03existant, CSV with `,` or "
        "`;`) so that households find their DPE by address. Upserts by DPE number: safe to run "
        "again. A small sample ships in reserve/apps/energie/data/dpe_sample.csv."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            with file.open(encoding="utf-8-sig", newline="") as lines:
                counts = dpe_import.import_rows(dpe_import.read(lines))
        except (OSError, ValueError, UnicodeDecodeError) as error:
            raise CommandError(f"{file}: cannot import DPEs ({error})") from error
        self.stdout.write(
            f"{counts['created']} DPE created, {counts['updated']} updated, "
            f"{counts['skipped']} rows skipped"
        )
