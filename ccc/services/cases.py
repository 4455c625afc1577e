"""Opening a case and moving it through its life: claim, release, resolve, close."""

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ncb.choices import UnitKind
from ncb.models import Unit, User
from ncb.roles import CCC_ROLES, Role, has_role
from ncb.services import audit_record, notification_send

from ..choices import OPEN_STATUSES, CasePriority, CaseStatus
from ..deadlines import first_reply_deadline
from ..models import Case, Message, Thread
from ..selectors import ccc_sites
from ..shifts import site_on_duty
from .errors import CaseActionError, CaseAlreadyClaimed


def case_url(case: Case) -> str:
    return reverse("ccc:case_detail", args=[case.pk])


@transaction.atomic
def case_open(
    *,
    source: str,
    summary: str,
    priority: str,
    language: str = "en",
    details: str = "",
    ncbs: Iterable[Unit] = (),
    source_id: int | None = None,
    opened_by: User | None = None,
    opened_at: datetime | None = None,
    site: Unit | None = None,
    first_message: str = "",
    hit=None,
) -> Case:
    """Open a case at the site on duty, with a thread for each NCB concerned.

    `first_message`, when given, starts the first NCB's thread in its name (the text of an NCB's urgent request).
    `hit`: the hit that opened it (the intake), an instance just read.
    """
    ncbs = list(dict.fromkeys(ncbs))
    if any(unit is None or not unit.is_ncb for unit in ncbs):
        raise CaseActionError(_("Only a National Central Bureau can be concerned by a case."))
    opened_at = opened_at or timezone.now()
    site = site or site_on_duty(ccc_sites(), opened_at)
    if site is None:
        raise ImproperlyConfigured("No active CCC site with working hours.")
    if site.kind != UnitKind.CCC_SITE:
        raise ValueError(f"{site.code} is not a CCC site")
    case = Case(
        source=source,
        source_id=source_id,
        summary=summary,
        details=details,
        language=language,
        priority=priority,
        site=site,
        opened_by=opened_by,
        opened_at=opened_at,
        deadline=first_reply_deadline(priority=priority, opened_at=opened_at),
        hit=hit,
    )
    # Constraints are left to the database: the intake relies on its IntegrityError when two calls race. The site
    # and the hit are instances just read: checking that they exist would cost a query each.
    case.full_clean(exclude=["hit", "site"], validate_constraints=False)
    case.save()
    threads = Thread.objects.bulk_create(Thread(case=case, ncb=ncb) for ncb in ncbs)
    if first_message and threads:
        Message.objects.create(
            thread=threads[0],
            author=opened_by,
            from_ccc=False,
            body=first_message,
            language=language,
            created_at=opened_at,
        )
        threads[0].last_message_at = opened_at
        threads[0].save(update_fields=["last_message_at"])
    audit_record(
        actor=opened_by,
        action="ccc.case.open",
        target=case,
        unit=None if opened_by else site,
        query={"source": source, "source_id": source_id, "priority": priority},
    )
    if priority == CasePriority.URGENT:
        notification_send(
            unit=site,
            kind="ccc_case_new",
            url=case_url(case),
            message=gettext_noop("New urgent case {reference}: {summary}"),
            params={"reference": case.reference, "summary": summary[:120]},
        )
    return case


@transaction.atomic
def case_claim(*, case_id: int, officer: User) -> Case:
    """Claim a new case. Of two officers claiming at the same instant exactly one succeeds.

    A conditional UPDATE ... WHERE status = 'new': PostgreSQL makes the second UPDATE wait for the first to
    commit, re-checks the condition on the new row and updates nothing; that officer is told it was taken.
    """
    if not has_role(officer, *CCC_ROLES):
        raise CaseActionError(_("Only CCC staff can claim cases."))
    now = timezone.now()
    claimed = Case.objects.filter(pk=case_id, status=CaseStatus.NEW).update(
        status=CaseStatus.CLAIMED, claimed_by=officer, claimed_at=now, handover_pending=False, updated_at=now
    )
    if not claimed:
        raise CaseAlreadyClaimed(_("This case was already taken by someone else."))
    case = Case.objects.select_related("claimed_by").get(pk=case_id)
    audit_record(actor=officer, action="ccc.case.claim", target=case)
    return case


def _lock(case: Case) -> Case:
    return Case.objects.select_for_update().get(pk=case.pk)


def _may_act(case: Case, user: User) -> bool:
    return case.claimed_by_id == user.pk or has_role(user, Role.CCC_SUPERVISOR)


@transaction.atomic
def case_release(*, case: Case, actor: User) -> Case:
    """Put a claimed case back in the queue (the claimant, or a supervisor reassigning work)."""
    case = _lock(case)
    if case.status not in (CaseStatus.CLAIMED, CaseStatus.WAITING_FOR_NCB) or not _may_act(case, actor):
        raise CaseActionError(_("Only the officer who claimed the case or a supervisor can release it."))
    case.status, case.claimed_by, case.claimed_at = CaseStatus.NEW, None, None
    case.full_clean(validate_constraints=False)
    case.save(update_fields=["status", "claimed_by", "claimed_at", "updated_at"])
    audit_record(actor=actor, action="ccc.case.release", target=case)
    return case


@transaction.atomic
def case_resolve(*, case: Case, actor: User, resolution: str) -> Case:
    """Resolve a claimed case with a note of what was done."""
    case = _lock(case)
    if case.status not in (CaseStatus.CLAIMED, CaseStatus.WAITING_FOR_NCB) or not _may_act(case, actor):
        raise CaseActionError(_("Only the officer who claimed the case or a supervisor can resolve it."))
    if not resolution.strip():
        raise CaseActionError(_("Say how the case was resolved."))
    case.status, case.resolution, case.resolved_at = CaseStatus.RESOLVED, resolution.strip(), timezone.now()
    case.handover_pending = False
    case.full_clean(validate_constraints=False)
    case.save(update_fields=["status", "resolution", "resolved_at", "handover_pending", "updated_at"])
    audit_record(actor=actor, action="ccc.case.resolve", target=case)
    return case


@transaction.atomic
def case_close(*, case: Case, actor: User) -> Case:
    """Close a resolved case: it leaves every list of work to do."""
    case = _lock(case)
    if case.status != CaseStatus.RESOLVED or not has_role(actor, *CCC_ROLES):
        raise CaseActionError(_("Only a resolved case can be closed."))
    case.status, case.closed_at = CaseStatus.CLOSED, timezone.now()
    case.save(update_fields=["status", "closed_at", "updated_at"])
    audit_record(actor=actor, action="ccc.case.close", target=case)
    return case


@transaction.atomic
def case_note_update(*, case: Case, actor: User, note: str) -> Case:
    """Write the case's hand-over note, read by the next site."""
    case = _lock(case)
    if case.status not in OPEN_STATUSES:
        raise CaseActionError(_("This case is no longer open."))
    case.handover_note = note.strip()
    case.full_clean(validate_constraints=False)
    case.save(update_fields=["handover_note", "updated_at"])
    audit_record(actor=actor, action="ccc.case.note", target=case)
    return case


@transaction.atomic
def case_ncb_add(*, case: Case, actor: User, ncb: Unit) -> Thread:
    """Add an NCB to the case's NCBs concerned, which opens its thread."""
    if not ncb.is_ncb:
        raise CaseActionError(_("Only a National Central Bureau can be concerned by a case."))
    thread, created = Thread.objects.get_or_create(case=case, ncb=ncb)
    if created:
        audit_record(actor=actor, action="ccc.case.ncb_add", target=case, query={"ncb": ncb.code})
    return thread
