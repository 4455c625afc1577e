"""`manage.py rebuild_match_keys`: recompute the person blocking keys and templates (after a bulk load, or a change
to databases/matching: until then persons saved before it may not be found, and their templates are ignored)."""

import time

from django.core.management.base import BaseCommand

from ...services.match_keys import key_table_current, person_keys_rebuild, person_templates_refresh


class Command(BaseCommand):
    help = "Recompute every person's blocking keys and scoring template (chunked; COPY on PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("--chunk", type=int, default=20_000, help="persons per transaction")
        parser.add_argument(
            "--templates", action="store_true", help="only write the templates that are missing or outdated"
        )
        parser.add_argument(
            "--if-stale",
            action="store_true",
            help="rebuild the keys only if other matching code wrote them; else write only the outdated templates",
        )

    def handle(self, *args, chunk, templates, if_stale, **options):
        started = time.monotonic()
        stdout = self.stdout if options["verbosity"] > 1 else None
        if if_stale and key_table_current():
            self.stdout.write("The blocking keys are current.")
            templates = True
        if templates:
            written = person_templates_refresh(chunk=chunk, stdout=stdout)
            self.stdout.write(f"{written} templates written in {time.monotonic() - started:.1f} s")
            return
        total = person_keys_rebuild(chunk=chunk, stdout=stdout)
        self.stdout.write(f"{total} keys written in {time.monotonic() - started:.1f} s")
