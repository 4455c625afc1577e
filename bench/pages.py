"""Latency of the pages and searches of the mixed load, one request at a time, in-process (no server, no contention).

    DATABASE_URL=postgres://... REDIS_URL=redis://... .venv/bin/python bench/pages.py [--names 200] [--seed 5]

Signs in as the load's officer of ncb-fr (bench/load.py creates it) and asks, in a shuffled order:
  - the persons API searched by family names of stored persons (the load's searches), and the persons page the same;
  - the travel documents page searched by recorded and unknown numbers;
  - home, the persons list, a person's page and the hits list (the load's page views).
Prints per kind: requests, p50/p95/p99/max and the time in SQL of the slowest; then the slowest name searches with
their SQL. The first request of each kind is left out (templates and caches of a fresh process).
"""

import argparse
import os
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interpol_portal.settings")

from bench.load import percentile  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--names", type=int, default=200, help="family names searched (API and page each)")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from databases.models import Person, TravelDocument
    from interpol_portal.runtime import garbage_collector_tune
    from ncb.models import User

    garbage_collector_tune()  # as in the workers
    browser = Client()
    browser.force_login(User.objects.get(username="bench.load"))
    rng = random.Random(args.seed)
    last_person = Person.objects.order_by("-id").values_list("id", flat=True).first()
    sample = [rng.randrange(1, last_person + 1) for _ in range(3 * args.names)]
    families = list(Person.objects.filter(id__in=sample).values_list("family_name", flat=True)[: args.names])
    last_document = TravelDocument.objects.order_by("-id").values_list("id", flat=True).first()
    sample = [rng.randrange(1, last_document + 1) for _ in range(100)]
    numbers = list(TravelDocument.objects.filter(id__in=sample).values_list("number_normalized", flat=True))
    numbers += [f"Q{rng.randrange(10**8):08d}" for _ in range(len(numbers))]

    requests = [("persons API search", "/api/v1/databases/persons/", {"q": name}) for name in families]
    requests += [("persons page search", "/en/databases/persons/", {"q": name}) for name in families]
    requests += [("travel documents page search", "/en/databases/travel-documents/", {"q": n}) for n in numbers]
    picked = [rng.randrange(1, last_person + 1) for _ in range(120)]
    persons = list(Person.objects.filter(id__in=picked).values_list("id", flat=True)[:60])
    requests += [("person page", f"/en/databases/persons/{pk}/", {}) for pk in persons]
    for kind, path in (("home", "/en/"), ("persons list", "/en/databases/persons/"), ("hits", "/en/databases/hits/")):
        requests += [(kind, path, {})] * 60
    rng.shuffle(requests)

    timings: dict[str, list[tuple[float, float, str, list]]] = defaultdict(list)
    seen = set()
    for kind, path, params in requests:
        connection.queries_log.clear()  # the log keeps 9,000 statements: past that, the capture would miss some
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            status = browser.get(path, params).status_code
            elapsed = time.perf_counter() - started
        if status != 200:
            raise SystemExit(f"{path} {params}: {status}")
        if kind not in seen:
            seen.add(kind)
            continue
        statements = sorted(((float(q["time"]), q["sql"][:90]) for q in captured.captured_queries), reverse=True)
        sql = sum(seconds for seconds, _sql in statements)
        timings[kind].append((elapsed * 1000, sql * 1000, params.get("q", ""), statements[:3]))

    print(f"persons: {Person.objects.count():,}; travel documents: {TravelDocument.objects.count():,}\n")
    print("| request | n | p50 | p95 | p99 | max | SQL of the slowest |")
    print("|---|---|---|---|---|---|---|")
    for kind, rows in timings.items():
        times = [row[0] for row in rows]
        slowest = max(rows)
        print(
            f"| {kind} | {len(rows)} | {percentile(times, 0.5):.0f} ms | {percentile(times, 0.95):.0f} ms | "
            f"{percentile(times, 0.99):.0f} ms | {max(times):.0f} ms | {slowest[1]:.0f} ms |"
        )
    print("\nslowest name searches:")
    searches = timings["persons API search"] + timings["persons page search"]
    for elapsed, sql, name, statements in sorted(searches, reverse=True)[:6]:
        print(f"  {elapsed:.0f} ms ({sql:.0f} ms SQL) q={name!r}")
        for seconds, text in statements:
            print(f"      {seconds * 1000:.0f} ms  {text}")


if __name__ == "__main__":
    main()
