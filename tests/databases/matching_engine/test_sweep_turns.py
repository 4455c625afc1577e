"""A sweep is worked in turns: a task stops when its time is up and queues the next, which recovery leaves be."""

import datetime as dt

import pytest
from django.utils import timezone

from databases.models import Hit, MatchSweep
from databases.screening.leases import orphaned_sweeps
from databases.screening.sweep import match_sweep_start, match_sweep_work
from databases.screening.tasks import match_sweep_work_task

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_chunks(person_of, ncb_es, ncb_fr, ncb_eg):
    person_of(ncb_es, "El Khatib", "Mohamed", "1975-03-02")
    person_of(ncb_fr, "الخطيب", "محمد", "1975-03-02")
    person_of(ncb_eg, "Garcia", "Maria", "1980-01-01")
    return match_sweep_start(chunk_size=1)


def test_a_turn_whose_time_is_up_does_one_chunk_and_hands_over(three_chunks):
    turn = match_sweep_work(sweep_id=three_chunks.pk, seconds=0)
    assert turn.chunks == 1 and turn.go_on
    sweep = MatchSweep.objects.get(pk=three_chunks.pk)
    assert sweep.status == "running" and sweep.handed_over_at is not None
    # No task holds the sweep while the next turn waits in the queue: recovery must not queue more workers.
    assert orphaned_sweeps() == []


def test_the_next_turn_takes_over_and_the_last_one_closes_the_sweep(three_chunks):
    match_sweep_work(sweep_id=three_chunks.pk, seconds=0)
    second = match_sweep_work(sweep_id=three_chunks.pk, seconds=0)
    assert second.chunks == 1 and second.go_on
    last = match_sweep_work(sweep_id=three_chunks.pk, seconds=0)
    assert last.chunks == 1 and not last.go_on
    sweep = MatchSweep.objects.get(pk=three_chunks.pk)
    assert sweep.status == "done" and sweep.hits == 1 and Hit.objects.count() == 1
    assert sweep.handed_over_at is None


def test_a_hand_over_whose_successor_never_came_is_recovered(three_chunks, settings):
    match_sweep_work(sweep_id=three_chunks.pk, seconds=0)
    waited = timezone.now() - dt.timedelta(minutes=settings.SCREENING_JOB_REQUEUE_MINUTES + 1)
    MatchSweep.objects.filter(pk=three_chunks.pk).update(handed_over_at=waited)
    assert orphaned_sweeps() == [three_chunks.pk]


def test_a_turn_without_a_time_limit_does_every_chunk(three_chunks):
    turn = match_sweep_work(sweep_id=three_chunks.pk)
    assert turn.chunks == three_chunks.total_chunks and not turn.go_on


def test_the_task_queues_its_turns_until_the_sweep_is_done(three_chunks, settings):
    settings.MATCH_SWEEP_TURN_SECONDS = 0
    assert match_sweep_work_task.delay(three_chunks.pk).get() == 1  # eager: the next turns ran inside this one
    sweep = MatchSweep.objects.get(pk=three_chunks.pk)
    assert sweep.status == "done" and not sweep.chunks.exclude(status="done").exists()
    assert Hit.objects.count() == 1
