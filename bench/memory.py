"""A web worker's memory over the mixed load's requests, and the matching caches that hold it, in one process.

    DATABASE_URL=postgres://... REDIS_URL=redis://... .venv/bin/python bench/memory.py [--requests 6000]
        [--every 1000] [--empty-caches]

Asks, as the load's officer of ncb-fr (bench/load.py creates it), what the web's workers serve in the mix, in its
proportions: person screenings (half with the date of birth), persons API searches by family name, travel
documents page searches, and the pages (home, persons list, a person, hits). The checks are left out: they go to
the check service. A full collection runs every GC_FULL_COLLECTION_REQUESTS requests, as in the workers.

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

    import django

    django.setup()
    from django.conf import settings
    from django.test import Client
    from rest_framework.test import APIClient

    from databases.models import Person
    from interpol_portal.runtime import garbage_collector_tune
    from ncb.models import User

    garbage_collector_tune()  # as in the workers
    officer = User.objects.get(username="bench.load")
    api, browser = APIClient(), Client()
    api.force_authenticate(officer)
    browser.force_login(officer)
    rng = random.Random(args.seed)
    last = Person.objects.order_by("-id").values_list("id", flat=True).first()
    picked = [rng.randrange(1, last + 1) for _ in range(9000)]
    persons = list(
        Person.objects.filter(id__in=picked).values_list("id", "family_name", "given_names", "date_of_birth")
    )
    caches = matching_caches()
    started = time.monotonic()
    print(f"{len(persons)} persons drawn; caches: {', '.join(caches)}")
    for served in range(1, args.requests + 1):
        person_id, family, given, born = rng.choice(persons)
        draw = rng.random()  # the load's weights without the checks: screening 15, search 20, page 20
        if draw < 15 / 55:
            body = {"family_name": family, "given_names": given}
            if born and rng.random() < 0.5:
                body["date_of_birth"] = born
            response = api.post("/api/v1/screening/persons", body, format="json")
        elif draw < 25 / 55:
            response = api.get("/api/v1/databases/persons/", {"q": family})
        elif draw < 35 / 55:
            response = browser.get("/en/databases/travel-documents/", {"q": f"Q{rng.randrange(10**8):08d}"})
        else:
            pages = ["/en/", "/en/databases/persons/", f"/en/databases/persons/{person_id}/", "/en/databases/hits/"]
            response = browser.get(rng.choice(pages))
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
