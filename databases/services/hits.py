"""Recording hits: once per query and record, the owner told, the CCC called for a high-priority hit."""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_noop

from ncb.models import Unit, User
from ncb.services import audit_record, notification_send

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
    HIT_CASE_PRIORITY_THRESHOLD, is handed to HIT_ESCALATION_HANDLER once the transaction commits.
    """
    lookup = {"database": record.DATABASE, "record_id": record.pk, "unit": unit, "query_key": query_key[:255]}
    defaults = {
        "record_owner_id": record.owner_id,
        "record_reference": record.reference,
        "source_database": source.DATABASE if source is not None else "",
        "source_record_id": source.pk if source is not None else None,
        "user": user,
        "query": query,
        "rule": rule,
        "reason": reason[:300],
        "score": score,
        "priority": hit_priority(record=record, score=score),
    }
    try:
        with transaction.atomic():
            hit, created = Hit.objects.get_or_create(**lookup, defaults=defaults)
    except IntegrityError:
        # Two identical checks at the same moment: the other one recorded it.
        return Hit.objects.get(**lookup), False
    if created:
        _announce(hit=hit, record=record, unit=unit)
    return hit, created


def _announce(*, hit: Hit, record: GlobalRecord, unit: Unit | None) -> None:
    from ..links import record_url

    country = unit.country.iso2 if unit is not None and unit.country_id else "?"
    notification_send(
        unit=record.owner,
        kind="hit",
        message=gettext_noop("Hit on your record {reference} ({database}) by a query from {country}."),
        params={"reference": record.reference, "database": record.DATABASE, "country": country},
        url=record_url(record),
    )
    if record.owner.email:
        hit_id = hit.pk
        transaction.on_commit(lambda: hit_mail_owner_task.delay(hit_id))
    if hit.priority >= settings.HIT_CASE_PRIORITY_THRESHOLD and settings.HIT_ESCALATION_HANDLER:
        hit_id = hit.pk
        transaction.on_commit(lambda: hit_escalate(hit_id))


def hit_escalate(hit_id: int) -> None:
    """Call the CCC's handler (settings.HIT_ESCALATION_HANDLER) for a hit; databases never imports ccc."""
    handler = import_string(settings.HIT_ESCALATION_HANDLER)
    handler(hit_id)


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
