"""Back up the database and the uploaded files into a folder (make backup)."""

from datetime import UTC, datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ncb.backups import BackupError, backup_create


class Command(BaseCommand):
    help = "Back up the PostgreSQL database and the uploaded files into FOLDER (default backups/<UTC time>)."

    def add_arguments(self, parser):
        parser.add_argument("folder", nargs="?", type=Path)

    def handle(self, *args, folder, **options):
        folder = folder or Path("backups") / datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        try:
            summary = backup_create(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"backup {summary.folder}: {summary.tables} tables, {summary.rows} rows, {summary.files} uploaded files"
        )
