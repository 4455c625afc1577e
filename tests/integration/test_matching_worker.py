"""The matching engine through a real worker on real Redis: background matching and a batch screening job."""

import time

import pytest

from databases.models import Hit, ScreeningJob
from databases.screening.jobs import screening_job_create
from databases.services import record_create
from databases.services.matching import record_match
from ncb.models import Notification, Unit

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _wait(condition, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


def _person(owner, reference, family, given):
    data = {"reference": reference, "status": "wanted", "family_name": family, "given_names": given}
    return record_create(database="persons", owner=owner, actor=None, data={**data, "date_of_birth": "1975-03-02"})


def test_a_saved_record_is_matched_by_the_worker_once(celery_worker_process):
    spain, france = Unit.objects.get(code="ncb-es"), Unit.objects.get(code="ncb-fr")
    _person(spain, "ES-1", "El Khatib", "Mohamed")
    second = _person(france, "FR-1", "الخطيب", "محمد")
    assert _wait(lambda: Hit.objects.filter(rule="person_name").exists()), celery_worker_process.log_path.read_text()
    time.sleep(1)  # the first record's own task must not add another
    assert Hit.objects.count() == 1
    assert Notification.objects.filter(unit=spain, kind="hit").count() == 1
    assert Notification.objects.filter(unit=france, kind="hit").count() == 1
    assert record_match(database="persons", record_id=second.pk) == 0
    assert Hit.objects.count() == 1


def test_a_screening_job_runs_to_completion_on_the_worker(celery_worker_process):
    from tests.ncb.factories import UserFactory

    spain, france = Unit.objects.get(code="ncb-es"), Unit.objects.get(code="ncb-fr")
    _person(spain, "ES-2", "El Khatib", "Mohamed")
    officer = UserFactory(unit=france, roles=["ncb_officer"])
    passengers = [{"family_name": "El Khatib", "given_names": "Mohamed"}] + [
        {"family_name": f"Traveller{n}", "given_names": "Anna"} for n in range(30)
    ]
    job = screening_job_create(owner=france, actor=officer, passengers=passengers)
    assert _wait(lambda: ScreeningJob.objects.get(pk=job.pk).status == "done"), (
        celery_worker_process.log_path.read_text()
    )
    job.refresh_from_db()
    assert job.processed == 31 and job.matched == 1
    assert Hit.objects.filter(rule="person_screen", unit=france).count() == 1
