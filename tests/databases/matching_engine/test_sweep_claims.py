"""Which chunk a sweep worker claims: the one after its last (shared candidates), else apart from the others."""

import datetime as dt

import pytest
from django.utils import timezone

from databases.models.matching import JobStatus
from databases.screening.sweep import DONE, FREE, TAKEN, _claim, _pick, match_sweep_start

F, T, D = FREE, TAKEN, DONE


@pytest.mark.parametrize(
    ("states", "after", "expected"),
    [
        ([F] * 10, None, 0),  # the first worker starts at the beginning
        ([T] + [F] * 9, None, 5),  # the second one in the middle of what is left
        ([T, T, F, F, F, F, F, F, F, F], 1, 2),  # a worker goes on after its last chunk when it is free...
        ([D, T, T, F, F, F, F, F, F, F], 0, 6),  # ...and otherwise starts anew
        ([D, D, D, F, F, F, F, F, F, F], None, 3),  # a run after finished chunks: from its start
        ([T, F, F, D, F, F, F, F, F, T], None, 4),  # the longest run
        ([D, D, T, D, T], 3, None),  # nothing free
        ([D, F], 1, 1),  # the last chunk done: any free one
        ([], None, None),
    ],
)
def test_pick(states, after, expected):
    assert _pick(states, after) == expected


@pytest.mark.django_db
def test_two_workers_sweep_apart_and_each_goes_on_in_order(person_of, ncb_es, ncb_fr):
    for index in range(8):
        person_of(ncb_es if index % 2 else ncb_fr, f"Family{index}", "Given", f"{1960 + index}-01-01")
    sweep = match_sweep_start(chunk_size=1)
    chunks = list(sweep.chunks.order_by("first_year", "first_id"))

    first = _claim(sweep.pk)
    second = _claim(sweep.pk)
    assert (first, second) == (chunks[0], chunks[4])
    assert _claim(sweep.pk, after=first.pk) == chunks[1]
    assert _claim(sweep.pk, after=second.pk) == chunks[5]
    assert set(sweep.chunks.filter(status=JobStatus.RUNNING)) == {chunks[0], chunks[1], chunks[4], chunks[5]}


@pytest.mark.django_db
def test_a_chunk_left_by_a_worker_that_stopped_is_claimed_again(person_of, ncb_es, settings):
    for index in range(3):
        person_of(ncb_es, f"Family{index}", "Given", f"{1970 + index}-01-01")
    sweep = match_sweep_start(chunk_size=1)
    chunks = list(sweep.chunks.order_by("first_year", "first_id"))
    sweep.chunks.update(status=JobStatus.DONE)
    long_ago = timezone.now() - dt.timedelta(minutes=settings.MATCH_SWEEP_STALE_MINUTES + 1)
    sweep.chunks.filter(pk=chunks[1].pk).update(status=JobStatus.RUNNING, claimed_at=long_ago)

    assert _claim(sweep.pk) == chunks[1]
    assert _claim(sweep.pk) is None
