"""Person screening latency and the batch sweep, on the database DATABASE_URL names.

    DATABASE_URL=postgres://... .venv/bin/python bench/screening.py --persons 1000000 [--queries 2000] [--sweep]

With --persons the synthetic persons (Latin and Arabic names, manage.py generate_records) are generated first;
the blocking-key table is then rebuilt (manage.py rebuild_match_keys). Prints p50/p99 of person_screen (service
level, the access policy applied, no hit recorded) for queries taken from stored persons, and with --sweep the
time and peak memory of sweeping every person against all (databases.screening.sweep, one process).
"""

import argparse
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interpol_portal.settings")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=0, help="generate this many persons first")
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command

    from databases.models import Person
    from databases.screening.sweep import sweep_pairs
    from databases.services.screening import person_screen_query, screening_query
    from ncb.models import Unit

    if args.persons:
        started = time.monotonic()
        call_command("generate_records", persons=args.persons, seed=args.seed)
        print(f"generated {args.persons} persons in {time.monotonic() - started:.0f} s")
        started = time.monotonic()
        call_command("rebuild_match_keys")
        print(f"keys rebuilt in {time.monotonic() - started:.0f} s")
    total = Person.objects.count()
    unit = Unit.objects.get(code="ncb-fr")
    rng = random.Random(args.seed)
    last = Person.objects.order_by("-pk").values_list("pk", flat=True).first()
    samples = []
    while len(samples) < args.queries:
        ids = [rng.randint(1, last) for _ in range(200)]
        samples.extend(Person.objects.filter(pk__in=ids).values_list("family_name", "given_names", "date_of_birth"))
    queries = [screening_query(family_name=f, given_names=g, date_of_birth=d) for f, g, d in samples[: args.queries]]
    for query in queries[:50]:  # warm the frequency table and connection
        person_screen_query(query=query, viewer=None, unit=unit, record_hits=False)
    timings = []
    for query in queries:
        started = time.perf_counter()
        person_screen_query(query=query, viewer=None, unit=unit, record_hits=False)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p99 = timings[int(len(timings) * 0.99) - 1]
    print(f"screening {total} persons: p50 {statistics.median(timings):.1f} ms, p99 {p99:.1f} ms ({len(timings)} q)")
    if args.sweep:
        started = time.monotonic()
        pairs = 0
        first = Person.objects.order_by("pk").values_list("pk", flat=True).first()
        for start in range(first, last + 1, 5000):
            pairs += len(sweep_pairs(first_id=start, last_id=start + 4999))
        elapsed = time.monotonic() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"sweep {total} x {total}: {elapsed:.0f} s, {pairs} pairs, peak {peak:.0f} MiB (one process)")


if __name__ == "__main__":
    main()
