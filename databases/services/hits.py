"""Recording hits: once per query and record, the owner told, the CCC called for a high-priority hit."""

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_noop

from ncb.models import Unit, User
from ncb.services import audit_record, notifications_send

from ..choices import HitPriority, HitReview, RecordStatus
from ..models import GlobalRecord, Hit
from ..tasks import hit_mail_owner_task

logger = logging.getLogger(__name__)

# How urgent a hit is, by what was matched: a wanted person or a firearm calls for action at once.
_PRIORITY_OF_STATUS = {
    RecordStatus.WANTED: HitPriority.URGENT,
    RecordStatus.MISSING: HitPriority.HIGH,
    RecordStatus.STOLEN: HitPriority.HIGH,
    RecordStatus.STOLEN_BLANK: HitPriority.HIGH,
    RecordStatus.REVOKED: HitPriority.HIGH,
    RecordStatus.LOST: HitPriority.NORMAL,
}


def hit_priority(*, record: GlobalRecord, score: float) -> int:
    """Priority of a hit: from the record's status, one step lower for an inexact match."""
    priority = _PRIORITY_OF_STATUS.get(record.status, HitPriority.LOW)
    if record.DATABASE == "firearms":
        priority = HitPriority.URGENT
    if score < 1.0:
        priority = max(HitPriority.LOW, priority - 1)
    return int(priority)


def hit_record(
    *,
    record: GlobalRecord,
    unit: Unit | None,
    user: User | None,
    query: dict,
    query_key: str,
    rule: str,
    reason: str = "",
    score: float = 1.0,
    source: GlobalRecord | None = None,
) -> tuple[Hit, bool]:
    """Record a hit unless this unit's same query already hit this record; return (hit, created).

    A new hit notifies the record's owner (in-app, and by mail when the unit has an address) and, at or above
    HIT_CASE_PRIORITY_THRESHOLD, is handed to HIT_ESCALATION_HANDLER once the transaction commits (hits_escalate).
    """
    found = HitDraft(record, score, reason)
    draft = _hit_of(found, unit=unit, user=user, query=query, query_key=query_key, rule=rule, source=source)
    lookup = {name: getattr(draft, name) for name in ("database", "record_id", "unit", "query_key")}
    defaults = {name: getattr(draft, name) for name in _HIT_FIELDS}
    # get_or_create catches the IntegrityError of two identical checks at the same moment and returns the hit the
    # other one recorded.
    hit, created = Hit.objects.get_or_create(**lookup, defaults=defaults)
    if created:
        _announce(hits=[hit], records=[record], unit=unit)
    return hit, created


@dataclass(frozen=True)
class HitDraft:
    """A record one query matched, how well and why: what hits_record_many writes of it."""

    record: GlobalRecord
    score: float
    reason: str


def hits_record_many(
    *, drafts: Sequence[HitDraft], unit: Unit | None, user: User | None, query: dict, query_key: str, rule: str
) -> dict[int, int]:
    """Record the hits of one query on records it has not hit yet (a screening's candidates): {record id: hit id}.

    One INSERT for them all, one for their owners' notices and one hand-over to the CCC after the commit: a first
    screening with a few candidates took some thirty queries hit by hit. Should an identical query running at the
    same moment have recorded one of them first, they are recorded one by one instead, as hit_record does.
    """
    hits = [_hit_of(draft, unit=unit, user=user, query=query, query_key=query_key, rule=rule) for draft in drafts]
    if not hits:
        return {}
    try:
        with transaction.atomic():
            Hit.objects.bulk_create(hits)
    except IntegrityError:
        return {
            draft.record.pk: hit_record(
                record=draft.record,
                unit=unit,
                user=user,
                query=query,
                query_key=query_key,
                rule=rule,
                reason=draft.reason,
                score=draft.score,
            )[0].pk
            for draft in drafts
        }
    _announce(hits=hits, records=[draft.record for draft in drafts], unit=unit)
    return {hit.record_id: hit.pk for hit in hits}


# What a hit holds besides what makes it unique (its record, querying unit and query key).
_HIT_FIELDS = (
    "record_owner_id",
    "record_reference",
    "source_database",
    "source_record_id",
    "user",
    "query",
    "rule",
    "reason",
    "score",
    "priority",
)


def _hit_of(
    draft: HitDraft,
    *,
    unit: Unit | None,
    user: User | None,
    query: dict,
    query_key: str,
    rule: str,
    source: GlobalRecord | None = None,
) -> Hit:
    record = draft.record
    return Hit(
        database=record.DATABASE,
        record_id=record.pk,
        unit=unit,
        query_key=query_key[:255],
        record_owner_id=record.owner_id,
        record_reference=record.reference,
        source_database=source.DATABASE if source is not None else "",
        source_record_id=source.pk if source is not None else None,
        user=user,
        query=query,
        rule=rule,
        reason=draft.reason[:300],
        score=draft.score,
        priority=hit_priority(record=record, score=draft.score),
    )


def _announce(*, hits: Sequence[Hit], records: Sequence[GlobalRecord], unit: Unit | None) -> None:
    """Tell each record's owner of its new hit; mail and the CCC's hand-over follow the commit."""
    from ..links import record_url

    country = unit.country.iso2 if unit is not None and unit.country_id else "?"
    notifications_send(
        kind="hit",
        message=gettext_noop("Hit on your record {reference} ({database}) by a query from {country}."),
        each=[
            (
                record.owner,
                {"reference": record.reference, "database": record.DATABASE, "country": country},
                record_url(record),
            )
            for record in records
        ],
    )
    mailed = [hit.pk for hit, record in zip(hits, records, strict=True) if record.owner.email]
    if mailed:
        transaction.on_commit(partial(_mail_owners, mailed))
    urgent = [hit.pk for hit in hits if hit.priority >= settings.HIT_CASE_PRIORITY_THRESHOLD]
    if urgent and settings.HIT_ESCALATION_HANDLER:
        transaction.on_commit(partial(hits_escalate, urgent))


def _mail_owners(hit_ids: list[int]) -> None:
    for hit_id in hit_ids:
        hit_mail_owner_task.delay(hit_id)


def hits_escalate(hit_ids: list[int]) -> None:
    """Call the CCC's handler (settings.HIT_ESCALATION_HANDLER) with urgent hits; databases never imports ccc."""
    handler = import_string(settings.HIT_ESCALATION_HANDLER)
    handler(hit_ids)


@transaction.atomic
def hit_review(*, hit: Hit, actor: User, status: str, reason: str = "") -> Hit:
    """The owner confirms a hit or marks it a false positive, with a reason."""
    if status not in HitReview.values:
        raise ValueError(status)
    hit.review_status, hit.review_reason = status, reason[:300]
    hit.reviewed_by, hit.reviewed_at = actor, timezone.now()
    hit.full_clean()
    hit.save(update_fields=["review_status", "review_reason", "reviewed_by", "reviewed_at"])
    audit_record(actor=actor, action="hit.review", target=hit, query={"status": status}, outcome=reason[:200])
    return hit
