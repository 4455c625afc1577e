"""Reads of the training app. Who sees which enrolment is decided here: officers their own, NCB heads those of
their NCB, the coordinator all; every list is fetched with a constant number of queries."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from ncb.choices import Region
from ncb.models import User
from ncb.roles import Role, has_role

from .choices import REOPENABLE_STATUSES, EnrolmentStatus, Priority
from .models import Certificate, Course, Enrolment, Session, Topic, TrainingNeed

S = EnrolmentStatus


def _upcoming_q(prefix: str = "") -> Q:
    """Sessions not cancelled whose last day is today or later."""
    return Q(**{f"{prefix}ends_on__gte": timezone.localdate(), f"{prefix}cancelled_at__isnull": True})


def upcoming_sessions() -> QuerySet[Session]:
    return Session.objects.filter(_upcoming_q()).select_related("country").order_by("starts_on", "id")


# --- catalogue ------------------------------------------------------------------------------------------------


def course_catalogue(
    *,
    text: str = "",
    programme: str = "",
    level: str = "",
    format: str = "",
    language: str = "",
    topic: Topic | None = None,
    include_unpublished: bool = False,
) -> QuerySet[Course]:
    """Published courses with their upcoming sessions (prefetched as `upcoming_sessions`) and topics."""
    courses = Course.objects.all() if include_unpublished else Course.objects.filter(is_published=True)
    if text:
        # Every language's title: an officer may search in English while reading the portal in Arabic.
        condition = Q(code__icontains=text)
        for code, _name in settings.LANGUAGES:
            condition |= Q(**{f"title_{code}__icontains": text})
        courses = courses.filter(condition)
    if programme:
        courses = courses.filter(programme=programme)
    if level:
        courses = courses.filter(level=level)
    if format:
        courses = courses.filter(format=format)
    if topic is not None:
        courses = courses.filter(topics=topic)
    if language:
        courses = courses.filter(
            Exists(Session.objects.filter(_upcoming_q(), course=OuterRef("pk"), language=language))
        )
    return courses.prefetch_related(
        Prefetch("topics", queryset=Topic.objects.order_by("code")),
        Prefetch("sessions", queryset=upcoming_sessions(), to_attr="upcoming_sessions"),
    ).order_by("programme", "code")


def course_detail(*, pk: int, viewer: User) -> Course:
    """One course with its upcoming sessions and their trainers; unpublished ones only for the coordinator."""
    include_unpublished = has_role(viewer, Role.TRAINING_COORDINATOR)
    sessions = upcoming_sessions().prefetch_related("trainers")
    queryset = Course.objects.prefetch_related(
        Prefetch("topics", queryset=Topic.objects.order_by("code")),
        Prefetch("sessions", queryset=sessions, to_attr="upcoming_sessions"),
    )
    if not include_unpublished:
        queryset = queryset.filter(is_published=True)
    return queryset.get(pk=pk)


def session_detail(*, pk: int, viewer: User) -> Session:
    queryset = Session.objects.select_related("course", "country").prefetch_related("trainers")
    if not has_role(viewer, Role.TRAINING_COORDINATOR):
        queryset = queryset.filter(course__is_published=True)
    return queryset.get(pk=pk)


def live_enrolment(*, participant: User, session: Session) -> Enrolment | None:
    """The participant's current (not withdrawn, declined, rejected or cancelled) enrolment in the session."""
    return (
        Enrolment.objects.filter(participant=participant, session=session)
        .exclude(status__in=REOPENABLE_STATUSES)
        .first()
    )


# --- enrolments -----------------------------------------------------------------------------------------------


def _with_waiting_position(enrolments: QuerySet[Enrolment]) -> QuerySet[Enrolment]:
    """Annotate `waiting_position` (1 = next to move up) on wait-listed enrolments, in the same query."""
    ahead = (
        Enrolment.objects.filter(session=OuterRef("session"), status=S.WAITLISTED)
        .filter(
            Q(waitlisted_at__lt=OuterRef("waitlisted_at"))
            | Q(waitlisted_at=OuterRef("waitlisted_at"), pk__lt=OuterRef("pk"))
        )
        .order_by()
        .values("session")
        .annotate(n=Count("pk"))
        .values("n")
    )
    position = Coalesce(Subquery(ahead, output_field=IntegerField()), Value(0)) + 1
    return enrolments.annotate(
        waiting_position=Case(When(status=S.WAITLISTED, then=position), default=None, output_field=IntegerField())
    )


def enrolments_of(*, participant: User, status: str = "") -> QuerySet[Enrolment]:
    """The participant's own enrolments, newest session first."""
    enrolments = Enrolment.objects.filter(participant=participant)
    if status:
        enrolments = enrolments.filter(status=status)
    return _with_waiting_position(
        enrolments.select_related("session__course", "session__country", "certificate")
    ).order_by("-session__starts_on", "-id")


def enrolment_of(*, participant: User, pk: int) -> Enrolment:
    """One of the participant's own enrolments (others' raise DoesNotExist, so the page says 404)."""
    return Enrolment.objects.select_related("session__course").get(pk=pk, participant=participant)


def pending_endorsements(*, head: User) -> QuerySet[Enrolment]:
    """Applications of the head's NCB awaiting endorsement, oldest first."""
    if head.unit_id is None:
        return Enrolment.objects.none()
    return (
        Enrolment.objects.filter(ncb_id=head.unit_id, status=S.APPLIED)
        .select_related("participant", "session__course", "session__country")
        .order_by("applied_at", "id")
    )


def ncb_enrolments(*, head: User, status: str = "") -> QuerySet[Enrolment]:
    """Every enrolment of the head's NCB, for its overview."""
    if head.unit_id is None:
        return Enrolment.objects.none()
    enrolments = Enrolment.objects.filter(ncb_id=head.unit_id)
    if status:
        enrolments = enrolments.filter(status=status)
    return _with_waiting_position(enrolments.select_related("participant", "session__course", "endorsed_by")).order_by(
        "-session__starts_on", "-id"
    )


def enrolment_for_head(*, head: User, pk: int) -> Enrolment:
    """An enrolment of the head's own NCB (others raise DoesNotExist)."""
    return Enrolment.objects.select_related("session__course").get(pk=pk, ncb_id=head.unit_id)


def coordinator_sessions(*, period: str = "upcoming", course: Course | None = None, language: str = "") -> QuerySet:
    """Sessions with the number of enrolments in each state, for the coordinator's overview."""
    today = timezone.localdate()
    sessions = Session.objects.select_related("course", "country")
    if period == "upcoming":
        sessions = sessions.filter(ends_on__gte=today).order_by("starts_on", "id")
    elif period == "past":
        sessions = sessions.filter(ends_on__lt=today).order_by("-starts_on", "-id")
    else:
        sessions = sessions.order_by("-starts_on", "-id")
    if course is not None:
        sessions = sessions.filter(course=course)
    if language:
        sessions = sessions.filter(language=language)
    counts = {
        f"{status}_count": Count("enrolments", filter=Q(enrolments__status=status))
        for status in (S.APPLIED, S.ENDORSED, S.WAITLISTED, S.ACCEPTED, S.COMPLETED)
    }
    return sessions.annotate(**counts)


@dataclass
class SessionApplicants:
    """A session's enrolments, grouped the way the coordinator works through them."""

    to_decide: list = field(default_factory=list)  # endorsed by the NCB
    waiting_list: list = field(default_factory=list)  # in the order they move up
    participants: list = field(default_factory=list)  # accepted, completed, not completed
    awaiting_ncb: list = field(default_factory=list)  # applied, not yet endorsed
    closed: list = field(default_factory=list)  # declined, rejected, withdrawn, cancelled


def session_applicants(*, session: Session) -> SessionApplicants:
    """Every enrolment of one session, in one query, grouped for the coordinator's page."""
    enrolments = _with_waiting_position(
        Enrolment.objects.filter(session=session).select_related(
            "participant", "ncb__country", "endorsed_by", "certificate"
        )
    ).order_by("waitlisted_at", "applied_at", "id")
    groups = SessionApplicants()
    target: dict[str, list] = {
        S.ENDORSED: groups.to_decide,
        S.WAITLISTED: groups.waiting_list,
        S.ACCEPTED: groups.participants,
        S.COMPLETED: groups.participants,
        S.NOT_COMPLETED: groups.participants,
        S.APPLIED: groups.awaiting_ncb,
    }
    for enrolment in enrolments:
        target.get(enrolment.status, groups.closed).append(enrolment)
    groups.to_decide.sort(key=lambda e: (e.endorsed_at or e.applied_at, e.pk))
    groups.participants.sort(key=lambda e: (e.participant.last_name, e.participant.first_name, e.pk))
    return groups


def enrolment_for_coordinator(*, pk: int) -> Enrolment:
    return Enrolment.objects.select_related("session__course", "participant").get(pk=pk)


# --- certificates ---------------------------------------------------------------------------------------------


def certificates_of(*, participant: User) -> QuerySet[Certificate]:
    return (
        Certificate.objects.filter(enrolment__participant=participant)
        .select_related("enrolment__session__course")
        .order_by("-issued_at", "-id")
    )


def certificate_for_download(*, pk: int) -> Certificate:
    return Certificate.objects.select_related("enrolment__session__course", "enrolment__participant").get(pk=pk)


# --- training needs -------------------------------------------------------------------------------------------


def topics() -> QuerySet[Topic]:
    return Topic.objects.order_by("programme", "code")


def needs_of(*, ncb_id: int | None) -> dict[int, TrainingNeed]:
    """The NCB's stated needs by topic id."""
    if ncb_id is None:
        return {}
    return {need.topic_id: need for need in TrainingNeed.objects.filter(ncb_id=ncb_id)}


@dataclass
class NeedCell:
    region: str
    region_label: str
    ncbs: int = 0
    officers: int = 0
    high_priority: int = 0
    trained: int = 0  # officers of the region accepted or trained on the topic

    @property
    def gap(self) -> int:
        return max(self.officers - self.trained, 0)


@dataclass
class NeedRow:
    topic: Topic
    courses: int = 0
    sessions: int = 0
    seats: int = 0
    free_seats: int = 0
    cells: list[NeedCell] = field(default_factory=list)

    @property
    def officers(self) -> int:
        return sum(cell.officers for cell in self.cells)

    @property
    def trained(self) -> int:
        return sum(cell.trained for cell in self.cells)

    @property
    def gap(self) -> int:
        return sum(cell.gap for cell in self.cells)

    @property
    def uncovered(self) -> bool:
        """Officers need the topic and no course of the catalogue teaches it."""
        return self.officers > 0 and self.courses == 0


# Completions older than this no longer count against a need: staff turn over, and skills date.
TRAINED_WITHIN = timedelta(days=730)


def needs_report(*, programme: str = "", region: str = "") -> list[NeedRow]:
    """Per topic and region: the officers NCBs want trained against the courses, sessions and seats on offer, and
    the officers already accepted or trained. Five queries whatever the size of the data."""
    regions = [(value, label) for value, label in Region.choices if not region or value == region]
    topic_list = list(
        Topic.objects.filter(**({"programme": programme} if programme else {}))
        .annotate(course_count=Count("courses", filter=Q(courses__is_published=True), distinct=True))
        .order_by("programme", "code")
    )
    needs = (
        TrainingNeed.objects.values("topic_id", region=F("ncb__country__region"))
        .annotate(ncbs=Count("id"), officers=Sum("officers"), high=Count("id", filter=Q(priority=Priority.HIGH)))
        .order_by()
    )
    offered = (
        Session.objects.filter(_upcoming_q(), course__is_published=True)
        .values(topic_id=F("course__topics"))
        .annotate(sessions=Count("id"), seats=Sum("capacity"), taken=Sum("seats_taken"))
        .order_by()
    )
    since = timezone.localdate() - TRAINED_WITHIN
    trained = (
        Enrolment.objects.filter(Q(status=S.ACCEPTED) | Q(status=S.COMPLETED, session__ends_on__gte=since))
        .values(topic_id=F("session__course__topics"), region=F("ncb__country__region"))
        .annotate(officers=Count("participant", distinct=True))
        .order_by()
    )
    need_map: dict[tuple[int, str], Mapping[str, Any]] = {(n["topic_id"], n["region"]): n for n in needs}
    offered_map: dict[int, Mapping[str, Any]] = {o["topic_id"]: o for o in offered}
    trained_map = {(t["topic_id"], t["region"]): t["officers"] for t in trained}
    rows = []
    for topic in topic_list:
        offer = offered_map.get(topic.pk, {})
        row = NeedRow(
            topic=topic,
            courses=topic.course_count,
            sessions=offer.get("sessions") or 0,
            seats=offer.get("seats") or 0,
            free_seats=(offer.get("seats") or 0) - (offer.get("taken") or 0),
        )
        for value, label in regions:
            need = need_map.get((topic.pk, value), {})
            row.cells.append(
                NeedCell(
                    region=value,
                    region_label=str(label),
                    ncbs=need.get("ncbs") or 0,
                    officers=need.get("officers") or 0,
                    high_priority=need.get("high") or 0,
                    trained=trained_map.get((topic.pk, value), 0),
                )
            )
        rows.append(row)
    return rows
