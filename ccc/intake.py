"""How other apps open CCC cases: hits above the priority threshold and notices needing attention.

The databases app calls `settings.HIT_ESCALATION_HANDLER` (`cases_open_from_hits`) on commit with the hits at or
above HIT_CASE_PRIORITY_THRESHOLD; the notices app calls `settings.NOTICE_ATTENTION_HANDLER` (`case_open_from_notice`).
Both are idempotent: a source opens exactly one case however often, and however concurrently, they are called.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from databases.choices import HitPriority
from ncb.choices import UnitKind
from ncb.models import Unit

from .choices import CasePriority, CaseSource
from .models import Case
from .selectors import ccc_sites
from .services import case_open
from .shifts import site_on_duty


def case_open_from_source(
    *,
    source: str,
    source_id: int,
    summary: str,
    priority: str = CasePriority.STANDARD,
    ncbs: Iterable[Unit] = (),
    language: str = "en",
    details: str = "",
) -> Case:
    """The case of a source (kind and id), opened on the first call and returned as it is on the next ones."""
    existing = Case.objects.filter(source=source, source_id=source_id).first()
    if existing is not None:
        return existing
    return _case_insert(
        source=source,
        source_id=source_id,
        summary=summary,
        priority=priority,
        ncbs=ncbs,
        language=language,
        details=details,
    )


def _case_insert(*, source: str, source_id: int, **fields) -> Case:
    """Open the case of a source that had none when looked up."""
    try:
        # case_open's own atomic block: a failed insert leaves a caller's transaction usable.
        return case_open(source=source, source_id=source_id, **fields)
    except IntegrityError:
        # Another call opened it between our look-up and our insert: the unique constraint kept it single.
        return Case.objects.get(source=source, source_id=source_id)


def _ncbs(unit_ids: Iterable[int | None]) -> dict[int, Unit]:
    """The NCBs among these units, by id (the General Secretariat or a CCC site is never concerned by a case)."""
    ids = [pk for pk in dict.fromkeys(unit_ids) if pk is not None]
    units = {unit.pk: unit for unit in Unit.objects.filter(pk__in=ids, kind=UnitKind.NCB)}
    return {pk: units[pk] for pk in ids if pk in units}


def case_open_from_hit(hit_id: int) -> Case | None:
    """Open the case of a hit above the priority threshold, once; None for an unknown or low-priority hit."""
    return cases_open_from_hits([hit_id]).get(hit_id)


def cases_open_from_hits(hit_ids: Iterable[int]) -> dict[int, Case]:
    """Open the case of each hit above the priority threshold, once: {hit id: its case}.

    The NCBs concerned are the record's owner and the NCB whose query caused the hit. A screening raises several
    urgent hits at once: they are read together and their cases opened in one transaction, at the site on duty.
    """
    from databases.models import Hit

    hits = Hit.objects.filter(pk__in=list(hit_ids), priority__gte=settings.HIT_CASE_PRIORITY_THRESHOLD).order_by("pk")
    hits = list(hits)
    if not hits:
        return {}
    cases = {
        case.source_id: case
        for case in Case.objects.filter(source=CaseSource.HIT, source_id__in=[hit.pk for hit in hits])
    }
    new = [hit for hit in hits if hit.pk not in cases]
    if not new:
        return cases
    ncbs = _ncbs(unit_id for hit in new for unit_id in (hit.record_owner_id, hit.unit_id))
    # The summaries are stored text: in the portal's default language, whoever's request triggered them.
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        site = site_on_duty(ccc_sites(), timezone.now())
        for hit in new:
            summary = f"{hit.get_database_display()} {hit.record_reference}: {hit.reason or hit.rule}"
            details = f"{hit.get_priority_display()} · score {hit.score:.2f} · {hit.rule}"
            cases[hit.pk] = _case_insert(
                source=CaseSource.HIT,
                source_id=hit.pk,
                summary=summary[:300],
                details=details,
                hit=hit,
                site=site,
                priority=CasePriority.URGENT if hit.priority >= HitPriority.URGENT else CasePriority.STANDARD,
                ncbs=[ncbs[pk] for pk in dict.fromkeys((hit.record_owner_id, hit.unit_id)) if pk in ncbs],
            )
    return cases


def case_open_from_notice(
    notice_id: int,
    *,
    reason: str = "",
    hit_ids: Iterable[int] = (),
    summary: str = "",
    ncb_ids: Iterable[int] = (),
    urgent: bool = False,
    language: str = "en",
) -> Case:
    """Open (once) the case of a notice needing the CCC's attention.

    Matches NOTICE_ATTENTION_HANDLER's call `handler(notice_id=, reason=, hit_ids=)`; the NCBs concerned are
    those named, plus the owners and querying NCBs of the hits.
    """
    unit_ids = list(ncb_ids)
    if hit_ids:
        from databases.models import Hit

        for owner_id, unit_id in Hit.objects.filter(pk__in=list(hit_ids)).values_list("record_owner_id", "unit_id"):
            unit_ids += [owner_id, unit_id]
    text = summary or reason or f"Notice {notice_id} needs attention"
    return case_open_from_source(
        source=CaseSource.NOTICE,
        source_id=notice_id,
        summary=text[:300],
        details=reason,
        priority=CasePriority.URGENT if urgent else CasePriority.STANDARD,
        ncbs=list(_ncbs(unit_ids).values()),
        language=language,
    )
