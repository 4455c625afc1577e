"""The workers' cycle collector: thresholds from the settings, start-up objects frozen, in gunicorn and Celery."""

import gc
import subprocess
import sys

import pytest

from interpol_portal.runtime import garbage_collector_tune


@pytest.fixture
def collector_restored():
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


def test_the_tuning_sets_the_thresholds_and_freezes_what_is_loaded(settings, collector_restored):
    settings.GC_THRESHOLDS = (12_345, 7, 9)
    gc.unfreeze()
    garbage_collector_tune()
    assert gc.get_threshold() == (12_345, 7, 9)
    assert gc.get_freeze_count() > 1000  # Django and the project's modules


@pytest.mark.parametrize(
    "start",
    [
        "import interpol_portal.wsgi",
        "import interpol_portal.wsgi_checks",
        "import django; django.setup(); from celery import signals; import interpol_portal.celery; "
        "signals.worker_process_init.send(None)",
    ],
    ids=["gunicorn", "check service", "celery"],
)
def test_web_and_celery_workers_are_tuned(start, settings):
    # A fresh interpreter, started as a gunicorn or a Celery worker process starts.
    script = f"import gc; {start}; print(tuple(gc.get_threshold()), gc.get_freeze_count())"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    thresholds, frozen = out.stdout.strip().rsplit(" ", 1)
    assert thresholds == str(tuple(settings.GC_THRESHOLDS))
    assert int(frozen) > 1000
