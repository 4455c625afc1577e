"""A real Celery worker on the real Redis of `make test`, against the test database."""

from tests.celery_worker import celery_worker_process  # noqa: F401  (the fixture, shared with tests/e2e)
