"""The nightly sweep: every active person against the others, in chunks that any worker may claim.

Chunks follow the persons ordered by year of birth (unknown first), then id. A pair whose dates of birth are
known is a candidate only within a year of each other, so in that order a chunk's candidates are the persons of a
few neighbouring years: about 47,000 persons read and prepared for a chunk of 20,000, where chunks of ids met
about 240,000 spread over the whole table (bench/screening.py --sweep). A person recorded, or whose date of
birth changes, while a sweep runs is matched when saved (services.matching), whichever chunk it falls in.

A sweep row and its chunk rows are written first; each worker task then claims chunks one at a time, under a lock on
the sweep row, so several workers on several machines share one sweep without a coordinator. A worker goes on with
the chunk after its last one, whose candidates it mostly holds prepared already; workers starting together start
apart (_pick). A task works for a turn (MATCH_SWEEP_TURN_SECONDS) and queues its successor, so that no task runs for
the length of a sweep. A chunk claimed by a worker that died is taken again after MATCH_SWEEP_STALE_MINUTES, or at
once when no worker is left on the sweep (leases.batch_work_recover); hits are keyed by pair and rule
(services.matching.pair_hit), so redoing a chunk adds nothing.
"""

import contextlib
import datetime as dt
import functools
import gc
import logging
import time
from typing import NamedTuple

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Exists, F, Q, Value, Window
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone

from interpol_portal.arrays import any_of, int_array
from ncb.services import audit_record

from ..matching import persons as core
from ..models import Hit, MatchSweep, MatchSweepChunk, Person
from ..models.matching import JobStatus
from ..services.match_keys import candidate_rows, compose, key_table_current, pairs_scored
from ..services.matching import _live, _ordered, pair_hit, pair_query_key, pair_visible
from .leases import MATCH_SWEEP, work_lease

# Persons read per candidate query of a chunk.
CANDIDATE_SLICE = 20_000

logger = logging.getLogger(__name__)


@transaction.atomic
def match_sweep_start(*, chunk_size: int | None = None) -> MatchSweep:
    """Create a sweep and its chunks (runs of persons in the sweep's order); the caller queues the workers on
    commit."""
    chunks = chunk_plan(chunk_size or settings.MATCH_SWEEP_CHUNK_PERSONS)
    sweep = MatchSweep.objects.create(status=JobStatus.RUNNING, total_chunks=len(chunks))
    for chunk in chunks:
        chunk.sweep = sweep
    MatchSweepChunk.objects.bulk_create(chunks)
    outcome = f"{len(chunks)} chunks"
    if not key_table_current():
        # The sweep still runs: it finds what the keys allow, and a rebuild is the operator's decision (minutes).
        outcome += ", blocking keys stale"
        logger.warning(
            "Sweep %d runs on blocking keys written by other matching code: pairs with persons saved before the change "
            "may be missed. Run `manage.py rebuild_match_keys --if-stale`.",
            sweep.pk,
        )
    audit_record(actor=None, action="matching.sweep.start", target=sweep, outcome=outcome)
    return sweep


def chunk_plan(chunk_size: int) -> list[MatchSweepChunk]:
    """The chunks (unsaved, without a sweep) of the live persons now: each ends where the next starts, the last
    has no end."""
    starts = chunk_starts(chunk_size)
    ends = [*starts[1:], (None, None)]
    return [
        MatchSweepChunk(first_year=year, first_id=pk, until_year=until_year, until_id=until_id)
        for (year, pk), (until_year, until_id) in zip(starts, ends, strict=False)
    ]


def _in_sweep_order():
    """The live persons with their year in the sweep's order (0 when unknown)."""
    return _live(Person).annotate(sweep_year=Coalesce("birth_year", Value(0)))


def chunk_starts(chunk_size: int) -> list[tuple[int, int]]:
    """(year, id) of every chunk_size-th live person in the sweep's order, the first included."""
    order = [F("sweep_year").asc(), F("pk").asc()]
    ranked = _in_sweep_order().annotate(position=Window(RowNumber(), order_by=order))
    starts = ranked.annotate(offset=(F("position") - 1) % chunk_size).filter(offset=0)
    return list(starts.order_by("sweep_year", "pk").values_list("sweep_year", "pk"))


def chunk_person_ids(chunk: MatchSweepChunk) -> list[int]:
    """Ids of the live persons from the chunk's start up to, not including, its end."""
    year, pk = chunk.first_year, chunk.first_id
    inside = Q(sweep_year__gt=year) | Q(sweep_year=year, pk__gte=pk)
    if chunk.until_id is not None:
        year, pk = chunk.until_year, chunk.until_id
        inside &= Q(sweep_year__lt=year) | Q(sweep_year=year, pk__lt=pk)
    return list(_in_sweep_order().filter(inside).order_by().values_list("pk", flat=True))


def _claim(sweep_id: int, after: int | None = None) -> MatchSweepChunk | None:
    """Claim a chunk for a worker whose last chunk was `after` (an id), if any: see _pick."""
    stale = timezone.now() - dt.timedelta(minutes=settings.MATCH_SWEEP_STALE_MINUTES)
    with transaction.atomic():
        # Claims are a few a minute: one at a time, each seeing what the others hold.
        MatchSweep.objects.select_for_update().filter(pk=sweep_id).values_list("pk").first()
        chunks = list(
            MatchSweepChunk.objects.filter(sweep_id=sweep_id)
            .order_by("first_year", "first_id")
            .only("status", "claimed_at", "first_year", "first_id", "until_year", "until_id")
        )
        states = [_state(chunk, stale) for chunk in chunks]
        position = next((i for i, chunk in enumerate(chunks) if chunk.pk == after), None)
        index = _pick(states, position)
        if index is None:
            return None
        chunk = chunks[index]
        chunk.status, chunk.claimed_at = JobStatus.RUNNING, timezone.now()
        chunk.save(update_fields=["status", "claimed_at"])
    return chunk


FREE, TAKEN, DONE = "free", "taken", "done"


def _state(chunk: MatchSweepChunk, stale: dt.datetime) -> str:
    if chunk.status == JobStatus.PENDING or (chunk.status == JobStatus.RUNNING and chunk.claimed_at < stale):
        return FREE  # a chunk claimed by a worker that stopped answering long ago is taken again
    return TAKEN if chunk.status == JobStatus.RUNNING else DONE


def _pick(states: list[str], after: int | None) -> int | None:
    """The index of the chunk to claim among chunks in sweep order, or None when every chunk is taken or done.

    A worker goes on with the chunk after its last one: consecutive chunks share most of their candidates (the
    persons of neighbouring years), which the worker has just read and prepared and still holds. Otherwise it
    starts a run of free chunks: the longest; at its middle when another worker is heading into it from the
    chunk before, so that workers starting together sweep different years.
    """
    if after is not None and after + 1 < len(states) and states[after + 1] == FREE:
        return after + 1
    best_start, best_length = None, 0
    start = None
    for index, state in enumerate([*states, DONE]):
        if state == FREE and start is None:
            start = index
        elif state != FREE and start is not None:
            if index - start > best_length:
                best_start, best_length = start, index - start
            start = None
    if best_start is None:
        return None
    if best_start > 0 and states[best_start - 1] == TAKEN:
        return best_start + best_length // 2
    return best_start


class SweepTurn(NamedTuple):
    """What one task did on a sweep."""

    chunks: int
    go_on: bool  # its time was up with chunks left: the caller queues the next turn (marked handed over)


def match_sweep_work(*, sweep_id: int, seconds: float | None = None) -> SweepTurn:
    """Take chunks of a sweep until none is left or, with `seconds`, until that time is up (at least one chunk,
    the one in hand finished). Closes the sweep after its last chunk."""
    deadline = None if seconds is None else time.monotonic() + seconds
    done = 0
    with work_lease(MATCH_SWEEP, sweep_id):
        MatchSweep.objects.filter(pk=sweep_id, handed_over_at__isnull=False).update(handed_over_at=None)
        last = None
        while (chunk := _claim(sweep_id, after=last)) is not None:
            hits = sweep_chunk_run(person_ids=chunk_person_ids(chunk))
            with transaction.atomic():
                chunk.status, chunk.hits = JobStatus.DONE, hits
                chunk.save(update_fields=["status", "hits"])
            done, last = done + 1, chunk.pk
            if deadline is not None and time.monotonic() >= deadline:
                break
        # Marked while the lease is still held, so that recovery never sees the sweep without either.
        go_on = deadline is not None and _hand_over(sweep_id)
    _close(sweep_id)
    return SweepTurn(done, go_on)


def _hand_over(sweep_id: int) -> bool:
    pending = MatchSweepChunk.objects.filter(sweep_id=sweep_id, status=JobStatus.PENDING)
    marked = MatchSweep.objects.filter(pk=sweep_id, status=JobStatus.RUNNING).filter(Exists(pending))
    return marked.update(handed_over_at=timezone.now()) > 0


@transaction.atomic
def _close(sweep_id: int) -> None:
    sweep = MatchSweep.objects.select_for_update().get(pk=sweep_id)
    if sweep.status != JobStatus.RUNNING or sweep.chunks.exclude(status=JobStatus.DONE).exists():
        return
    sweep.status, sweep.finished_at = JobStatus.DONE, timezone.now()
    sweep.hits = sum(sweep.chunks.values_list("hits", flat=True))
    sweep.save(update_fields=["status", "finished_at", "hits"])
    audit_record(actor=None, action="matching.sweep.done", target=sweep, outcome=f"{sweep.hits} new hits")


# Pairs (chunk person, other person) sharing a key, each unordered pair once: the probe/stored key relation is
# symmetric (a name's query keys meet another's stored keys exactly when the reverse holds), so the pair is
# taken from its lower id. A chunk's probes are read from its persons' stored keys rather than computed again:
# the stored keys are the query keys (core.query_keys) with the single-name prefixes swapped, the token of a
# name of several ('n:', queried as 'o:' against names of one token) and the name of one token ('o:', which
# its query looks up as 'n:'); the one extra probe a one-token name gets this way ('o:' against 'o:') only finds
# persons its 'n:' probe finds too. The probes go in key order, so that consecutive look-ups meet the same pages
# of the key index; in the chunk's order each read pages of its own (a fifth of the query's time). "C" (byte
# order) sorts fastest and is the index's own order under the C.UTF-8 locale of scripts/services.sh. Dates of
# birth that conflict (core.compare_dates) cannot reach the threshold: the index on (key, birth_year) with month
# and day leaves them out, as match_keys.candidate_ids does for a query; unknown dates match any.
PAIRS = """
    WITH p AS MATERIALIZED (SELECT * FROM (
        SELECT person_id AS id, birth_year AS year, birth_month AS month, birth_day AS day,
            CASE left(key, 2) WHEN 'n:' THEN 'o:' || substr(key, 3) WHEN 'o:' THEN 'n:' || substr(key, 3) ELSE key
            END AS key
        FROM databases_personkey WHERE person_id = ANY(%(ids)s::bigint[])
    ) probes ORDER BY key COLLATE "C")
    SELECT p.id, k.person_id FROM p JOIN databases_personkey k
        ON k.key = p.key AND k.birth_year BETWEEN p.year - 1 AND p.year + 1 AND k.person_id > p.id
    WHERE {reach}
    UNION
    SELECT p.id, k.person_id FROM p JOIN databases_personkey k
        ON k.key = p.key AND k.birth_year IS NULL AND k.person_id > p.id
    WHERE p.year IS NOT NULL
    UNION
    SELECT p.id, k.person_id FROM p JOIN databases_personkey k ON k.key = p.key AND k.person_id > p.id
    WHERE p.year IS NULL
"""
# Without the dates' pruning (a threshold at or below the dates' ceiling), any shared key makes a pair.
PAIRS_ANY_DATE = """
    WITH p AS MATERIALIZED (SELECT * FROM (
        SELECT person_id AS id,
            CASE left(key, 2) WHEN 'n:' THEN 'o:' || substr(key, 3) WHEN 'o:' THEN 'n:' || substr(key, 3) ELSE key
            END AS key
        FROM databases_personkey WHERE person_id = ANY(%(ids)s::bigint[])
    ) probes ORDER BY key COLLATE "C")
    SELECT DISTINCT p.id, k.person_id FROM p JOIN databases_personkey k ON k.key = p.key AND k.person_id > p.id
"""


@functools.cache
def _pairs_statement() -> str:
    return compose(PAIRS, reach=("p.year", "p.month", "p.day"))


def _pairs(person_ids: list[int], threshold: float) -> list[tuple[int, int]]:
    """Candidate pairs of the chunk's persons; those no longer active are left out with the candidates' rows."""
    sql = _pairs_statement() if core.dates_can_rule_out(threshold) else PAIRS_ANY_DATE
    with connection.cursor() as cursor:
        cursor.execute(sql, {"ids": int_array(person_ids)})
        return cursor.fetchall()


def sweep_pairs(*, person_ids: list[int], threshold: float | None = None) -> list[tuple[int, int, core.Score]]:
    """Pairs (person, candidate of another owner, score) at or above threshold for the persons `person_ids`.

    Bulk form of screening: one query gives every candidate pair of the chunk (each unordered pair once, pruned
    by date of birth in the index), one more their rows; then scoring with prepared persons, which leaves out
    the name pairs that cannot reach the threshold with the pair's dates, sexes and nationalities. Pairs sharing
    a single name only (the screening's dated keys) are not swept: they would multiply the pairs many times over;
    a person's own matching when it is saved looks them up.
    """
    threshold = settings.MATCH_PERSON_THRESHOLD if threshold is None else threshold
    with _without_cycle_collection():
        return _scored_pairs(person_ids, threshold)


@contextlib.contextmanager
def _without_cycle_collection():
    """Pause Python's cycle collector: a chunk allocates millions of small objects (names, tokens, scores), none
    in cycles, and each collection walks the whole heap of caches (a fifth of a chunk's time when measured)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _scored_pairs(person_ids: list[int], threshold: float) -> list[tuple[int, int, core.Score]]:
    if not person_ids:
        return []
    pairs = _pairs(person_ids, threshold)
    if not pairs:
        return []
    ids = sorted({pk for pair in pairs for pk in pair})
    templates = core.can_decide_templates(threshold)
    rows = {}
    for start in range(0, len(ids), CANDIDATE_SLICE):
        for row in candidate_rows(ids[start : start + CANDIDATE_SLICE], unit=None, templates=templates):
            rows[row.id] = row
    index = {pk: position for position, pk in enumerate(rows)}
    kept = [
        (index[pk], index[other])
        for pk, other in pairs
        if pk in rows and other in rows and rows[pk].owner_id != rows[other].owner_id
    ]
    subjects = list(rows.values())
    return [(subjects[a].id, subjects[b].id, score) for a, b, score in pairs_scored(subjects, kept, threshold)]


SWEEP_RULE = "person_name"


def sweep_chunk_run(*, person_ids: list[int]) -> int:
    """Record the hits of one chunk's persons (idempotent); return how many were new."""
    pairs = sweep_pairs(person_ids=person_ids)
    if not pairs:
        return 0
    ids = {pk for pair in pairs for pk in pair[:2]}
    records = Person.objects.select_related("owner__country").in_bulk(list(ids))
    ordered: dict[tuple[Person, Person], core.Score] = {}
    for pk, other, score in pairs:
        ordered.setdefault(_ordered(records[pk], records[other]), score)
    existing = _existing_hits(list(ordered))
    created = 0
    with transaction.atomic():
        for (record, source), score in ordered.items():
            key = pair_query_key(source=source, rule=SWEEP_RULE)
            if (record.pk, source.owner_id, key) in existing and pair_visible(record=record, source=source):
                continue  # what pair_hit would find, without its query: most pairs of a sweep were hits already
            reason = "; ".join(reason.text for reason in score.reasons)
            created += pair_hit(record=record, source=source, rule=SWEEP_RULE, score=score.value, reason=reason)
    return created


def _existing_hits(pairs: list[tuple[Person, Person]]) -> set[tuple[int, int, str]]:
    """(record, unit, query key) of the hits already recorded for the pairs (matched record, source), in one query."""
    if not pairs:
        return set()
    hits = Hit.objects.filter(any_of("record_id", {record.pk for record, _ in pairs}), database=Person.DATABASE)
    return set(hits.values_list("record_id", "unit_id", "query_key"))
