import uuid

import pytest
from django.conf import settings

from interpol_portal.tasks import ping_task

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_a_task_goes_through_redis_to_a_real_worker_and_back(celery_worker_process):
    token = uuid.uuid4().hex
    result = ping_task.apply_async((token,), ignore_result=False)  # the portal ignores results; this test reads one
    answer = result.get(timeout=30)
    assert answer == {"token": token, "database": settings.DATABASES["default"]["NAME"]}


def test_tasks_are_routed_to_the_queue_of_their_module():
    from interpol_portal.celery import route_by_module

    assert route_by_module("databases.tasks.check_task", (), {}, {}) == {"queue": "realtime"}
    assert route_by_module("databases.matching.tasks.sweep_task", (), {}, {}) == {"queue": "batch"}
    assert route_by_module("training.tasks.remind_task", (), {}, {}) == {"queue": "default"}
    assert route_by_module("unknown.tasks.thing", (), {}, {}) == {"queue": "default"}
