"""Redis stopped while officers record data and run checks, against a live gunicorn and a real worker.

The web depends on Redis three ways: the cache (API tokens), the rate limit of the API, and sending Celery tasks
on commit (matching a new record). Each must degrade: requests still answer, with a warning in the log, and the
matching of a record saved during the outage is kept in the database (ncb.outbox) and runs once Redis is back.
"""

import time

import pytest

from databases.models import Hit, Person
from ncb.models import PendingTask, Unit
from ncb.services import api_token_create
from tests.faults.conftest import ApiClient, wait_for
from tests.ncb.factories import UserFactory

pytestmark = [pytest.mark.faults, pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _session(unit) -> ApiClient:
    officer = UserFactory(unit=unit, roles=["ncb_officer"])
    _token, key = api_token_create(user=officer, name="border post")
    return ApiClient(key)


def _person(reference: str, family: str, given: str) -> dict:
    return {
        "reference": reference,
        "status": "wanted",
        "family_name": family,
        "given_names": given,
        "date_of_birth": "1975-03-02",
    }


def _pair_hits(first: Person, second: Person) -> int:
    return Hit.objects.filter(database="persons", record_id__in=[first.pk, second.pk], rule="person_name").count()


def test_the_web_answers_without_redis_and_matching_runs_when_it_is_back(services):
    redis = services.redis()
    worker = services.worker(redis=redis.url)
    web = services.web(redis=redis.url)
    spain, france = _session(Unit.objects.get(code="ncb-es")), _session(Unit.objects.get(code="ncb-fr"))
    persons, check = f"{web.url}/api/v1/databases/persons/", f"{web.url}/api/v1/check/travel-document"

    # With Redis: a record is matched by the worker, as usual.
    assert spain.post(persons, json=_person("ES-R1", "Haddad", "Youssef"), timeout=10).status_code == 201
    assert france.post(persons, json=_person("FR-R1", "Haddad", "Youssef"), timeout=10).status_code == 201
    first, second = Person.objects.get(reference="ES-R1"), Person.objects.get(reference="FR-R1")
    wait_for(lambda: _pair_hits(first, second) == 1, 30, 0.2, f"hit with Redis up\n{worker.log()[-2000:]}")

    redis.stop()
    started = time.monotonic()
    response = spain.post(persons, json=_person("ES-R2", "Benali", "Karim"), timeout=10)
    assert response.status_code == 201, response.text
    response = france.post(persons, json=_person("FR-R2", "Benali", "Karim"), timeout=10)
    assert response.status_code == 201, response.text
    for number in ("XD1234567", "P0000001"):
        response = france.get(check, params={"number": number, "country": "ESP"}, timeout=10)
        assert response.status_code == 200 and response.json()["hit"] is False, response.text
    response = france.post(f"{web.url}/api/v1/screening/persons", json={"family_name": "Haddad"}, timeout=10)
    assert response.status_code == 200 and response.json()["candidates"], response.text
    outage = time.monotonic() - started
    print(f"5 requests during the outage in {outage:.2f} s")
    assert outage < 10
    assert "Redis unavailable" in web.log() and "kept in the outbox" in web.log()
    kept = list(PendingTask.objects.values_list("name", "args"))
    assert ("databases.tasks.record_match_task", ["persons", Person.objects.get(reference="FR-R2").pk]) in kept
    third, fourth = Person.objects.get(reference="ES-R2"), Person.objects.get(reference="FR-R2")
    assert _pair_hits(third, fourth) == 0

    redis.start()
    time.sleep(5.5)  # the web stops trying the broker for ncb.outbox.RETRY_AFTER seconds after a failure
    # The next task the web sends also has the kept ones sent (a beat task does it every minute as well).
    assert spain.post(persons, json=_person("ES-R3", "Nakamura", "Aiko"), timeout=10).status_code == 201
    wait_for(lambda: _pair_hits(third, fourth) == 1, 40, 0.2, f"hit after the outage\n{worker.log()[-3000:]}")
    wait_for(lambda: not PendingTask.objects.exists(), 10, 0.2, "outbox emptied")
    time.sleep(1)
    assert _pair_hits(third, fourth) == 1 and _pair_hits(first, second) == 1
