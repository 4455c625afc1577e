"""The Python runtime of the long-lived processes (gunicorn and Celery workers): the cycle collector's pace."""

import gc

from django.conf import settings


def garbage_collector_tune() -> None:
    """Collect less often, and never scan what was loaded at start-up.

    A worker's caches (name forms, tokens, prepared persons) hold hundreds of thousands of objects. With Python's
    default thresholds the collector walked all of them every few dozen screenings, each time pausing the worker
    for up to 0.6 s: that was most of screening's slowest percent (bench/screening.py, docs/benchmarks.md).
    Objects alive at start-up (Django, the URL map, translations) live as long as the process: frozen, the
    collector skips them. Garbage without cycles is freed at once whatever the thresholds; only cyclic garbage
    waits longer.
    """
    gc.freeze()
    gc.set_threshold(*settings.GC_THRESHOLDS)
