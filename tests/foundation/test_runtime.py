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


def _gunicorn_hooks():
    import runpy
    from pathlib import Path

    return runpy.run_path(str(Path(__file__).resolve().parents[2] / "gunicorn.conf.py"))


@pytest.mark.django_db
def test_a_web_worker_builds_the_name_frequencies_as_it_starts_and_a_check_worker_does_not(monkeypatch):
    from types import SimpleNamespace

    from interpol_portal import runtime
    from interpol_portal.handlers import CheckServiceHandler, PortalHandler

    started = []
    monkeypatch.setattr(runtime, "warm_up_screening", lambda: started.append(True))
    post_worker_init = _gunicorn_hooks()["post_worker_init"]
    post_worker_init(SimpleNamespace(wsgi=CheckServiceHandler()))
    assert started == []
    post_worker_init(SimpleNamespace(wsgi=PortalHandler()))
    assert started == [True]


@pytest.mark.django_db
def test_the_warm_up_builds_the_frequencies_in_a_thread_of_its_own(monkeypatch):
    from databases.services import match_keys
    from interpol_portal.runtime import warm_up_screening

    monkeypatch.setattr(match_keys, "_frequencies", None)
    thread = warm_up_screening()
    thread.join(timeout=60)
    assert not thread.is_alive() and match_keys._frequencies is not None


def test_calls_arriving_during_the_first_build_wait_for_it_instead_of_building_again(monkeypatch):
    import threading
    import time

    from databases.services import match_keys

    builds = []

    def slow_build():
        builds.append(threading.get_ident())
        time.sleep(0.2)
        match_keys._frequencies = (time.monotonic(), "the table")
        return "the table"

    monkeypatch.setattr(match_keys, "_frequencies", None)
    monkeypatch.setattr(match_keys, "_frequencies_build", slow_build)
    answers = []
    threads = [threading.Thread(target=lambda: answers.append(match_keys.name_frequencies())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1 and answers == ["the table"] * 4


def test_a_web_worker_collects_every_generation_on_a_schedule_and_a_check_worker_does_not(monkeypatch, settings):
    import itertools
    from types import SimpleNamespace

    from interpol_portal import runtime
    from interpol_portal.handlers import CheckServiceHandler, PortalHandler

    collections = []
    monkeypatch.setattr(runtime.gc, "collect", lambda *generation: collections.append(generation))
    monkeypatch.setattr(runtime, "_served", itertools.count(1))
    settings.GC_FULL_COLLECTION_REQUESTS = 3
    post_request = _gunicorn_hooks()["post_request"]
    for _ in range(7):
        post_request(SimpleNamespace(wsgi=CheckServiceHandler()), None, {}, None)
    assert collections == []
    for _ in range(7):
        post_request(SimpleNamespace(wsgi=PortalHandler()), None, {}, None)
    assert collections == [(), ()]  # after the third and the sixth request: every generation
