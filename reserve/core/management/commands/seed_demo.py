from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Load the demo data of every app that has a `demo` module (in INSTALLED_APPS order). "
        "Safe to run again: it updates what exists."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reservists", type=int, default=None, help="How many generated reservists."
        )
        parser.add_argument(
            "--challenges", type=int, default=None, help="How many generated challenges."
        )
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load the demo accounts even where DEMO_DATA is off (their password is public).",
        )

    def handle(self, *args, **options):
        if not settings.DEMO_DATA and not options["allow_production"]:
            raise CommandError(
                "DEMO_DATA is off (as in production): the demo accounts have a public password. "
                "Pass --allow-production to load them anyway."
            )
        for module in demo_modules():
            with transaction.atomic():
                lines = module.seed(options)
            self.stdout.write("\n".join(lines))


def demo_modules():
    for config in apps.get_app_configs():
        name = f"{config.name}.demo"
        if config.name.startswith("reserve.") and find_spec(name) is not None:
            yield import_module(name)
