"""Backup and restore of the whole portal: the PostgreSQL database (pg_dump/pg_restore) and the uploaded files.

A backup is a folder: `database.dump` (custom format), `media.tar.gz` and `counts.json`, the row count of every
table. The counts are read in the very snapshot that pg_dump writes (an exported snapshot), so a restore can
prove that every record came back even when the backup was taken while officers were at work.
"""

import contextlib
import json
import os
import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

import psycopg2
from django.conf import settings
from psycopg2 import sql


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why."""


@dataclass(frozen=True)
class BackupSummary:
    folder: Path
    tables: int
    rows: int
    files: int


def backup_create(folder: Path, *, database: dict | None = None) -> BackupSummary:
    """Write a backup of the database and the uploaded files into `folder` (which must not hold one already)."""
    database = _postgres(database)
    folder = Path(folder)
    if (folder / "database.dump").exists():
        raise BackupError(f"{folder} already holds a backup; give another folder.")
    partial = folder / ".partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    with _connect(database) as connection, connection.cursor() as cursor:
        connection.set_session(isolation_level="REPEATABLE READ", readonly=True)
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = _table_counts(cursor)
        # pg_dump reads the snapshot this transaction exported: the dump and the counts see the same rows.
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}"]
            + ["--file", str(partial / "database.dump"), _dsn(database)],
            database,
        )
        connection.rollback()
    (partial / "counts.json").write_text(json.dumps(counts, indent=1, sort_keys=True))
    files = _media_archive(Path(settings.MEDIA_ROOT), partial / "media.tar.gz")
    for item in partial.iterdir():
        item.rename(folder / item.name)
    partial.rmdir()
    return BackupSummary(folder=folder, tables=len(counts), rows=sum(counts.values()), files=files)


def backup_restore(folder: Path, *, database: dict | None = None) -> BackupSummary:
    """Replace the database (in one transaction) and the uploaded files with a backup, then check every count."""
    database = _postgres(database)
    folder = Path(folder)
    if not (folder / "database.dump").is_file() or not (folder / "counts.json").is_file():
        raise BackupError(f"{folder} is not a backup: it should hold database.dump and counts.json.")
    expected = json.loads((folder / "counts.json").read_text())
    _run(
        ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction"]
        + ["--exit-on-error", "--dbname", _dsn(database), str(folder / "database.dump")],
        database,
    )
    files = 0
    if (folder / "media.tar.gz").is_file():
        files = _media_extract(folder / "media.tar.gz", Path(settings.MEDIA_ROOT))
    with _connect(database) as connection, connection.cursor() as cursor:
        restored = _table_counts(cursor)
    differences = {
        table: (rows, restored.get(table)) for table, rows in expected.items() if restored.get(table) != rows
    }
    if differences:
        listing = ", ".join(
            f"{table}: {was} in the backup, {now} now" for table, (was, now) in sorted(differences.items())
        )
        raise BackupError(f"The restored tables do not hold what the backup held: {listing}.")
    return BackupSummary(folder=folder, tables=len(restored), rows=sum(restored.values()), files=files)


def _postgres(database: dict | None) -> dict:
    database = database or settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        raise BackupError("Backup and restore are for PostgreSQL; this portal runs on another database.")
    for tool in ("pg_dump", "pg_restore"):
        if shutil.which(tool) is None:
            raise BackupError(f"{tool} is missing (Debian package postgresql-client).")
    return database


def _dsn(database: dict) -> str:
    parts = {"dbname": database["NAME"], "user": database.get("USER"), "host": database.get("HOST")}
    parts["port"] = database.get("PORT")
    return " ".join(f"{key}={value}" for key, value in parts.items() if value)


@contextlib.contextmanager
def _connect(database: dict):
    connection = psycopg2.connect(_dsn(database), password=database.get("PASSWORD") or None)
    try:
        yield connection
    finally:
        connection.close()


def _run(command: list[str], database: dict) -> None:
    env = dict(os.environ)
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = database["PASSWORD"]
    # A fixed program (pg_dump or pg_restore, by its full path) and an argument list, no shell.
    result = subprocess.run([shutil.which(command[0]), *command[1:]], env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")


def _table_counts(cursor) -> dict[str, int]:
    """The exact row count of every table of the public schema."""
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    counts = {}
    for (table,) in cursor.fetchall():
        cursor.execute(sql.SQL("SELECT count(*) FROM public.{}").format(sql.Identifier(table)))
        counts[table] = cursor.fetchone()[0]
    return counts


def _media_archive(media: Path, archive: Path) -> int:
    files = 0
    with tarfile.open(archive, "w:gz") as tar:
        if media.is_dir():
            for path in sorted(media.rglob("*")):
                if path.is_file():
                    tar.add(path, arcname=str(path.relative_to(media)))
                    files += 1
    return files


def _media_extract(archive: Path, media: Path) -> int:
    """Restore the regular files of the archive into `media`; anything else (links, devices) is skipped.

    Each file is written by hand rather than by `extractall(filter="data")`: Python 3.11 before 3.11.4 (Debian
    12's) has no extraction filters. As that filter does, a path that is absolute or leads out of the folder is
    refused.
    """
    root = media.resolve()
    root.mkdir(parents=True, exist_ok=True)
    files = 0
    with tarfile.open(archive, "r:gz") as tar:
        for member in tar:
            if not member.isfile():
                continue
            target = (root / member.name).resolve()
            if Path(member.name).is_absolute() or not target.is_relative_to(root) or target == root:
                raise BackupError(f"{archive} holds {member.name!r}, a path out of the media folder: not restored.")
            target.parent.mkdir(parents=True, exist_ok=True)
            with tar.extractfile(member) as source, target.open("wb") as copy:
                shutil.copyfileobj(source, copy)
            files += 1
    return files
