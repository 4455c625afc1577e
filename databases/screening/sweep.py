"""The nightly sweep: every active person against the others, in chunks of ids that any worker may claim.

A sweep row and its chunk rows are written first; each worker task then claims the next pending chunk with
SELECT ... FOR UPDATE SKIP LOCKED, so several workers on several machines share one sweep without a
coordinator. A chunk claimed by a worker that died is taken again after MATCH_SWEEP_STALE_MINUTES, or at once
when no worker is left on the sweep (leases.batch_work_recover); hits are keyed by pair and rule
(services.matching.pair_hit), so redoing a chunk adds nothing.
"""

import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Min, Q
from django.utils import timezone

from ncb.services import audit_record

from ..matching import persons as core
from ..models import MatchSweep, MatchSweepChunk, Person, PersonKey
from ..models.matching import JobStatus
from ..services.match_keys import PERSON_COLUMNS, candidate_rows, name_frequencies, prepared_persons
from ..services.matching import _live, _ordered, pair_hit
from .leases import MATCH_SWEEP, work_lease


@transaction.atomic
def match_sweep_start(*, chunk_size: int | None = None) -> MatchSweep:
    """Create a sweep and its chunks (ranges of person ids); the caller queues the workers on commit."""
    chunk_size = chunk_size or settings.MATCH_SWEEP_CHUNK_PERSONS
    bounds = _live(Person).aggregate(first=Min("pk"), last=Max("pk"))
    sweep = MatchSweep.objects.create(status=JobStatus.RUNNING)
    chunks = []
    if bounds["first"] is not None:
        for first in range(bounds["first"], bounds["last"] + 1, chunk_size):
            chunks.append(MatchSweepChunk(sweep=sweep, first_id=first, last_id=first + chunk_size - 1))
    MatchSweepChunk.objects.bulk_create(chunks)
    sweep.total_chunks = len(chunks)
    sweep.save(update_fields=["total_chunks"])
    audit_record(actor=None, action="matching.sweep.start", target=sweep, outcome=f"{len(chunks)} chunks")
    return sweep


def _claim(sweep_id: int) -> MatchSweepChunk | None:
    stale = timezone.now() - dt.timedelta(minutes=settings.MATCH_SWEEP_STALE_MINUTES)
    with transaction.atomic():
        chunk = (
            MatchSweepChunk.objects.select_for_update(skip_locked=True)
            .filter(Q(status=JobStatus.PENDING) | Q(status=JobStatus.RUNNING, claimed_at__lt=stale), sweep_id=sweep_id)
            .order_by("first_id")
            .first()
        )
        if chunk is None:
            return None
        chunk.status, chunk.claimed_at = JobStatus.RUNNING, timezone.now()
        chunk.save(update_fields=["status", "claimed_at"])
    return chunk


def match_sweep_work(*, sweep_id: int) -> int:
    """Take chunks of a sweep until none is left; return the chunks this call did. Closes the sweep at the end."""
    done = 0
    with work_lease(MATCH_SWEEP, sweep_id):
        while (chunk := _claim(sweep_id)) is not None:
            hits = sweep_chunk_run(first_id=chunk.first_id, last_id=chunk.last_id)
            with transaction.atomic():
                chunk.status, chunk.hits = JobStatus.DONE, hits
                chunk.save(update_fields=["status", "hits"])
            done += 1
    _close(sweep_id)
    return done


@transaction.atomic
def _close(sweep_id: int) -> None:
    sweep = MatchSweep.objects.select_for_update().get(pk=sweep_id)
    if sweep.status != JobStatus.RUNNING or sweep.chunks.exclude(status=JobStatus.DONE).exists():
        return
    sweep.status, sweep.finished_at = JobStatus.DONE, timezone.now()
    sweep.hits = sum(sweep.chunks.values_list("hits", flat=True))
    sweep.save(update_fields=["status", "finished_at", "hits"])
    audit_record(actor=None, action="matching.sweep.done", target=sweep, outcome=f"{sweep.hits} new hits")


def sweep_pairs(*, first_id: int, last_id: int, threshold: float | None = None) -> list[tuple[int, int, core.Score]]:
    """Pairs (person, candidate of another owner, score) at or above threshold for the persons of an id range.

    Bulk form of screening: one query for the chunk's persons, one for the keys of all of them, one (batched)
    for their candidates; then pure-Python scoring with prepared persons.
    """
    threshold = settings.MATCH_PERSON_THRESHOLD if threshold is None else threshold
    rows = list(_live(Person).filter(pk__gte=first_id, pk__lte=last_id).order_by().values_list(*PERSON_COLUMNS))
    if not rows:
        return []
    owners = {row[0]: row[1] for row in rows}
    prepared = prepared_persons(rows)
    queries = {}
    for row in rows:
        family, given = row[4], row[5]
        queries[row[0]] = core.query_keys(family, given)
    postings: dict[str, list[int]] = defaultdict(list)
    all_keys = sorted(set().union(*queries.values()))
    for start in range(0, len(all_keys), 5000):
        part = all_keys[start : start + 5000]
        for key, person_id in PersonKey.objects.filter(key__in=part).values_list("key", "person_id"):
            postings[key].append(person_id)
    wanted: dict[int, set[int]] = {}
    for pk, keys in queries.items():
        ids: set[int] = set()
        for key in keys:
            ids.update(postings.get(key, ()))
            if len(ids) > settings.MATCH_MAX_CANDIDATES:
                break
        ids.discard(pk)
        wanted[pk] = ids
    candidate_ids = sorted(set().union(*wanted.values()))
    candidates = {}
    for start in range(0, len(candidate_ids), 20_000):
        for row in candidate_rows(candidate_ids[start : start + 20_000], unit=None):
            candidates[row.id] = row
    frequencies = name_frequencies()
    pairs = []
    for pk, ids in wanted.items():
        query = prepared[pk]
        for other in ids:
            row = candidates.get(other)
            if row is None or row.owner_id == owners[pk]:
                continue
            if core.score(query, row.prepared, frequencies, explain=False).value >= threshold:
                pairs.append((pk, other, core.score(query, row.prepared, frequencies)))
    return pairs


def sweep_chunk_run(*, first_id: int, last_id: int) -> int:
    """Record the hits of one chunk (idempotent); return how many were new."""
    pairs = sweep_pairs(first_id=first_id, last_id=last_id)
    if not pairs:
        return 0
    ids = {pk for pair in pairs for pk in pair[:2]}
    records = Person.objects.select_related("owner__country").in_bulk(list(ids))
    created = 0
    with transaction.atomic():
        seen = set()
        for pk, other, score in pairs:
            record, source = _ordered(records[pk], records[other])
            if (record.pk, source.pk) in seen:
                continue
            seen.add((record.pk, source.pk))
            reason = "; ".join(reason.text for reason in score.reasons)
            created += pair_hit(record=record, source=source, rule="person_name", score=score.value, reason=reason)
    return created
