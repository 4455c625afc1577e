"""Load demo data of every app (idempotent). Each app with a `demo` module adds its part, in app order."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ncb.setup import load_reference_data

DEMO_APPS = ("ncb", "databases", "notices", "ccc", "training", "analysis")


class Command(BaseCommand):
    help = "Load the demo data (users, records, notices, cases, courses). Refused in production."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("Demo data is never loaded in production (PORTAL_ENV=production).")
        with transaction.atomic():
            load_reference_data()
            for label in DEMO_APPS:
                if apps.is_installed(label) and find_spec(f"{label}.demo") is not None:
                    import_module(f"{label}.demo").load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
