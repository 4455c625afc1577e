"""make backup / make restore: a backup restored into a fresh database holds every record and every uploaded file."""

import json

import psycopg2
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from databases.models import TravelDocument, Vehicle
from databases.services import record_create
from ncb.backups import BackupError, backup_create, backup_restore
from ncb.models import AuditEntry, Unit

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def fresh_database():
    """An empty database on the test server, dropped afterwards."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("needs PostgreSQL (make test starts it)")
    database = dict(settings.DATABASES["default"], NAME=f"{settings.DATABASES['default']['NAME']}_restored")
    _admin(f'DROP DATABASE IF EXISTS "{database["NAME"]}"')
    _admin(f'CREATE DATABASE "{database["NAME"]}"')
    yield database
    _admin(f'DROP DATABASE IF EXISTS "{database["NAME"]}" WITH (FORCE)')


def _admin(statement: str) -> None:
    database = settings.DATABASES["default"]
    connection = psycopg2.connect(
        dbname="postgres", user=database["USER"], host=database["HOST"], port=database["PORT"]
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(statement)
    connection.close()


def _rows(database: dict, query: str) -> list[tuple]:
    connection = psycopg2.connect(
        dbname=database["NAME"], user=database["USER"], host=database["HOST"], port=database["PORT"]
    )
    with connection.cursor() as cursor:
        cursor.execute(query)
        rows = cursor.fetchall()
    connection.close()
    return rows


def _some_records():
    spain, france = Unit.objects.get(code="ncb-es"), Unit.objects.get(code="ncb-fr")
    for index in range(25):
        record_create(
            database="travel-documents",
            owner=spain,
            actor=None,
            data={
                "reference": f"ES-B{index}",
                "status": "stolen",
                "number": f"XB{index:07d}",
                "issuing_country": "ESP",
                "document_type": "passport",
            },
        )
    record_create(
        database="vehicles",
        owner=france,
        actor=None,
        data={"reference": "FR-V1", "status": "stolen", "vin": "1M8GDM9AXKP042788", "make": "Renault"},
    )


def test_a_backup_restored_into_a_fresh_database_holds_every_record_and_file(tmp_path, settings, fresh_database):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "photos" / "persons").mkdir(parents=True)
    (settings.MEDIA_ROOT / "photos" / "persons" / "p1.jpg").write_bytes(b"\xff\xd8 a photo")
    _some_records()
    documents, audit = TravelDocument.objects.count(), AuditEntry.objects.count()

    made = backup_create(tmp_path / "backup")
    assert made.files == 1 and made.rows > documents
    counts = json.loads((tmp_path / "backup" / "counts.json").read_text())
    assert counts["databases_traveldocument"] == documents == 25

    settings.MEDIA_ROOT = tmp_path / "media-restored"
    restored = backup_restore(tmp_path / "backup", database=fresh_database)

    assert (restored.tables, restored.rows, restored.files) == (made.tables, made.rows, 1)
    references = {row[0] for row in _rows(fresh_database, "SELECT reference FROM databases_traveldocument")}
    assert references == {f"ES-B{index}" for index in range(25)}
    assert _rows(fresh_database, "SELECT vin FROM databases_vehicle") == [("1M8GDM9AXKP042788",)]
    assert _rows(fresh_database, "SELECT count(*) FROM ncb_auditentry") == [(audit,)]
    assert (settings.MEDIA_ROOT / "photos" / "persons" / "p1.jpg").read_bytes() == b"\xff\xd8 a photo"
    assert Vehicle.objects.count() == 1  # the source is untouched


def test_a_restore_that_does_not_find_every_row_fails_and_names_the_table(tmp_path, settings, fresh_database):
    settings.MEDIA_ROOT = tmp_path / "media"
    _some_records()
    backup_create(tmp_path / "backup")
    counts_file = tmp_path / "backup" / "counts.json"
    counts = json.loads(counts_file.read_text())
    counts["databases_traveldocument"] += 1  # as if a row had been lost on the way
    counts_file.write_text(json.dumps(counts))

    with pytest.raises(BackupError, match="databases_traveldocument: 26 in the backup, 25 now"):
        backup_restore(tmp_path / "backup", database=fresh_database)


def test_backup_refuses_to_overwrite_and_restore_refuses_a_folder_that_is_no_backup(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    backup_create(tmp_path / "backup")
    with pytest.raises(BackupError, match="already holds a backup"):
        backup_create(tmp_path / "backup")
    (tmp_path / "empty").mkdir()
    with pytest.raises(BackupError, match="is not a backup"):
        backup_restore(tmp_path / "empty")


def test_the_commands_print_what_they_did(tmp_path, settings, fresh_database, capsys):
    settings.MEDIA_ROOT = tmp_path / "media"
    _some_records()
    call_command("backup", str(tmp_path / "backup"))
    assert "tables" in capsys.readouterr().out
    with pytest.raises(CommandError, match="is not a backup"):
        call_command("restore", str(tmp_path / "nothing-here"))
