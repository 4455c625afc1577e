"""Reads of the CCC case queue. The one place that decides which cases and threads a viewer sees."""

from django.db.models import Count, Prefetch, Q, QuerySet, Value
from django.http import Http404
from django.utils.functional import cached_property

from ncb.choices import UnitKind
from ncb.models import Unit, User
from ncb.pagination import capped_count
from ncb.roles import CCC_ROLES, Role, has_role

from .choices import OPEN_STATUSES
from .models import Attachment, Case, Message, Thread

STATUS_OPEN = "open"
STATUS_ALL = "all"


def ccc_sites() -> QuerySet[Unit]:
    """The active CCC sites that have working hours, i.e. take part in follow-the-sun."""
    return Unit.objects.filter(
        kind=UnitKind.CCC_SITE, is_active=True, shift_start__isnull=False, shift_end__isnull=False
    ).order_by("code")


def ccc_supervisors() -> QuerySet[User]:
    return User.objects.filter(groups__name=Role.CCC_SUPERVISOR, is_active=True).distinct().order_by("pk")


def viewer_site_id(viewer: User) -> int | None:
    """The CCC site of a member of CCC staff, or None."""
    unit = viewer.unit
    return unit.pk if unit is not None and unit.kind == UnitKind.CCC_SITE else None


class CaseQueue:
    """The queue as one sequence for a paginator: the open cases handed over to the viewer's site, then the others
    by first-reply deadline.

    Two look-ups in the order of an index rather than one sort of every open case on a computed flag: at 53,000
    open cases the sort took 69 ms for each page, and each duty officer's queue refreshes every 30 seconds; a page
    of the others now comes from the partial index on the open cases' deadlines (ccc_case_open_deadline). Counted
    up to the paginator's cap (count_up_to), like the other long lists.
    """

    def __init__(self, cases: QuerySet[Case], site_id: int | None):
        handover = Q(site_id=site_id, handover_pending=True)
        if site_id is None:
            self.handed = cases.none()
            self.others = cases.annotate(handed_to_me=Value(False))
        else:
            self.handed = cases.filter(handover).annotate(handed_to_me=Value(True))
            self.others = cases.exclude(handover).annotate(handed_to_me=Value(False))
        self.handed = self.handed.order_by("deadline", "pk")
        self.others = self.others.order_by("deadline", "pk")

    @cached_property
    def handed_count(self) -> int:
        return self.handed.count()

    def count_up_to(self, bound: int) -> int:
        """How many cases, counted up to `bound` (the paginator's cap): the others are counted only as far as the
        handed-over ones leave room."""
        room = bound - self.handed_count
        return bound if room <= 0 else self.handed_count + capped_count(self.others, room)

    def __iter__(self):
        yield from self.handed
        yield from self.others

    def __getitem__(self, index: slice) -> list[Case]:
        start, stop = index.start or 0, index.stop
        handed, rows = self.handed_count, []
        if start < handed:
            rows += list(self.handed[start : stop if stop is not None and stop < handed else handed])
        if stop is None or stop > handed:
            rows += list(self.others[max(start - handed, 0) : None if stop is None else stop - handed])
        return rows


def case_queue(
    *, viewer: User, site: Unit | None = None, priority: str = "", status: str = STATUS_OPEN, language: str = ""
) -> CaseQueue:
    """The duty officers' queue: cases handed over to the viewer's site first, then by first-reply deadline."""
    cases = Case.objects.select_related("site", "claimed_by").prefetch_related(
        Prefetch("threads", queryset=Thread.objects.select_related("ncb__country").order_by("pk"))
    )
    if status == STATUS_OPEN or not status:
        cases = cases.filter(status__in=OPEN_STATUSES)
    elif status != STATUS_ALL:
        cases = cases.filter(status=status)
    if site is not None:
        cases = cases.filter(site=site)
    if priority:
        cases = cases.filter(priority=priority)
    if language:
        cases = cases.filter(language=language)
    return CaseQueue(cases, viewer_site_id(viewer))


def case_for_ccc(*, pk: int) -> Case:
    """One case with what its page shows to CCC staff; 404 when it does not exist."""
    case = Case.objects.select_related("site", "claimed_by", "opened_by", "handover__from_site").filter(pk=pk).first()
    if case is None:
        raise Http404
    return case


def _messages() -> QuerySet[Message]:
    return Message.objects.select_related("author").prefetch_related("attachments").order_by("created_at", "pk")


def case_threads(*, case: Case) -> QuerySet[Thread]:
    """Every thread of a case with its messages: for CCC staff only."""
    return (
        Thread.objects.filter(case=case)
        .select_related("ncb__country")
        .prefetch_related(Prefetch("messages", queryset=_messages()))
        .order_by("pk")
    )


def ncb_cases(*, viewer: User, status: str = "") -> QuerySet[Case]:
    """Cases concerning the viewer's NCB, with the state of its own thread (never another NCB's)."""
    if viewer.unit is None or viewer.unit.kind != UnitKind.NCB:
        return Case.objects.none()
    own = Q(threads__ncb_id=viewer.unit_id)
    cases = Case.objects.filter(own).annotate(
        message_count=Count("threads__messages", filter=own),
    )
    if status:
        cases = cases.filter(status=status)
    return cases.order_by("-opened_at", "-pk")


def ncb_thread(*, viewer: User, case_id: int) -> Thread:
    """The viewer's NCB's thread on a case; 404 for a case that does not concern the NCB."""
    if viewer.unit_id is None:
        raise Http404
    thread = Thread.objects.select_related("case", "ncb").filter(case_id=case_id, ncb_id=viewer.unit_id).first()
    if thread is None:
        raise Http404
    return thread


def thread_messages(*, thread: Thread) -> QuerySet[Message]:
    return _messages().filter(thread=thread)


def attachment_for(*, viewer: User, pk: int) -> Attachment:
    """An attachment the viewer may download: CCC staff any, an NCB only those of its own threads."""
    attachments = Attachment.objects.select_related("message__thread")
    if not has_role(viewer, *CCC_ROLES):
        attachments = attachments.filter(message__thread__ncb_id=viewer.unit_id or 0)
    attachment = attachments.filter(pk=pk).first()
    if attachment is None:
        raise Http404
    return attachment
