import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from databases.models import Hit, ScreeningJob
from databases.screening.jobs import screening_job_run
from tests.databases.conftest import token_client

pytestmark = pytest.mark.django_db
URL = "/api/v1/screening/jobs"
PASSENGERS = [
    {"family_name": "الخطيب", "given_names": "محمد", "date_of_birth": "1975-03-02"},
    {"family_name": "Nobody", "given_names": "Else"},
    {"family_name": "Bad", "date_of_birth": "1975-99"},
]


def test_a_json_list_is_screened_with_progress_and_results(
    officer_fr, person_of, ncb_es, django_capture_on_commit_callbacks
):
    person = person_of(ncb_es, "El Khatib", "Mohamed", "1975-03-02")
    client = token_client(officer_fr)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, PASSENGERS, format="json")
    assert response.status_code == 202
    body = client.get(f"{URL}/{response.json()['id']}").json()
    assert body["status"] == "done" and body["processed"] == 3 and body["progress"] == 100 and body["matched"] == 1
    first, second, third = body["results"]
    assert [c["id"] for c in first["candidates"]] == [person.pk] and second["candidates"] == []
    assert third["error"].startswith("date_of_birth")


def test_a_csv_upload_and_a_resumed_run_create_no_duplicate_hit(officer_fr, person_of, ncb_es, settings):
    settings.SCREENING_JOB_CHUNK_ROWS = 1
    person_of(ncb_es, "El Khatib", "Mohamed", "1975-03-02")
    csv = "surname;first_name;dob\nEl Khatib;Mohamed;1975-03-02\nالخطيب;محمد;1975-03-02\n".encode()
    response = token_client(officer_fr).post(URL, {"file": SimpleUploadedFile("list.csv", csv)}, format="multipart")
    assert response.status_code == 202
    job = ScreeningJob.objects.get(pk=response.json()["id"])
    screening_job_run(job_id=job.pk)
    hits = Hit.objects.count()
    assert hits == 2  # two spellings, two queries
    job.rows.update(done=False)  # as if the worker died: everything is screened again
    ScreeningJob.objects.filter(pk=job.pk).update(status="running")
    screening_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == "done" and job.matched == 2
    assert Hit.objects.count() == hits


def test_a_cancelled_job_stops(officer_fr):
    client = token_client(officer_fr)
    job_id = client.post(URL, PASSENGERS, format="json").json()["id"]
    assert client.post(f"{URL}/{job_id}/cancel").json()["status"] == "cancelled"
    screening_job_run(job_id=job_id)
    assert ScreeningJob.objects.get(pk=job_id).processed == 0


def test_bad_lists_are_refused(officer_fr):
    client = token_client(officer_fr)
    assert client.post(URL, {"passengers": "x"}, format="json").status_code == 400
    assert client.post(URL, [], format="json").status_code == 400
    upload = SimpleUploadedFile("list.csv", b"a,b\n1,2\n")
    assert client.post(URL, {"file": upload}, format="multipart").status_code == 400


def test_another_ncb_cannot_read_a_job(officer_fr, officer_es):
    job_id = token_client(officer_fr).post(URL, PASSENGERS, format="json").json()["id"]
    assert token_client(officer_es).get(f"{URL}/{job_id}").status_code == 404
