import shutil
import subprocess
import time

import pytest
import redis

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_redis(tmp_path):
    """A Redis server of this test's own, so that the test can stop it."""
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    from tests.ports import free_port

    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield process, f"redis://127.0.0.1:{port}/0"
    process.kill()
    process.wait()


def test_healthz_reports_every_part(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    response = client.get("/healthz")
    body = response.json()
    assert set(body["checks"]) == {"database", "redis", "celery", "match_keys"}
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["match_keys"] == "ok"  # an empty key table is current


def test_healthz_says_when_the_keys_are_stale_without_failing(client, settings):
    from databases.models import PersonKeyVersion

    settings.CELERY_TASK_ALWAYS_EAGER = True
    PersonKeyVersion.objects.create(version=0, written_at="2026-01-01T00:00Z")
    body = client.get("/healthz").json()
    assert body["checks"]["match_keys"] == "stale: run manage.py rebuild_match_keys --if-stale"
    assert "match_keys" not in body["failing"]


def test_healthz_is_ok_when_database_and_redis_are_up(client, settings, own_redis):
    _process, url = own_redis
    settings.REDIS_URL = url
    settings.CELERY_TASK_ALWAYS_EAGER = True
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["checks"]["redis"] == "ok"


def test_healthz_is_503_and_names_redis_when_redis_is_stopped(client, settings, own_redis):
    process, url = own_redis
    settings.REDIS_URL = url
    settings.CELERY_TASK_ALWAYS_EAGER = False
    process.kill()
    process.wait()
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert "redis" in body["failing"]
    assert body["checks"]["redis"].startswith("down")
    assert body["checks"]["database"] == "ok"


def test_healthz_is_503_when_no_worker_answers(client, settings):
    """make test's Redis is up but no worker runs during unit tests: celery is named as the failing part."""
    if not settings.CELERY_BROKER_URL.startswith("redis://"):
        pytest.skip("needs the Redis broker of make test")
    settings.CELERY_TASK_ALWAYS_EAGER = False
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["celery"]
