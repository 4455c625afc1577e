"""`manage.py rebuild_match_keys`: recompute the person blocking keys and templates (after a bulk load, or a change
to databases/matching, whose templates are ignored until then)."""

import time

from django.core.management.base import BaseCommand

from ...services.match_keys import person_keys_rebuild


class Command(BaseCommand):
    help = "Recompute every person's blocking keys and scoring template (chunked; COPY on PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("--chunk", type=int, default=20_000, help="persons per transaction")

    def handle(self, *args, chunk, **options):
        started = time.monotonic()
        total = person_keys_rebuild(chunk=chunk, stdout=self.stdout if options["verbosity"] > 1 else None)
        self.stdout.write(f"{total} keys written in {time.monotonic() - started:.1f} s")
