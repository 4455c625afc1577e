"""Celery wiring of the CCC: beat entries, queue routing and the thin tasks."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from ccc import tasks
from interpol_portal.celery import app, route_by_module
from tests.ccc.factories import CaseFactory


def test_beat_runs_hand_over_and_escalation_every_few_minutes():
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert schedule["ccc-hand-over"]["task"] == "ccc.tasks.cases_hand_over_due_task"
    assert schedule["ccc-escalation"]["task"] == "ccc.tasks.cases_escalate_due_task"
    assert all(schedule[name]["schedule"] <= 600 for name in ("ccc-hand-over", "ccc-escalation"))
    app.loader.import_default_modules()
    assert {"ccc.tasks.cases_hand_over_due_task", "ccc.tasks.cases_escalate_due_task"} <= set(app.tasks)


def test_ccc_tasks_go_to_the_default_queue():
    assert route_by_module("ccc.tasks.cases_escalate_due_task", (), {}, {}) == {"queue": "default"}


@pytest.mark.django_db
def test_escalation_task_runs_the_service(lyon, supervisor):
    CaseFactory(site=lyon, opened_at=timezone.now() - timedelta(hours=13))
    assert tasks.cases_escalate_due_task.delay().get() == 1


@pytest.mark.django_db
def test_hand_over_task_runs_the_service():
    assert tasks.cases_hand_over_due_task.delay().get() >= 0
