"""Writes of the training app: the enrolment workflow, certificates and training needs.

Who moves an enrolment where:
  officer:      apply -> applied; withdraw (any open state, before the first day) -> withdrawn
  NCB head:     applied -> endorsed | declined (same NCB, never their own application)
  coordinator:  endorsed | waitlisted -> accepted (a seat is free) or waitlisted (the session is full);
                endorsed -> waitlisted; endorsed | waitlisted -> rejected; open -> cancelled;
                accepted -> attendance, then completed (certificate issued) | not_completed, from the last day
A seat freed by a withdrawal or a cancellation goes at once to the first in line on the waiting list.

Seats are counted in Session.seats_taken, changed only here, with the session row locked (select_for_update)
and with F() updates, so that two coordinators accepting the last seat at once give one seat and one place on
the waiting list; the database's check constraint refuses anything beyond the capacity in any case.
"""

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ncb.models import User
from ncb.roles import NCB_ROLES, Role, has_role
from ncb.services import audit_record

from . import codes
from .choices import OPEN_STATUSES, REOPENABLE_STATUSES, Attendance, EnrolmentStatus, Priority
from .models import Certificate, Enrolment, Session, Topic, TrainingNeed
from .notify import coordinators, heads_of, tell

S = EnrolmentStatus


class TransitionRefused(Exception):
    """The enrolment's state, the session's dates or its capacity do not allow the step; the message is
    translated and meant for the user."""


def _require_role(user: User, *roles: str) -> None:
    if not has_role(user, *roles):
        raise PermissionDenied(_("Your role does not allow this."))


def _today():
    return timezone.localdate()


def _lock_session(session_id: int) -> Session:
    return Session.objects.select_for_update(of=("self",)).select_related("course").get(pk=session_id)


def _lock_enrolment(enrolment: Enrolment, session: Session | None = None) -> Enrolment:
    locked = (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("participant", "ncb", "endorsed_by", "session__course")
        .get(pk=enrolment.pk)
    )
    if session is not None:
        locked.session = session
    return locked


def _expect(enrolment: Enrolment, *statuses: str) -> None:
    if enrolment.status not in statuses:
        raise TransitionRefused(
            _("This is not possible while the enrolment is “{status}”.").format(status=enrolment.get_status_display())
        )


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise TransitionRefused(_("Give a reason."))
    return reason


def _change(enrolment: Enrolment, *, actor: User | None, action: str, **changes) -> Enrolment:
    """Apply the changes, validate, save only those fields and write the audit row."""
    for field, value in changes.items():
        setattr(enrolment, field, value)
    enrolment.full_clean(exclude=["session", "participant", "ncb", "endorsed_by", "decided_by"])
    enrolment.save(update_fields=list(changes))
    audit_record(actor=actor, action=f"training.enrolment.{action}", target=enrolment, outcome=enrolment.status)
    return enrolment


def _seats_left(session: Session) -> int:
    return session.capacity - session.seats_taken


def _seat(enrolment: Enrolment, session: Session, *, actor: User, action: str) -> None:
    Session.objects.filter(pk=session.pk).update(seats_taken=F("seats_taken") + 1)
    session.seats_taken += 1
    _change(enrolment, actor=actor, action=action, status=S.ACCEPTED, decided_by=actor, decided_at=timezone.now())


def _free_seat(session: Session, *, actor: User) -> list[Enrolment]:
    Session.objects.filter(pk=session.pk).update(seats_taken=F("seats_taken") - 1)
    session.seats_taken -= 1
    return _promote(session, actor=actor)


def _promote(session: Session, *, actor: User) -> list[Enrolment]:
    """Give the free seats to the waiting list, first in line first. The caller holds the session's lock."""
    promoted = []
    while _seats_left(session) > 0:
        first_in_line = (
            Enrolment.objects.select_for_update(of=("self",))
            .select_related("participant", "ncb", "endorsed_by")
            .filter(session=session, status=S.WAITLISTED)
            .order_by("waitlisted_at", "id")
            .first()
        )
        if first_in_line is None:
            break
        first_in_line.session = session
        _seat(first_in_line, session, actor=actor, action="promote")
        tell(
            recipients=[first_in_line.participant, first_in_line.endorsed_by],
            kind="training.promoted",
            session=session,
            enrolment=first_in_line,
            message=gettext_noop(
                "A seat became free on {course} ({dates}): {participant} moved up from the waiting "
                "list and is accepted."
            ),
        )
        promoted.append(first_in_line)
    return promoted


def _coordinator_url(session: Session) -> dict:
    return {"url_name": "training_coordinator_session", "url_args": (session.pk,)}


# --- officers -------------------------------------------------------------------------------------------------


@transaction.atomic
def enrolment_apply(*, participant: User, session: Session, motivation: str = "") -> Enrolment:
    """An NCB officer applies for a session; the heads of the officer's NCB are asked to endorse."""
    _require_role(participant, *NCB_ROLES)
    unit = participant.unit
    if unit is None or not unit.is_ncb:
        raise TransitionRefused(_("Only officers of a National Central Bureau can apply for training."))
    session = Session.objects.select_related("course").get(pk=session.pk)
    if session.is_cancelled or not session.course.is_published:
        raise TransitionRefused(_("This session is not open for applications."))
    if _today() > session.enrolment_deadline:
        raise TransitionRefused(_("The enrolment deadline of this session has passed."))
    live = Enrolment.objects.filter(session=session, participant=participant).exclude(status__in=REOPENABLE_STATUSES)
    if live.exists():
        raise TransitionRefused(_("You already have an application for this session."))
    enrolment = Enrolment(session=session, participant=participant, ncb=unit, motivation=(motivation or "").strip())
    enrolment.full_clean(validate_constraints=False)
    try:
        # Two clicks racing past the check above meet the partial unique constraint here.
        with transaction.atomic():
            enrolment.save()
    except IntegrityError:
        raise TransitionRefused(_("You already have an application for this session.")) from None
    audit_record(actor=participant, action="training.enrolment.apply", target=enrolment, outcome=enrolment.status)
    tell(
        recipients=[participant],
        kind="training.applied",
        session=session,
        enrolment=enrolment,
        message=gettext_noop(
            "You applied for {course} ({dates}). The head of your NCB has been asked to endorse the application."
        ),
    )
    tell(
        recipients=[head for head in heads_of(unit.pk) if head.pk != participant.pk],
        kind="training.endorsement_needed",
        session=session,
        enrolment=enrolment,
        url_name="training_endorsements",
        message=gettext_noop("{participant} applied for {course} ({dates}); your endorsement is needed."),
    )
    return enrolment


@transaction.atomic
def enrolment_withdraw(*, participant: User, enrolment: Enrolment) -> Enrolment:
    """The participant withdraws before the first day; a seat so freed goes to the waiting list."""
    if participant.pk != enrolment.participant_id:
        raise PermissionDenied(_("Only the participant can withdraw an application."))
    session = _lock_session(enrolment.session_id)
    enrolment = _lock_enrolment(enrolment, session)
    _expect(enrolment, *OPEN_STATUSES)
    if _today() >= session.starts_on:
        raise TransitionRefused(_("The session has started; ask the training coordinator."))
    was = enrolment.status
    _change(enrolment, actor=participant, action="withdraw", status=S.WITHDRAWN, closed_at=timezone.now())
    recipients = heads_of(enrolment.ncb_id) if was == S.APPLIED else [*coordinators(), enrolment.endorsed_by]
    tell(
        recipients=recipients,
        kind="training.withdrawn",
        session=session,
        enrolment=enrolment,
        url_name="training_endorsements" if was == S.APPLIED else "training_coordinator_session",
        url_args=() if was == S.APPLIED else (session.pk,),
        message=gettext_noop("{participant} ({ncb}) withdrew from {course} ({dates})."),
    )
    if was == S.ACCEPTED:
        _free_seat(session, actor=participant)
    return enrolment


# --- NCB heads ------------------------------------------------------------------------------------------------


def _head_may_act(head: User, enrolment: Enrolment) -> None:
    _require_role(head, Role.NCB_HEAD)
    if head.unit_id is None or head.unit_id != enrolment.ncb_id:
        raise PermissionDenied(_("Only a head of the applicant's NCB can endorse the application."))
    if head.pk == enrolment.participant_id:
        raise TransitionRefused(_("Another head of your NCB endorses your own application."))


@transaction.atomic
def enrolment_endorse(*, head: User, enrolment: Enrolment) -> Enrolment:
    """The NCB head supports the application; it goes to the training coordinator."""
    _head_may_act(head, enrolment)
    enrolment = _lock_enrolment(enrolment)
    _expect(enrolment, S.APPLIED)
    if enrolment.session.is_cancelled:
        raise TransitionRefused(_("This session was cancelled."))
    _change(enrolment, actor=head, action="endorse", status=S.ENDORSED, endorsed_by=head, endorsed_at=timezone.now())
    tell(
        recipients=[enrolment.participant],
        kind="training.endorsed",
        session=enrolment.session,
        enrolment=enrolment,
        message=gettext_noop(
            "Your NCB endorsed your application for {course} ({dates}); it is now with the training coordinator."
        ),
    )
    tell(
        recipients=coordinators(),
        kind="training.decision_needed",
        session=enrolment.session,
        enrolment=enrolment,
        **_coordinator_url(enrolment.session),
        message=gettext_noop("{participant} ({ncb}) is endorsed for {course} ({dates}) and awaits your decision."),
    )
    return enrolment


@transaction.atomic
def enrolment_decline(*, head: User, enrolment: Enrolment, reason: str) -> Enrolment:
    """The NCB head does not support the application."""
    _head_may_act(head, enrolment)
    reason = _require_reason(reason)
    enrolment = _lock_enrolment(enrolment)
    _expect(enrolment, S.APPLIED)
    _change(
        enrolment,
        actor=head,
        action="decline",
        status=S.DECLINED,
        endorsed_by=head,
        endorsed_at=timezone.now(),
        reason=reason,
    )
    tell(
        recipients=[enrolment.participant],
        kind="training.declined",
        session=enrolment.session,
        enrolment=enrolment,
        extra={"reason": reason},
        message=gettext_noop("Your NCB did not endorse your application for {course} ({dates}): {reason}"),
    )
    return enrolment


# --- the training coordinator ---------------------------------------------------------------------------------


def _session_running(session: Session) -> None:
    if session.is_cancelled:
        raise TransitionRefused(_("This session was cancelled."))
    if _today() > session.ends_on:
        raise TransitionRefused(_("This session is over."))


@transaction.atomic
def enrolment_accept(*, coordinator: User, enrolment: Enrolment) -> Enrolment:
    """Give an endorsed (or wait-listed) applicant a seat; when the session is full, put them on the waiting list.

    Returns the enrolment with its new status: ACCEPTED or WAITLISTED.
    """
    _require_role(coordinator, Role.TRAINING_COORDINATOR)
    session = _lock_session(enrolment.session_id)
    enrolment = _lock_enrolment(enrolment, session)
    _expect(enrolment, S.ENDORSED, S.WAITLISTED)
    _session_running(session)
    if _seats_left(session) > 0:
        _seat(enrolment, session, actor=coordinator, action="accept")
        tell(
            recipients=[enrolment.participant, enrolment.endorsed_by],
            kind="training.accepted",
            session=session,
            enrolment=enrolment,
            message=gettext_noop("{participant} is accepted on {course} ({dates}); a seat is reserved."),
        )
    elif enrolment.status == S.ENDORSED:
        _put_on_waiting_list(enrolment, actor=coordinator)
    else:
        raise TransitionRefused(_("The session is full; the application stays on the waiting list."))
    return enrolment


def _put_on_waiting_list(enrolment: Enrolment, *, actor: User) -> None:
    _change(
        enrolment,
        actor=actor,
        action="waitlist",
        status=S.WAITLISTED,
        waitlisted_at=timezone.now(),
        decided_by=actor,
        decided_at=timezone.now(),
    )
    tell(
        recipients=[enrolment.participant, enrolment.endorsed_by],
        kind="training.waitlisted",
        session=enrolment.session,
        enrolment=enrolment,
        message=gettext_noop(
            "{participant} is on the waiting list of {course} ({dates}) and moves up "
            "automatically when a seat becomes free."
        ),
    )


@transaction.atomic
def enrolment_waitlist(*, coordinator: User, enrolment: Enrolment) -> Enrolment:
    """Put an endorsed applicant on the waiting list even though seats may be free (e.g. to balance regions)."""
    _require_role(coordinator, Role.TRAINING_COORDINATOR)
    session = _lock_session(enrolment.session_id)
    enrolment = _lock_enrolment(enrolment, session)
    _expect(enrolment, S.ENDORSED)
    _session_running(session)
    _put_on_waiting_list(enrolment, actor=coordinator)
    return enrolment


@transaction.atomic
def enrolment_reject(*, coordinator: User, enrolment: Enrolment, reason: str) -> Enrolment:
    """Refuse an endorsed or wait-listed applicant."""
    _require_role(coordinator, Role.TRAINING_COORDINATOR)
    reason = _require_reason(reason)
    session = _lock_session(enrolment.session_id)
    enrolment = _lock_enrolment(enrolment, session)
    _expect(enrolment, S.ENDORSED, S.WAITLISTED)
    _change(
        enrolment,
        actor=coordinator,
        action="reject",
        status=S.REJECTED,
        decided_by=coordinator,
        decided_at=timezone.now(),
        reason=reason,
    )
    tell(
        recipients=[enrolment.participant, enrolment.endorsed_by],
        kind="training.rejected",
        session=session,
        enrolment=enrolment,
        extra={"reason": reason},
        message=gettext_noop("The application of {participant} for {course} ({dates}) was not accepted: {reason}"),
    )
    return enrolment


@transaction.atomic
def enrolment_cancel(*, coordinator: User, enrolment: Enrolment, reason: str) -> Enrolment:
    """Cancel an open enrolment (e.g. a participant who cannot travel); a seat so freed goes to the waiting list."""
    _require_role(coordinator, Role.TRAINING_COORDINATOR)
    reason = _require_reason(reason)
    session = _lock_session(enrolment.session_id)
    enrolment = _lock_enrolment(enrolment, session)
    _expect(enrolment, *OPEN_STATUSES)
    _session_running(session)
    was = enrolment.status
    _change(enrolment, actor=coordinator, action="cancel", status=S.CANCELLED, closed_at=timezone.now(), reason=reason)
    tell(
        recipients=[enrolment.participant, enrolment.endorsed_by],
        kind="training.cancelled",
        session=session,
        enrolment=enrolment,
        extra={"reason": reason},
        message=gettext_noop("The enrolment of {participant} in {course} ({dates}) was cancelled: {reason}"),
    )
    if was == S.ACCEPTED:
        _free_seat(session, actor=coordinator)
    return enrolment


@transaction.atomic
def enrolment_attendance_record(*, coordinator: User, enrolment: Enrolment, attendance: str) -> Enrolment:
    """Record whether an accepted participant attended, from the session's first day."""
    _require_role(coordinator, Role.TRAINING_COORDINATOR)
    if attendance not in Attendance.values or attendance == Attendance.NOT_RECORDED:
        raise TransitionRefused(_("Choose present, partly present or absent."))
    enrolment = _lock_enrolment(enrolment)
    _expect(enrolment, S.ACCEPTED)
    if _today() < enrolment.session.starts_on:
        raise TransitionRefused(_("Attendance is recorded once the session has started."))
    return _change(enrolment, actor=coordinator, action="attendance", attendance=attendance)


def _ready_for_outcome(enrolment: Enrolment) -> None:
    _expect(enrolment, S.ACCEPTED)
    if _today() < enrolment.session.ends_on:
        raise TransitionRefused(_("Completion is recorded from the session's last day."))
    if not enrolment.attendance:
        raise TransitionRefused(_("Record the attendance first."))


@transaction.atomic
def enrolment_complete(*, coordinator: User, enrolment: Enrolment) -> Enrolment:
    """Record that the participant completed the course, and issue the certificate."""
    _require_role(coordinator, Role.TRAINING_COORDINATOR)
    enrolment = _lock_enrolment(enrolment)
    _ready_for_outcome(enrolment)
    if enrolment.attendance == Attendance.ABSENT:
        raise TransitionRefused(_("An absent participant cannot complete the course."))
    _change(enrolment, actor=coordinator, action="complete", status=S.COMPLETED, completed_at=timezone.now())
    _certificate_issue(enrolment=enrolment, actor=coordinator)
    tell(
        recipients=[enrolment.participant],
        kind="training.completed",
        session=enrolment.session,
        enrolment=enrolment,
        url_name="training_my_certificates",
        message=gettext_noop("You completed {course} ({dates}). Your certificate is ready to download."),
    )
    return enrolment


@transaction.atomic
def enrolment_mark_not_completed(*, coordinator: User, enrolment: Enrolment, reason: str = "") -> Enrolment:
    """Record that an accepted participant did not complete the course (no certificate)."""
    _require_role(coordinator, Role.TRAINING_COORDINATOR)
    enrolment = _lock_enrolment(enrolment)
    _ready_for_outcome(enrolment)
    _change(
        enrolment,
        actor=coordinator,
        action="not_completed",
        status=S.NOT_COMPLETED,
        completed_at=timezone.now(),
        reason=(reason or "").strip(),
    )
    tell(
        recipients=[enrolment.participant],
        kind="training.not_completed",
        session=enrolment.session,
        enrolment=enrolment,
        message=gettext_noop("{course} ({dates}) is recorded as not completed."),
    )
    return enrolment


@transaction.atomic
def session_cancel(*, coordinator: User, session: Session, reason: str) -> Session:
    """Cancel a session; every open enrolment is cancelled and its participant told."""
    _require_role(coordinator, Role.TRAINING_COORDINATOR)
    reason = _require_reason(reason)
    session = _lock_session(session.pk)
    _session_running(session)
    session.cancelled_at = timezone.now()
    session.cancel_reason = reason
    session.full_clean(exclude=["course", "country"])
    session.save(update_fields=["cancelled_at", "cancel_reason"])
    audit_record(actor=coordinator, action="training.session.cancel", target=session, outcome=reason)
    open_enrolments = (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("participant", "ncb", "endorsed_by")
        .filter(session=session, status__in=OPEN_STATUSES)
    )
    for enrolment in open_enrolments:
        enrolment.session = session
        _change(
            enrolment, actor=coordinator, action="cancel", status=S.CANCELLED, closed_at=timezone.now(), reason=reason
        )
        tell(
            recipients=[enrolment.participant, enrolment.endorsed_by],
            kind="training.session_cancelled",
            session=session,
            enrolment=enrolment,
            extra={"reason": reason},
            message=gettext_noop("The session of {course} ({dates}) was cancelled: {reason}"),
        )
    Session.objects.filter(pk=session.pk).update(seats_taken=0)
    session.seats_taken = 0
    return session


@transaction.atomic
def session_fill_from_waiting_list(*, session: Session, actor: User) -> list[Enrolment]:
    """Give free seats to the waiting list (after the capacity was raised in the admin)."""
    session = _lock_session(session.pk)
    if session.is_cancelled or _today() > session.ends_on:
        return []
    return _promote(session, actor=actor)


# --- certificates ---------------------------------------------------------------------------------------------


def _certificate_issue(*, enrolment: Enrolment, actor: User) -> Certificate:
    participant = enrolment.participant
    for _attempt in range(5):
        certificate = Certificate(
            enrolment=enrolment,
            code=codes.new_code(),
            language=participant.preferred_language,
            holder_name=participant.get_full_name() or participant.get_username(),
        )
        certificate.full_clean(exclude=["enrolment"], validate_unique=False)
        try:
            with transaction.atomic():
                certificate.save()
        except IntegrityError:
            continue  # 80 random bits: a collision is all but impossible, but costs nothing to survive
        audit_record(actor=actor, action="training.certificate.issue", target=certificate)
        return certificate
    raise RuntimeError("could not draw a unique certificate code")


@transaction.atomic
def certificate_revoke(*, coordinator: User, certificate: Certificate, reason: str) -> Certificate:
    """Withdraw a certificate (issued in error, or obtained by fraud); the public check then says so."""
    _require_role(coordinator, Role.TRAINING_COORDINATOR)
    reason = _require_reason(reason)
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at is not None:
        raise TransitionRefused(_("This certificate is already revoked."))
    certificate.revoked_at = timezone.now()
    certificate.revoke_reason = reason
    certificate.full_clean(exclude=["enrolment"])
    certificate.save(update_fields=["revoked_at", "revoke_reason"])
    audit_record(actor=coordinator, action="training.certificate.revoke", target=certificate, outcome=reason)
    return certificate


def certificate_check(*, code: str, viewer: User | None = None, request=None) -> Certificate | None:
    """Look up a certificate by its verification code for the public check; every attempt is audited."""
    normalized = codes.normalize_code(code)
    certificate = None
    if codes.is_well_formed(normalized):
        certificate = Certificate.objects.select_related("enrolment__session__course").filter(code=normalized).first()
    outcome = "unknown" if certificate is None else ("valid" if certificate.is_valid else "revoked")
    audit_record(
        actor=viewer,
        action="training.certificate.verify",
        target=certificate,
        query={"code": normalized[:16]},
        outcome=outcome,
        request=request,
    )
    return certificate


def certificate_download(*, user: User, certificate: Certificate, request=None) -> bytes:
    """The certificate as a PDF in its holder's language, for the holder or the coordinator."""
    from .certificate_pdf import certificate_pdf

    if certificate.enrolment.participant_id != user.pk and not has_role(user, Role.TRAINING_COORDINATOR):
        raise PermissionDenied(_("Only the holder can download this certificate."))
    content = certificate_pdf(certificate)
    audit_record(actor=user, action="training.certificate.download", target=certificate, request=request)
    return content


# --- training needs -------------------------------------------------------------------------------------------


@transaction.atomic
def training_needs_set(*, head: User, needs: Mapping[int, tuple[int, str]]) -> list[TrainingNeed]:
    """Replace the NCB's training needs: topic id -> (officers to train, priority); zero officers removes a need."""
    _require_role(head, Role.NCB_HEAD)
    unit = head.unit
    if unit is None or not unit.is_ncb:
        raise PermissionDenied(_("Only the head of a National Central Bureau can state its training needs."))
    topics = Topic.objects.in_bulk(list(needs))
    kept = []
    for topic_id, (officers, priority) in needs.items():
        topic = topics.get(topic_id)
        if topic is None:
            continue
        if not officers:
            TrainingNeed.objects.filter(ncb=unit, topic=topic).delete()
            continue
        need = TrainingNeed.objects.filter(ncb=unit, topic=topic).first() or TrainingNeed(ncb=unit, topic=topic)
        need.officers = officers
        need.priority = priority if priority in Priority.values else Priority.MEDIUM
        need.stated_by = head
        need.full_clean(validate_constraints=need.pk is None)
        if need.pk is None:
            need.save()
        else:
            need.save(update_fields=["officers", "priority", "stated_by", "updated_at"])
        kept.append(need)
    audit_record(
        actor=head,
        action="training.needs.set",
        query={str(n.topic_id): n.officers for n in kept},
        outcome=f"{len(kept)} topics",
    )
    return kept
