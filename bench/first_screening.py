"""A person screening's cost when it records hits, and when it asks again, in one process.

    DATABASE_URL=postgres://... REDIS_URL=redis://... .venv/bin/python bench/first_screening.py [--persons 150]

A first screening writes what it finds: a hit for each candidate owned by another NCB, a notification to each
owner, and a CCC case for each urgent hit once the transaction commits. Asked again, the same query finds its hits
and writes none. Each run screens as an officer of an NCB that has no hit yet (a different NCB each run), so that
every first screening is a first one; the persons asked are drawn as bench/load.py draws them (stored persons,
half of the queries with the date of birth).

Prints, for the first and the repeated screenings, the time and the SQL queries (median, p90, max) and what the first
ones wrote. It writes hits, notifications and cases: run it on a bench database.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interpol_portal.settings")


def officer_of_an_ncb_without_hits():
    """The bench's officer, moved to the first NCB (by code) that no hit names as the querying unit."""
    from django.contrib.auth.models import Group

    from databases.models import Hit
    from ncb.choices import UnitKind
    from ncb.models import Unit, User

    used = Hit.objects.exclude(unit=None).values("unit_id").distinct()
    unit = Unit.objects.filter(kind=UnitKind.NCB).exclude(pk__in=used).order_by("code").first()
    if unit is None:
        raise SystemExit("every NCB has hits: use a new bench database")
    user, _created = User.objects.get_or_create(username="bench.first", defaults={"unit": unit})
    user.unit = unit
    user.save(update_fields=["unit"])
    user.groups.set(Group.objects.filter(name="ncb_officer"))
    return user


def queries_drawn(count: int, seed: int) -> list[dict]:
    from databases.models import Person

    rng = random.Random(seed)
    top = Person.objects.order_by("-id").values_list("id", flat=True).first() or 0
    ids = rng.sample(range(1, top + 1), min(top, count * 2))
    rows = Person.objects.filter(id__in=ids).values_list("family_name", "given_names", "date_of_birth")[:count]
    queries = []
    for family, given, born in rows:
        query = {"family_name": family, "given_names": given}
        if born and rng.random() < 0.5:
            query["date_of_birth"] = born
        queries.append(query)
    return queries


def line(name: str, times: list[float], counts: list[int]) -> str:
    from bench.load import percentile

    return (
        f"| {name} | {len(times)} | {statistics.median(times):.1f} ms | {percentile(times, 0.9):.1f} ms "
        f"| {max(times):.1f} ms | {statistics.median(counts):.0f} | {percentile(counts, 0.9)} | {max(counts)} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--persons", type=int, default=150)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ccc.models import Case
    from databases.models import Hit
    from databases.services.screening import person_screen
    from ncb.models import Notification

    officer = officer_of_an_ncb_without_hits()
    queries = queries_drawn(args.persons, args.seed)
    # One screening first, not counted: the process's imports and caches (a web worker has them at its first request).
    person_screen(viewer=officer, record_hits=False, **queries[0])
    print(f"{len(queries)} persons screened as an officer of {officer.unit.code}")

    notified_before = Notification.objects.count()
    results = {"first": ([], []), "again": ([], [])}
    for query in queries:
        for name in ("first", "again"):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                person_screen(viewer=officer, **query)
                elapsed = (time.perf_counter() - started) * 1000
            results[name][0].append(elapsed)
            results[name][1].append(len(captured))

    hits = Hit.objects.filter(unit=officer.unit)
    print(
        f"written by the first screenings: {hits.count()} hits, "
        f"{Notification.objects.count() - notified_before} notifications, "
        f"{Case.objects.filter(hit__in=hits).count()} CCC cases"
    )
    print("| screening | count | time p50 | p90 | max | queries p50 | p90 | max |")
    print("|---|---|---|---|---|---|---|---|")
    for name, (times, counts) in results.items():
        print(line(name, times, counts))


if __name__ == "__main__":
    main()
