"""Person screening latency and the batch sweep, on the database DATABASE_URL names.

    DATABASE_URL=postgres://... .venv/bin/python bench/screening.py --persons 1000000 [--queries 2000]
        [--warmup 50] [--names-only] [--sweep [--sweep-samples 8] [--sweep-chunk 20000] [--sweep-seconds 600]]
        [--profile-chunk 500]

With --persons the synthetic persons (Latin and Arabic names, manage.py generate_records) are generated first,
and with --persons or --rebuild-keys the blocking-key table is then rebuilt (manage.py rebuild_match_keys).
Prints p50/p95/p99 of person_screen_query (service level: blocking look-up, candidate rows, scoring, the access
policy, the audit row; no hit recorded) for queries taken from stored persons: as stored, or for half of those
in Arabic script their stored Latin form (a cross-script query). With --sweep, the time and peak memory of
sweep_pairs (the scoring part of the nightly sweep, databases.screening.sweep) over --sweep-samples chunks of
--sweep-chunk persons spread over the sweep's order (year of birth, then id), in one process (stopped after
--sweep-seconds), and their mean times the number of chunks (bench/sweep.py runs a whole sweep on Celery workers
instead); --profile-chunk N profiles a chunk of N persons first. --queries 0 skips the latency part;
--names-only asks without the date of birth; --warmup N asks N queries first, unmeasured (50 by default: the
frequency table and the connection; thousands: a worker's caches of tokens, forms and prepared persons filling, as
in a worker that has served for a while). The process runs with the workers' cycle collector settings
(interpol_portal.runtime), or Python's own with --python-gc, and prints the collections that ran during the
queries.
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


def collector_pauses() -> dict[int, list[float]]:
    """Milliseconds of each cycle collection from now on, per generation (filled as the collector runs)."""
    import gc

    pauses: dict[int, list[float]] = {0: [], 1: [], 2: []}
    started = [0.0]

    def timed(phase: str, info: dict) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            pauses[info["generation"]].append((time.perf_counter() - started[0]) * 1000)

    gc.callbacks.append(timed)
    return pauses


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=0, help="generate this many persons first")
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--rebuild-keys", action="store_true", help="rebuild the blocking keys first")
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--sweep-seconds", type=float, default=0, help="stop the sweep after this (0: no bound)")
    parser.add_argument("--sweep-chunk", type=int, default=20_000, help="persons per sweep chunk (the setting)")
    parser.add_argument("--sweep-samples", type=int, default=8, help="chunks measured, spread over the ids")
    parser.add_argument("--profile-chunk", type=int, default=0, metavar="N", help="cProfile a sweep chunk of N persons")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--names-only", action="store_true", help="ask without the date of birth")
    parser.add_argument("--python-gc", action="store_true", help="Python's collector thresholds, not the workers'")
    parser.add_argument(
        "--warmup", type=int, default=50, help="queries asked before the measured ones (a worker's caches filling)"
    )
    args = parser.parse_args()

    import django

    django.setup()
    if not args.python_gc:
        from interpol_portal.runtime import garbage_collector_tune

        garbage_collector_tune()  # as a gunicorn or Celery worker runs
    pauses = collector_pauses()
    from django.core.management import call_command

    from databases.models import Person
    from databases.screening.sweep import chunk_person_ids, chunk_plan, sweep_pairs
    from databases.services.screening import person_screen_query, screening_query
    from ncb.models import Unit

    if args.persons:
        started = time.monotonic()
        call_command("generate_records", persons=args.persons, seed=args.seed)
        print(f"generated {args.persons} persons in {time.monotonic() - started:.0f} s")
    if args.persons or args.rebuild_keys:
        started = time.monotonic()
        call_command("rebuild_match_keys")
        print(f"keys rebuilt in {time.monotonic() - started:.0f} s", flush=True)
    total = Person.objects.count()
    unit = Unit.objects.get(code="ncb-fr")
    rng = random.Random(args.seed)
    first = Person.objects.order_by("pk").values_list("pk", flat=True).first()
    last = Person.objects.order_by("-pk").values_list("pk", flat=True).first()
    columns = ("family_name", "given_names", "family_name_latin", "given_names_latin", "date_of_birth")
    samples = []
    while args.queries and len(samples) < args.queries + args.warmup:
        ids = [rng.randint(first, last) for _ in range(200)]
        samples.extend(Person.objects.filter(pk__in=ids).values_list(*columns))
    rng.shuffle(samples)
    queries, cross = [], 0
    for family, given, latin_family, latin_given, dob in samples[: args.queries + args.warmup]:
        if not family.isascii() and latin_family and rng.random() < 0.5:
            family, given = latin_family, latin_given
            cross += 1
        dob = None if args.names_only else dob
        queries.append(screening_query(family_name=family, given_names=given, date_of_birth=dob))
    warm, queries = queries[: args.warmup], queries[args.warmup :]
    for query in warm:  # the frequency table and the connection, as a running service has them
        person_screen_query(query=query, viewer=None, unit=unit, record_hits=False)
    for times in pauses.values():
        times.clear()  # the warm-up's do not count
    timings, cpu, found = [], [], []
    for query in queries:
        started, cpu_started = time.perf_counter(), time.process_time()
        candidates = person_screen_query(query=query, viewer=None, unit=unit, record_hits=False)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)  # this process only: PostgreSQL's time is not in it
        found.append(len(candidates))
    timings.sort()

    def pct(p: float) -> float:
        return timings[min(len(timings) - 1, int(len(timings) * p))]

    if not timings:
        print(f"{total} persons, no screening query asked")
    else:
        print(
            f"screening {total} persons: p50 {statistics.median(timings):.1f} ms, p95 {pct(0.95):.1f} ms, "
            f"p99 {pct(0.99):.1f} ms, max {timings[-1]:.1f} ms ({len(timings)} queries, {cross} cross-script; "
            f"candidates returned mean {statistics.mean(found):.1f}); Python CPU per query p50 "
            f"{statistics.median(cpu):.1f} ms",
            flush=True,
        )
        print(
            "cycle collections during the queries (generation: count, longest pause): "
            + ", ".join(f"{gen}: {len(times)}, {max(times, default=0):.0f} ms" for gen, times in pauses.items()),
            flush=True,
        )
    if args.profile_chunk:
        import cProfile
        import pstats

        profile = cProfile.Profile()
        started = time.monotonic()
        profile.enable()
        ids = chunk_person_ids(chunk_plan(args.profile_chunk)[0])
        pairs = sweep_pairs(person_ids=ids)
        profile.disable()
        print(f"profiled chunk: {args.profile_chunk} persons, {len(pairs)} pairs, {time.monotonic() - started:.0f} s")
        stats = pstats.Stats(profile)
        stats.sort_stats("cumulative").print_stats(25)
        stats.sort_stats("tottime").print_stats(15)
    if args.sweep:
        # A chunk is swept against the persons of higher ids, so the chunks of low ids cost the most: the chunks
        # measured are spread evenly over the sweep's chunks, and the whole table is their mean times the chunk
        # count (stopped early, the estimate leans high).
        step = args.sweep_chunk
        chunks = chunk_plan(step)
        count = len(chunks)
        samples = min(args.sweep_samples, count)
        started = time.monotonic()
        times, pairs = [], 0
        for sample in range(samples):
            index = sample * count // samples
            chunk = chunks[index]
            chunk_started = time.monotonic()
            pairs += len(sweep_pairs(person_ids=chunk_person_ids(chunk)))
            times.append(time.monotonic() - chunk_started)
            print(f"  sweep: chunk {index} ({chunk}): {times[-1]:.1f} s, {pairs} pairs so far", flush=True)
            if args.sweep_seconds and time.monotonic() - started > args.sweep_seconds:
                break
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        whole = statistics.mean(times) * count
        print(
            f"sweep: {len(times)} of {count} chunks of {step} persons spread over the sweep, mean "
            f"{statistics.mean(times):.1f} s, {pairs} pairs, peak RSS {peak:.0f} MiB (one process); whole table "
            f"about {whole:.0f} s in one process (bench/sweep.py runs it whole on Celery workers)"
        )


if __name__ == "__main__":
    main()
