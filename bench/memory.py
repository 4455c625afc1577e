"""A web worker's memory over the mixed load's requests, and the matching caches that hold it, in one process.

    DATABASE_URL=postgres://... REDIS_URL=redis://... .venv/bin/python bench/memory.py [--requests 6000]
        [--every 1000] [--empty-caches]

Asks, as the load's officer of ncb-fr, the requests of bench/load.py that the web's workers serve, drawn as the load
draws them (its samples, its mix): person screenings, name and document number searches, pages. The checks are left
out: they go to the check service. A full collection runs every GC_FULL_COLLECTION_REQUESTS requests, as in the workers.

Every --every requests it prints the process's RSS and the entries of each bounded matching cache. With
--empty-caches it empties them after printing: if the RSS then stays level, what grows is the caches.
"""

import argparse
import gc
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interpol_portal.settings")


def rss_mib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return 0


def matching_caches() -> dict:
    """name -> (entries(), empty()) of each per-process cache of person matching."""
    from databases.matching import names, normalize, phonetic, transliterate
    from databases.services import match_keys

    caches = {}
    for module in (transliterate, normalize, names, phonetic):
        for name, function in vars(module).items():
            # Each lru_cache once, in the module that defines it (names imports transliterate_token).
            if hasattr(function, "cache_info") and function.__module__ == module.__name__:
                short = f"{module.__name__.rsplit('.', 1)[-1]}.{name}"
                caches[short] = (lambda function=function: function.cache_info().currsize, function.cache_clear)
    caches["phonetic._PACKED"] = (lambda: len(phonetic._PACKED), phonetic._PACKED.clear)
    caches["match_keys._prepared"] = (lambda: len(match_keys._prepared), match_keys._prepared.clear)
    return caches


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=6000)
    parser.add_argument("--every", type=int, default=1000)
    parser.add_argument("--empty-caches", action="store_true", help="empty the caches after each report")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()

    from bench.load import MIX, prepare, requests_of

    data = prepare(clients=1, seed=args.seed)  # the load's officer and samples (it sets Django up)
    from django.conf import settings
    from django.test import Client
    from rest_framework.test import APIClient

    from interpol_portal.runtime import garbage_collector_tune
    from ncb.models import User

    garbage_collector_tune()  # as in the workers
    officer = User.objects.get(username="bench.load")
    api, browser = APIClient(), Client()
    api.force_authenticate(officer)
    browser.force_login(officer)
    kinds, weights = zip(*[(kind, weight) for kind, weight in MIX if kind != "check"], strict=True)
    rng = random.Random(args.seed)
    caches = matching_caches()
    started = time.monotonic()
    print(f"{len(data['persons'])} persons drawn; caches: {', '.join(caches)}")
    for served in range(1, args.requests + 1):
        method, path, body = requests_of(rng.choices(kinds, weights)[0], data, rng)
        client = api if path.startswith("/api/") else browser
        response = client.generic(method, path, body or "", content_type="application/json")
        if response.status_code != 200:
            raise SystemExit(f"request {served}: {response.status_code}")
        if served % settings.GC_FULL_COLLECTION_REQUESTS == 0:
            gc.collect()
        if served % args.every == 0:
            entries = " ".join(f"{name}={count()}" for name, (count, _empty) in caches.items())
            print(f"{served} requests, {time.monotonic() - started:.0f} s: RSS {rss_mib()} MiB | {entries}", flush=True)
            if args.empty_caches:
                for _count, empty in caches.values():
                    empty()
                gc.collect()


if __name__ == "__main__":
    main()
