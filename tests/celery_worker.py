"""A real Celery worker on the real Redis of `make test`, against the test database.

Shared by the integration tests and the browser journeys (their conftest.py import the fixture): tasks that a
page queues on commit go through Redis to a separate worker process, which reads the same test database.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def celery_worker_process(transactional_db):
    """Start a worker process; tasks sent during the test go through Redis to it."""
    from interpol_portal.celery import app

    if not settings.REDIS_URL:
        pytest.skip("needs Redis (make test starts it)")
    database = settings.DATABASES["default"]
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
            "CELERY_TASK_ALWAYS_EAGER": "0",
        }
    )
    log_path = Path(os.environ.get("PORTAL_TEST_DATA_DIR", "/tmp")) / f"worker-{os.getpid()}-{time.time_ns()}.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "interpol_portal",
                "worker",
                "-Q",
                "realtime,batch,default",
                "--concurrency",
                "1",
                "--pool",
                "prefork",
                "--loglevel",
                "INFO",
                "-n",
                f"test-{time.time_ns()}@%h",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    app.conf.task_always_eager = False
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"the worker exited early:\n{log_path.read_text()[-3000:]}")
            if app.control.ping(timeout=0.5):
                break
        else:
            pytest.fail(f"the worker did not answer within 60 s:\n{log_path.read_text()[-3000:]}")
        process.log_path = log_path
        yield process
    finally:
        app.conf.task_always_eager = True
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
