"""The nightly sweep, whole and for real: Celery worker processes share the chunks of one sweep.

    DATABASE_URL=postgres://... REDIS_URL=redis://... .venv/bin/python bench/sweep.py [--workers 2]
        [--chunk 20000] [--turn-seconds 300]

Starts a Celery worker on the batch queue (`-c WORKERS`, the workers' collector settings), starts a sweep as beat
does (its chunks of --chunk persons, WORKERS tasks queued), and waits until the sweep is done. Prints the progress,
then the wall-clock time, chunks, new hits and each worker process's peak memory (VmHWM). The work is
the production code's, hits, notifications and CCC cases included: run it on a benchmark database. Its Redis
queues are emptied first, and sweeps left running by an earlier run are marked failed (the worker would recover
them when it starts).
"""

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interpol_portal.settings")

from bench.load import rss_of_workers  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2, help="worker processes (and sweep tasks)")
    parser.add_argument("--chunk", type=int, default=20_000, help="persons per chunk (the setting: 20,000)")
    parser.add_argument("--turn-seconds", type=int, default=300, help="a task's turn (MATCH_SWEEP_TURN_SECONDS)")
    parser.add_argument("--every", type=float, default=30, help="seconds between two progress lines")
    args = parser.parse_args()

    # The sweep is started here (it queues MATCH_SWEEP_WORKERS tasks) and worked in the worker: both read these.
    os.environ.update(MATCH_SWEEP_TURN_SECONDS=str(args.turn_seconds), MATCH_SWEEP_WORKERS=str(args.workers))
    import django

    django.setup()
    from databases.models import MatchSweep, Person
    from databases.models.matching import JobStatus
    from databases.screening.tasks import match_sweep_start_task
    from interpol_portal.celery import app

    left = MatchSweep.objects.filter(status=JobStatus.RUNNING).update(status=JobStatus.FAILED)
    purged = app.control.purge()
    print(f"persons: {Person.objects.count()}; earlier sweeps marked failed: {left}; messages purged: {purged}")

    command = [sys.executable, "-m", "celery", "-A", "interpol_portal", "worker", "-Q", "batch"]
    command += ["-c", str(args.workers), "--loglevel", "WARNING", "-n", "bench-sweep@%h"]
    worker = subprocess.Popen(command, cwd=ROOT)
    try:
        time.sleep(5)  # the worker's start-up recovery finds nothing to do
        sweep = MatchSweep.objects.get(pk=match_sweep_start_task(chunk_size=args.chunk))  # beat's task, run here
        started = time.monotonic()
        print(f"sweep {sweep.pk}: {sweep.total_chunks} chunks of {args.chunk} persons, {args.workers} workers")
        peaks: dict[int, int] = {}
        while True:
            time.sleep(args.every)
            peaks.update(rss_of_workers(worker.pid, "VmHWM"))
            sweep.refresh_from_db()
            done = sweep.chunks.filter(status=JobStatus.DONE).count()
            elapsed = time.monotonic() - started
            print(f"  {elapsed:6.0f} s: {done}/{sweep.total_chunks} chunks done, worker peaks {peaks} MiB", flush=True)
            if sweep.status != JobStatus.RUNNING:
                break
        elapsed = (sweep.finished_at - sweep.started_at).total_seconds()
        print(
            f"sweep {sweep.pk} {sweep.status}: {elapsed:.0f} s ({elapsed / 60:.1f} min) for {sweep.total_chunks} "
            f"chunks, {sweep.hits} new hits; peak memory per worker process {sorted(peaks.values())} MiB"
        )
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=120)


if __name__ == "__main__":
    main()
