"""`manage.py generate_records`: synthetic records at benchmark scale through PostgreSQL COPY, with their keys.

    manage.py generate_records --travel-documents 10000000 --persons 1000000 --vehicles 1000000 --seed 7
    manage.py generate_records --persons 1000000 --names latin-arabic-tokens.tsv   # names drawn from a list

--names takes a tab-separated list of name tokens (columns latin, arabic, count) drawn by count; without it the
persons' names come from short built-in lists, so that every name is very common.

Earlier generated records (references starting GEN-) of the kinds asked for are replaced.
"""

import csv
import io
import time
from itertools import islice

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from ncb.models import Country, Unit

from ... import synthetic
from ...copy_format import vacuum_analyze
from ...models import Person, PersonAlias, TravelDocument, Vehicle

CHUNK = 200_000
BIG_LOAD = 1_000_000
# Secondary indexes (not the primary key, not those backing a constraint) and unique constraints of a table.
INDEXES_SQL = """
    SELECT i.indexname, i.indexdef FROM pg_indexes i
    WHERE i.tablename = %s AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
"""
CONSTRAINTS_SQL = """
    SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
    WHERE conrelid = %s::regclass AND contype = 'u'
"""


class Command(BaseCommand):
    help = "Generate synthetic travel documents, persons and vehicles with PostgreSQL COPY (deterministic seed)."

    def add_arguments(self, parser):
        parser.add_argument("--travel-documents", type=int, default=0)
        parser.add_argument("--persons", type=int, default=0)
        parser.add_argument("--vehicles", type=int, default=0)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--names", help="TSV of name tokens (latin, arabic, count) to draw persons' names from")

    def handle(self, *args, travel_documents, persons, vehicles, seed, names=None, **options):
        if connection.vendor != "postgresql":
            raise CommandError("generate_records needs PostgreSQL (it writes with COPY).")
        owners = list(Unit.objects.filter(kind="ncb").values_list("pk", flat=True))
        countries = list(Country.objects.filter(is_member=True).values_list("pk", flat=True))
        today = timezone.localdate()
        if travel_documents:
            self._replace(TravelDocument)
            self._copy(
                TravelDocument,
                synthetic.TRAVEL_DOCUMENT_COLUMNS,
                synthetic.travel_documents(travel_documents, owners, seed, today),
                travel_documents,
            )
        if persons:
            try:
                pool = synthetic.NamePool.from_tsv(names) if names else None
            except (OSError, ValueError, csv.Error) as error:
                raise CommandError(f"--names: {error}") from error
            self._persons(persons, owners, countries, seed, today, pool)
        if vehicles:
            self._replace(Vehicle)
            self._copy(Vehicle, synthetic.VEHICLE_COLUMNS, synthetic.vehicles(vehicles, owners, seed, today), vehicles)
        for model in (TravelDocument, Person, Vehicle, PersonAlias):
            vacuum_analyze(model._meta.db_table)

    def _replace(self, model) -> None:
        with transaction.atomic():
            deleted = model.objects.filter(reference__startswith=synthetic.PREFIX)._raw_delete(connection.alias)
        if deleted:
            self.stdout.write(f"{model._meta.db_table}: removed {deleted} earlier generated rows")

    def _copy(self, model, columns, lines, total: int) -> None:
        table = model._meta.db_table
        if total < BIG_LOAD:
            self._copy_table(table, columns, lines, total)
            return
        # A big load is faster into a bare table, the indexes (and the unique constraint) built afterwards.
        with connection.cursor() as cursor:
            cursor.execute(INDEXES_SQL, [table])
            indexes = cursor.fetchall()
            cursor.execute(CONSTRAINTS_SQL, [table])
            constraints = cursor.fetchall()
            for name, _definition in constraints:
                cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
            for name, _definition in indexes:
                cursor.execute(f'DROP INDEX IF EXISTS "{name}"')
        self._copy_table(table, columns, lines, total)
        started = time.monotonic()
        with connection.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '1GB'")
            cursor.execute("SET max_parallel_maintenance_workers = 2")
            for _name, definition in indexes:
                cursor.execute(definition)
            for name, definition in constraints:
                cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        self.stdout.write(f"{table}: indexes rebuilt in {time.monotonic() - started:.0f} s")

    def _copy_table(self, table: str, columns, lines, total: int) -> None:
        started, written = time.monotonic(), 0
        sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        with connection.cursor() as cursor:
            while chunk := list(islice(lines, CHUNK)):
                cursor.cursor.copy_expert(sql, io.StringIO("".join(chunk)))
                written += len(chunk)
                if total >= 10 * CHUNK and written % (10 * CHUNK) == 0:
                    self.stdout.write(f"  {table}: {written:,} / {total:,}")
        self.stdout.write(f"{table}: {written:,} rows in {time.monotonic() - started:.0f} s")

    def _persons(self, n: int, owners, countries, seed: int, today, pool) -> None:
        person_ids = Person.objects.filter(reference__startswith=synthetic.PREFIX).values("pk")
        PersonAlias.objects.filter(person_id__in=person_ids)._raw_delete(connection.alias)
        Person.nationalities.through.objects.filter(person_id__in=person_ids)._raw_delete(connection.alias)
        self._replace(Person)
        table = Person._meta.db_table
        with connection.cursor() as cursor:
            # Reserve a block of ids so that nationality and alias rows can name their person in the same pass.
            cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
            sequence = cursor.fetchone()[0]
            cursor.execute("SELECT nextval(%s)", [sequence])
            first = cursor.fetchone()[0]
            cursor.execute("SELECT setval(%s, %s)", [sequence, first + n])
        nationalities: list[str] = []
        aliases: list[str] = []

        def person_lines():
            for line, nationality, alias in synthetic.persons(n, first, owners, countries, seed, today, pool):
                nationalities.extend(nationality)
                aliases.extend(alias)
                yield line

        self._copy_table(table, synthetic.PERSON_COLUMNS, person_lines(), n)
        self._copy_table(
            Person.nationalities.through._meta.db_table,
            ("person_id", "country_id"),
            iter(nationalities),
            len(nationalities),
        )
        self._copy_table(
            PersonAlias._meta.db_table, ("person_id", "name", "name_latin", "name_key"), iter(aliases), len(aliases)
        )
