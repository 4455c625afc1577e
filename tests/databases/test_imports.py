"""Bulk import: bad rows reported by line with a reason, good rows land, the same file twice changes nothing."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from databases.choices import ImportStatus
from databases.imports.readers import ImportFileError
from databases.imports.services import records_import
from databases.models import ImportJob, Person, TravelDocument

pytestmark = pytest.mark.django_db

PERSONS_CSV = """reference,family_name,given_names,date_of_birth,sex,nationalities,aliases
P-1,García,María,1980-05-17,F,ES;FR,La Rubia;Mari
P-2,محمد,أحمد,1975,M,EG,Abu Ahmed
P-3,,Nameless,1990,M,ES,
P-4,Dupont,Jean,1990-13-01,M,FR,
P-5,Okafor,Chidi,1988-02,M,XX,
P-6,Smith,John,,Q,GB,
P-1,Again,Duplicate,1980,F,ES,
"""


def _import(ncb, text: str, database: str = "persons", kind: str = "csv"):
    return records_import(database=database, owner=ncb, stream=io.BytesIO(text.encode()), kind=kind)


def test_bad_rows_are_reported_by_line_and_good_rows_land(ncb_es):
    report = _import(ncb_es, PERSONS_CSV)
    assert (report.imported, report.updated, report.rejected) == (2, 0, 5)
    lines = {error["line"]: error["reason"] for error in report.errors}
    assert sorted(lines) == [4, 5, 6, 7, 8]
    assert "family_name" in lines[4]
    assert "date_of_birth" in lines[5]
    assert "XX" in lines[6]
    assert "sex" in lines[7]
    assert "line 2" in lines[8]
    person = Person.objects.get(owner=ncb_es, reference="P-1")
    assert sorted(c.iso2 for c in person.nationalities.all()) == ["ES", "FR"]
    assert [a.name for a in person.aliases.all()] == ["La Rubia", "Mari"]
    arabic = Person.objects.get(reference="P-2")
    assert arabic.family_name_latin == "Muhammad" and arabic.birth_year == 1975


def test_importing_the_same_file_twice_changes_nothing(ncb_es):
    _import(ncb_es, PERSONS_CSV)
    before = list(Person.objects.order_by("pk").values("pk", "updated_at"))
    report = _import(ncb_es, PERSONS_CSV)
    assert (report.imported, report.updated, report.unchanged) == (0, 0, 2)
    assert list(Person.objects.order_by("pk").values("pk", "updated_at")) == before


def test_a_changed_row_updates_the_record_and_its_lists(ncb_es):
    _import(ncb_es, PERSONS_CSV)
    report = _import(ncb_es, "reference,family_name,given_names,nationalities,aliases\nP-1,García,María José,ES,Mari\n")
    assert (report.imported, report.updated) == (0, 1)
    person = Person.objects.get(reference="P-1")
    assert person.given_names == "María José"
    assert [c.iso2 for c in person.nationalities.all()] == ["ES"]
    assert [a.name for a in person.aliases.all()] == ["Mari"]


def test_references_are_per_owner(ncb_es, ncb_fr):
    _import(ncb_es, PERSONS_CSV)
    assert _import(ncb_fr, PERSONS_CSV).imported == 2
    assert Person.objects.filter(reference="P-1").count() == 2


def test_jsonl_travel_documents_with_keys(ncb_es):
    lines = [
        {"reference": "D-1", "number": "AB 123456", "issuing_country": "ES", "status": "stolen"},
        {"reference": "D-2", "number": "", "issuing_country": "ES"},
        "not an object",
    ]
    text = "\n".join(json.dumps(line) for line in lines) + "\n{broken\n"
    report = _import(ncb_es, text, "travel-documents", "jsonl")
    assert (report.imported, report.rejected) == (1, 3)
    assert [e["line"] for e in report.errors] == [2, 3, 4]
    document = TravelDocument.objects.get(reference="D-1")
    assert (document.number_normalized, document.ocr_key, document.issuing_country) == ("AB123456", "A8123456", "ESP")


def test_unknown_csv_column_refuses_the_file(ncb_es):
    with pytest.raises(ImportFileError):
        _import(ncb_es, "reference,colour_of_eyes\nP-1,blue\n")


def test_command_prints_summary_and_reports_bad_lines(ncb_es, tmp_path, capsys):
    path = tmp_path / "persons.csv"
    path.write_text(PERSONS_CSV, encoding="utf-8")
    call_command("import_records", "persons", str(path), "--owner", "es")
    out, err = capsys.readouterr()
    assert "imported 2, updated 0, rejected 5" in out
    assert "line 4:" in err
    call_command("import_records", "persons", str(path), "--owner", "ES")
    assert "imported 0, updated 0, rejected 5" in capsys.readouterr().out


@pytest.mark.parametrize(
    "database, row",
    [
        ("vehicles", "reference,vin,plate,plate_country,make\nV-1,WVWZZZ1JZ3W386752,1234 BCD,ES,Seat\nV-2,SHORT,,,\n"),
        ("firearms", "reference,make,serial_number,firearm_type\nF-1,Glock,AB-123,pistol\nF-2,Glock,,pistol\n"),
        (
            "artworks",
            "reference,title,artist,artwork_type,country_stolen\nA-1,La Maja,Goya,painting,ES\nA-2,,X,vase,ES\n",
        ),
    ],
)
def test_every_database_imports(ncb_es, database, row):
    report = _import(ncb_es, row, database)
    assert (report.imported, report.rejected) == (1, 1), report.errors


def test_upload_page_runs_the_import_as_a_job_with_progress(client, officer_es, django_capture_on_commit_callbacks):
    client.force_login(officer_es)
    upload = SimpleUploadedFile("persons.csv", PERSONS_CSV.encode(), content_type="text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/databases/imports/", {"database": "persons", "file": upload})
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/imports/{job.pk}/")
    assert (job.status, job.imported, job.rejected, job.total) == (ImportStatus.DONE, 2, 5, 7)
    assert [e["line"] for e in job.errors] == [4, 5, 6, 7, 8]
    poll = client.get(f"/en/databases/imports/{job.pk}/", HTTP_HX_REQUEST="true", HTTP_X_POLL="1")
    assert b"<progress" in poll.content and b"base.html" not in poll.content
    page = client.get(f"/en/databases/imports/{job.pk}/")
    assert "Rejected rows" in page.content.decode()


def test_upload_page_is_for_ncb_staff_only(client, ccc_officer):
    client.force_login(ccc_officer)
    assert client.get("/en/databases/imports/").status_code == 403
