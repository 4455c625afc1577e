"""The Python runtime of the long-lived processes (gunicorn and Celery workers): the cycle collector's pace, and
what a web worker prepares as it starts."""

import gc
import itertools
import logging
import threading

from django.conf import settings
from django.db import connection

logger = logging.getLogger(__name__)


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


_served = itertools.count(1)


def collect_request_garbage() -> None:
    """Collect every generation once per GC_FULL_COLLECTION_REQUESTS requests a worker has served (gunicorn.conf.py).

    Django's querysets leave reference cycles behind every request (a prefetched relation's queryset refers back to
    its instance): about 140 objects of garbage a request. A request allocates tens of thousands of objects while
    they are alive, so they have reached the oldest generation when they become garbage, and Python collects it only
    once it counts a quarter of the long-lived objects: a worker's memory grew by 150 MiB over twelve minutes of the
    mixed load before that happened (docs/reliability.md). Collected on a schedule, between requests, it never does.
    """
    if next(_served) % settings.GC_FULL_COLLECTION_REQUESTS == 0:
        gc.collect()


def warm_up_screening() -> threading.Thread:
    """Build the name frequencies of screening in the background as a web worker starts (gunicorn.conf.py).

    At a million persons they take 2.4 s to build. Built at the first screening, they made that screening, and the
    requests its worker took meanwhile, seconds slower: the slowest screenings of the mixed load
    (docs/reliability.md). A screening that arrives during the build waits for it rather than building again.
    """
    thread = threading.Thread(target=_warm_up, name="warm-up-screening", daemon=True)
    thread.start()
    return thread


def _warm_up() -> None:
    from databases.services.match_keys import name_frequencies

    try:
        name_frequencies()
    except Exception:  # the database may not be up yet: the first screening builds them then
        logger.warning("Could not build the name frequencies at start; the first screening will.", exc_info=True)
    finally:
        connection.close()  # this thread's own
