"""Restore a backup made by `manage.py backup` (make restore BACKUP=folder)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ncb.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Replace the database and the uploaded files with the backup in FOLDER, then check that every table holds "
        "the rows it held. Stop the web server and the workers first."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)

    def handle(self, *args, folder, **options):
        try:
            summary = backup_restore(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"restored {summary.folder}: {summary.tables} tables, {summary.rows} rows (every count checked), "
            f"{summary.files} uploaded files"
        )
