import time

from django.core.management.base import BaseCommand

from reserve.core import schedule


class Command(BaseCommand):
    help = "Enqueue periodic jobs when they are due (see reserve/core/schedule.py)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Check once and exit.")
        parser.add_argument("--interval", type=float, default=60, help="Seconds between checks.")

    def handle(self, *args, **options):
        while True:
            names = schedule.enqueue_due()
            self.stdout.write(
                f"{len(names)} periodic job(s) enqueued" + "".join(f"\n  {name}" for name in names)
            )
            if options["once"]:
                return
            time.sleep(options["interval"])
