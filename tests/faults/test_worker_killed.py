"""A Celery worker killed with SIGKILL (main process and pool child) in the middle of batch work.

Its acks_late message stays unacknowledged in Redis for the visibility timeout (40 minutes), so the work must be
picked up another way: a new worker starting runs the recovery (databases.screening.leases), which finds the
job or sweep that no live task holds and queues it again. The work then ends complete, with no duplicate hit.
"""

import io
import random
import time
from unittest import mock

import pytest
from django.core.management import call_command
from django.db.models import Count

from databases.models import Hit, MatchSweep, Person, ScreeningJob
from databases.models.matching import JobStatus
from databases.screening.jobs import screening_job_create
from databases.screening.sweep import chunk_person_ids, match_sweep_start, sweep_chunk_run
from databases.screening.tasks import match_sweep_work_task
from databases.services import record_create
from databases.tasks import record_match_task
from ncb.models import Unit
from tests.faults.conftest import wait_for

pytestmark = [pytest.mark.faults, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

KNOWN = ["Fernandez", "Okonkwo", "Nakamura", "Schneider", "Petrov", "Haddad", "Kowalski", "Oliveira", "Johansson"]


def _no_duplicate_hit() -> None:
    duplicates = (
        Hit.objects.values("database", "record_id", "unit", "query_key", "rule").annotate(n=Count("id")).filter(n__gt=1)
    )
    assert not duplicates.exists(), list(duplicates)


def _filler_name(rng: random.Random) -> str:
    return "".join(rng.choice("bdgkmprtvz") + rng.choice("aeiou") for _ in range(4)).capitalize()


def test_a_screening_job_finishes_after_its_worker_is_killed_mid_way(services):
    spain, france = Unit.objects.get(code="ncb-es"), Unit.objects.get(code="ncb-fr")
    from tests.ncb.factories import UserFactory

    officer = UserFactory(unit=france, roles=["ncb_officer"])
    for n, family in enumerate(KNOWN):
        data = {"reference": f"ES-K{n}", "status": "wanted", "family_name": family, "given_names": "Maria"}
        record_create(database="persons", owner=spain, actor=None, data={**data, "date_of_birth": "1970-01-01"})
    rng = random.Random(3)
    passengers = [{"family_name": _filler_name(rng), "given_names": "Tomas"} for _ in range(1400)]
    known_lines = []
    for n, family in enumerate(KNOWN):  # spread over the list: some before the kill, some after
        line = 100 + n * 140
        passengers[line] = {"family_name": family, "given_names": "Maria", "date_of_birth": "1970"}
        known_lines.append(line + 1)

    first = services.worker(name="doomed")
    job = screening_job_create(owner=france, actor=officer, passengers=passengers)
    chunk = 200
    wait_for(lambda: ScreeningJob.objects.get(pk=job.pk).processed >= chunk, 60, 0.05, "first chunk")
    first.kill()
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING and chunk <= job.processed < job.total, (job.status, job.processed)
    killed_at = job.processed

    started = time.monotonic()
    second = services.worker(name="replacement")
    wait_for(
        lambda: ScreeningJob.objects.get(pk=job.pk).status == JobStatus.DONE,
        90,
        0.2,
        f"job done\n{second.log()[-3000:]}",
    )
    job.refresh_from_db()
    print(f"killed at {killed_at}/{job.total} rows; finished {time.monotonic() - started:.1f} s after the restart")
    assert job.processed == job.total == 1400
    assert not job.rows.filter(done=False).exists()
    assert sorted(job.rows.exclude(candidates=[]).values_list("line", flat=True)) == known_lines
    assert job.matched == len(KNOWN)
    assert Hit.objects.filter(rule="person_screen", unit=france).count() == len(KNOWN)
    _no_duplicate_hit()
    assert "batch work left by a dead worker queued again" in second.log()


def test_a_sweep_finishes_after_its_worker_is_killed_mid_way(services, settings):
    call_command("generate_records", persons=3000, seed=11, stdout=io.StringIO())
    spain, france = Unit.objects.get(code="ncb-es"), Unit.objects.get(code="ncb-fr")
    # Pairs of the same person recorded by two NCBs, for the sweep to find (not matched on save here).
    with mock.patch.object(record_match_task, "delay"):
        for n, family in enumerate(KNOWN):
            for owner in (spain, france):
                data = {"reference": f"{owner.code}-{n}", "status": "wanted", "family_name": family}
                data |= {"given_names": "Maria", "date_of_birth": "1970-01-01"}
                record_create(database="persons", owner=owner, actor=None, data=data)
    assert Person.objects.count() == 3000 + 2 * len(KNOWN)
    sweep = match_sweep_start(chunk_size=100)
    assert sweep.total_chunks >= 30

    first = services.worker(name="doomed")
    for _worker in range(settings.MATCH_SWEEP_WORKERS):
        match_sweep_work_task.delay(sweep.pk)
    wait_for(lambda: sweep.chunks.filter(status=JobStatus.DONE).count() >= 3, 60, 0.05, "three chunks done")
    first.kill()
    done_at_kill = sweep.chunks.filter(status=JobStatus.DONE).count()
    assert done_at_kill < sweep.total_chunks
    assert MatchSweep.objects.get(pk=sweep.pk).status == JobStatus.RUNNING

    second = services.worker(name="replacement")
    wait_for(
        lambda: MatchSweep.objects.get(pk=sweep.pk).status == JobStatus.DONE,
        90,
        0.2,
        f"sweep done\n{second.log()[-3000:]}",
    )
    sweep.refresh_from_db()
    print(f"killed with {done_at_kill}/{sweep.total_chunks} chunks done; {sweep.hits} hits in all")
    assert not sweep.chunks.exclude(status=JobStatus.DONE).exists()
    hits = Hit.objects.filter(rule="person_name").count()
    assert hits >= len(KNOWN)
    _no_duplicate_hit()
    # Complete: sweeping every chunk again finds no hit that the interrupted sweep missed.
    for chunk in sweep.chunks.all():
        assert sweep_chunk_run(person_ids=chunk_person_ids(chunk)) == 0
    assert Hit.objects.filter(rule="person_name").count() == hits
