"""`manage.py import_records DATABASE FILE --owner CC`: load a national file of records (CSV or JSON Lines)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from ncb.models import Unit

from ...choices import Database
from ...imports.readers import ImportFileError, file_kind
from ...imports.services import records_import


class Command(BaseCommand):
    help = "Import records of one database for an owner NCB; bad rows are reported by line, good rows land."

    def add_arguments(self, parser):
        parser.add_argument("database", choices=Database.values)
        parser.add_argument("file", help="a .csv (header of field names) or .jsonl file")
        parser.add_argument("--owner", required=True, help="ISO alpha-2 code of the owner NCB's country")
        parser.add_argument("--language", default="en", help="language of the rejection reasons")

    def handle(self, *args, database, file, owner, language, **options):
        unit = Unit.objects.filter(kind="ncb", country__iso2=owner.upper()).first()
        if unit is None:
            raise CommandError(f"No NCB for country code {owner!r}.")
        with translation.override(language):
            try:
                kind = file_kind(file)
                with open(file, "rb") as stream:
                    report = records_import(database=database, owner=unit, stream=stream, kind=kind, file_name=file)
            except (ImportFileError, OSError) as error:
                raise CommandError(str(error)) from error
        for error in report.errors:
            self.stderr.write(f"line {error['line']}: {error['reason']}")
        self.stdout.write(report.summary())
