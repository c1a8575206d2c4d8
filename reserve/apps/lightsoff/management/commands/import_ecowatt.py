from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reserve.apps.lightsoff import ecowatt, services
from reserve.core.audit import SYSTEM


class Command(BaseCommand):
    help = (
        "Import EcoWatt day signals from RTE's API JSON answer or a CSV export with the columns "
        "jour, dvalue[, message] (see reserve/apps/lightsoff/ecowatt.py). Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            signals = ecowatt.read_signals(file.read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise CommandError(f"{file}: cannot read EcoWatt signals ({error})") from error
        for day, value, message in signals:
            services.set_ecowatt(SYSTEM, day, value, message, source="file")
        tense = sum(1 for _day, value, _message in signals if value >= 2)
        self.stdout.write(f"{len(signals)} EcoWatt days imported, {tense} orange or red")
