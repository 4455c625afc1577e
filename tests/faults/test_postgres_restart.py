"""PostgreSQL restarted under a live gunicorn: the web reconnects by itself, without a restart of its own.

The persistent connections (CONN_MAX_AGE) of the web's threads are cut by the restart; CONN_HEALTH_CHECKS makes
Django test a reused connection at the start of each request and open a new one when it is dead, so only the
requests in flight during the restart itself may fail. The check service's fast path skips that test and finds a
dead connection by its first statement instead; it then hands the call over to the REST framework's view, which
opens a new connection: the same guarantee, which the test checks for both services.
"""

import threading
import time

import pytest
from django.conf import settings

from databases.services import record_create
from ncb.models import Unit
from ncb.services import api_token_create
from tests.faults.conftest import ApiClient
from tests.ncb.factories import UserFactory

pytestmark = [pytest.mark.faults, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("application", ["interpol_portal.wsgi", "interpol_portal.wsgi_checks"])
def test_requests_succeed_again_right_after_a_postgres_restart(services, application):
    spain, france = Unit.objects.get(code="ncb-es"), Unit.objects.get(code="ncb-fr")
    officer = UserFactory(unit=france, roles=["ncb_officer"])
    _token, key = api_token_create(user=officer, name="border post")
    document = {"reference": "ES-D1", "status": "stolen", "number": "XD1234567", "issuing_country": "ESP"}
    record_create(database="travel-documents", owner=spain, actor=None, data={**document, "document_type": "passport"})
    pg = services.postgres()
    pg.copy_database(settings.DATABASES["default"])  # the officer, token and record come along
    web = services.web(database=pg.url, workers=2, application=application)
    api = ApiClient(key)
    check = f"{web.url}/api/v1/check/travel-document"

    def ok() -> bool:
        response = api.get(check, params={"number": "XD1234567", "country": "ESP"}, timeout=10)
        return response.status_code == 200 and response.json()["hit"] is True

    assert all(ok() for _ in range(10))
    during = {"ok": 0, "failed": 0}
    stop = threading.Event()

    def traffic():
        while not stop.is_set():
            try:
                during["ok" if ok() else "failed"] += 1
            except OSError:
                during["failed"] += 1

    thread = threading.Thread(target=traffic)
    thread.start()
    try:
        time.sleep(0.5)
        started = time.monotonic()
        pg.restart()
        restart = time.monotonic() - started
    finally:
        stop.set()
        thread.join(timeout=20)
    # Every request after the restart succeeds, on each worker process and thread of the same gunicorn.
    results = [ok() for _ in range(30)]
    print(f"restart {restart:.1f} s; during it {during}; after it {sum(results)}/30 ok")
    assert all(results), results
    assert web.running()
    if application == "interpol_portal.wsgi_checks":
        return  # serves the checks only
    pages = ApiClient(key).get(f"{web.url}/api/v1/databases/travel-documents/", timeout=10)
    assert pages.status_code == 200 and pages.json()["count"] == 1
