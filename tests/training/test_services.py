"""The enrolment workflow: every transition, allowed and refused, per role; the waiting list; capacity."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from ncb.models import AuditEntry, Notification
from tests.ncb.factories import UserFactory
from tests.training.factories import EnrolmentFactory, SessionFactory, days, seated
from training import services
from training.choices import Attendance, EnrolmentStatus
from training.models import Certificate, Enrolment, Session
from training.services import TransitionRefused

S = EnrolmentStatus
pytestmark = pytest.mark.django_db


def _notes(user):
    return list(Notification.objects.filter(user=user).values_list("kind", flat=True))


def _endorsed(session, participant, head=None):
    return EnrolmentFactory(session=session, participant=participant, status=S.ENDORSED, endorsed_by=head)


def _accepted(session, participant):
    enrolment = EnrolmentFactory(session=session, participant=participant, status=S.ACCEPTED)
    seated(session)
    return enrolment


def _past_session(**kwargs):
    return SessionFactory(starts_on=days(-5), ends_on=days(-1), enrolment_deadline=days(-20), **kwargs)


# --- apply ----------------------------------------------------------------------------------------------------


def test_enrolment_apply_by_an_ncb_officer_asks_the_ncb_head_to_endorse(session, officer_fr, head_fr):
    enrolment = services.enrolment_apply(participant=officer_fr, session=session, motivation=" I run the cyber desk ")

    assert enrolment.status == S.APPLIED
    assert enrolment.ncb == officer_fr.unit
    assert enrolment.motivation == "I run the cyber desk"
    assert _notes(officer_fr) == ["training.applied"]
    assert _notes(head_fr) == ["training.endorsement_needed"]
    assert AuditEntry.objects.filter(action="training.enrolment.apply", actor=officer_fr).exists()


def test_enrolment_apply_is_refused_to_roles_without_an_ncb(session, coordinator, ccc_officer):
    for user in (coordinator, ccc_officer):
        with pytest.raises(PermissionDenied):
            services.enrolment_apply(participant=user, session=session)


def test_enrolment_apply_is_refused_to_an_officer_role_outside_an_ncb(session):
    from ncb.models import Unit

    outsider = UserFactory(unit=Unit.objects.get(code="gs-lyon"), roles=["ncb_officer"], username="t.gs.officer")
    with pytest.raises(TransitionRefused):
        services.enrolment_apply(participant=outsider, session=session)


def test_enrolment_apply_is_refused_after_the_deadline(officer_fr):
    late = SessionFactory(starts_on=days(3), enrolment_deadline=days(-1))
    with pytest.raises(TransitionRefused, match="deadline"):
        services.enrolment_apply(participant=officer_fr, session=late)


def test_enrolment_apply_is_refused_for_a_cancelled_session(session, officer_fr, coordinator):
    services.session_cancel(coordinator=coordinator, session=session, reason="Trainer unavailable")
    with pytest.raises(TransitionRefused):
        services.enrolment_apply(participant=officer_fr, session=session)


def test_enrolment_apply_twice_to_the_same_session_is_refused(session, officer_fr):
    services.enrolment_apply(participant=officer_fr, session=session)
    with pytest.raises(TransitionRefused, match="already"):
        services.enrolment_apply(participant=officer_fr, session=session)


def test_enrolment_apply_again_after_withdrawing_is_allowed(session, officer_fr):
    first = services.enrolment_apply(participant=officer_fr, session=session)
    services.enrolment_withdraw(participant=officer_fr, enrolment=first)
    second = services.enrolment_apply(participant=officer_fr, session=session)
    assert second.pk != first.pk and second.status == S.APPLIED


def test_the_database_refuses_two_live_enrolments_of_one_officer_in_one_session(session, officer_fr):
    EnrolmentFactory(session=session, participant=officer_fr)
    with pytest.raises(IntegrityError), transaction.atomic():
        EnrolmentFactory(session=session, participant=officer_fr, status=S.ENDORSED)


# --- endorse / decline ----------------------------------------------------------------------------------------


def test_enrolment_endorse_by_the_head_of_the_same_ncb_sends_it_to_the_coordinator(
    session, officer_fr, head_fr, coordinator
):
    enrolment = services.enrolment_apply(participant=officer_fr, session=session)
    enrolment = services.enrolment_endorse(head=head_fr, enrolment=enrolment)

    assert enrolment.status == S.ENDORSED
    assert enrolment.endorsed_by == head_fr and enrolment.endorsed_at is not None
    assert "training.endorsed" in _notes(officer_fr)
    assert _notes(coordinator) == ["training.decision_needed"]


def test_enrolment_endorse_is_refused_to_a_head_of_another_ncb(session, officer_fr, head_es):
    enrolment = services.enrolment_apply(participant=officer_fr, session=session)
    with pytest.raises(PermissionDenied):
        services.enrolment_endorse(head=head_es, enrolment=enrolment)


@pytest.mark.parametrize("who", ["officer_fr2", "coordinator", "ccc_officer"])
def test_enrolment_endorse_is_refused_to_roles_other_than_ncb_head(request, session, officer_fr, who):
    enrolment = services.enrolment_apply(participant=officer_fr, session=session)
    with pytest.raises(PermissionDenied):
        services.enrolment_endorse(head=request.getfixturevalue(who), enrolment=enrolment)


def test_a_head_does_not_endorse_their_own_application(session, head_fr):
    enrolment = services.enrolment_apply(participant=head_fr, session=session)
    assert "training.endorsement_needed" not in _notes(head_fr)
    with pytest.raises(TransitionRefused, match="Another head"):
        services.enrolment_endorse(head=head_fr, enrolment=enrolment)


def test_enrolment_endorse_is_refused_once_decided(session, officer_fr, head_fr):
    enrolment = services.enrolment_apply(participant=officer_fr, session=session)
    services.enrolment_endorse(head=head_fr, enrolment=enrolment)
    with pytest.raises(TransitionRefused):
        services.enrolment_endorse(head=head_fr, enrolment=enrolment)


def test_enrolment_decline_needs_a_reason_and_tells_the_officer(session, officer_fr, head_fr):
    enrolment = services.enrolment_apply(participant=officer_fr, session=session)
    with pytest.raises(TransitionRefused):
        services.enrolment_decline(head=head_fr, enrolment=enrolment, reason="  ")
    enrolment = services.enrolment_decline(head=head_fr, enrolment=enrolment, reason="Needed on duty that week")
    assert enrolment.status == S.DECLINED and enrolment.reason == "Needed on duty that week"
    note = Notification.objects.get(user=officer_fr, kind="training.declined")
    assert note.params["reason"] == "Needed on duty that week"


def test_enrolment_decline_is_refused_to_a_head_of_another_ncb(session, officer_fr, head_es):
    enrolment = services.enrolment_apply(participant=officer_fr, session=session)
    with pytest.raises(PermissionDenied):
        services.enrolment_decline(head=head_es, enrolment=enrolment, reason="no")


# --- accept / wait-list / reject ------------------------------------------------------------------------------


def test_enrolment_accept_takes_a_seat(session, officer_fr, head_fr, coordinator):
    enrolment = _endorsed(session, officer_fr, head_fr)
    enrolment = services.enrolment_accept(coordinator=coordinator, enrolment=enrolment)

    assert enrolment.status == S.ACCEPTED and enrolment.decided_by == coordinator
    session.refresh_from_db()
    assert session.seats_taken == 1
    assert "training.accepted" in _notes(officer_fr) and "training.accepted" in _notes(head_fr)


def test_enrolment_accept_puts_the_applicant_on_the_waiting_list_when_the_session_is_full(
    officer_fr, officer_fr2, coordinator
):
    session = SessionFactory(capacity=1)
    _accepted(session, officer_fr2)
    enrolment = services.enrolment_accept(coordinator=coordinator, enrolment=_endorsed(session, officer_fr))

    assert enrolment.status == S.WAITLISTED and enrolment.waitlisted_at is not None
    session.refresh_from_db()
    assert session.seats_taken == 1
    assert "training.waitlisted" in _notes(officer_fr)


def test_enrolment_accept_of_a_waitlisted_applicant_while_still_full_is_refused(officer_fr, officer_fr2, coordinator):
    session = SessionFactory(capacity=1)
    _accepted(session, officer_fr2)
    waiting = EnrolmentFactory(session=session, participant=officer_fr, status=S.WAITLISTED)
    with pytest.raises(TransitionRefused, match="full"):
        services.enrolment_accept(coordinator=coordinator, enrolment=waiting)


def test_enrolment_accept_needs_the_ncb_endorsement_first(session, officer_fr, coordinator):
    enrolment = services.enrolment_apply(participant=officer_fr, session=session)
    with pytest.raises(TransitionRefused):
        services.enrolment_accept(coordinator=coordinator, enrolment=enrolment)


@pytest.mark.parametrize("who", ["head_fr", "officer_fr2", "ccc_officer"])
def test_enrolment_accept_is_refused_to_everyone_but_the_coordinator(request, session, officer_fr, who):
    enrolment = _endorsed(session, officer_fr)
    with pytest.raises(PermissionDenied):
        services.enrolment_accept(coordinator=request.getfixturevalue(who), enrolment=enrolment)
    enrolment.refresh_from_db()
    assert enrolment.status == S.ENDORSED


def test_enrolment_accept_is_refused_once_the_session_is_over(officer_fr, coordinator):
    session = _past_session()
    with pytest.raises(TransitionRefused, match="over"):
        services.enrolment_accept(coordinator=coordinator, enrolment=_endorsed(session, officer_fr))


def test_enrolment_waitlist_is_explicit_and_only_from_endorsed(session, officer_fr, coordinator, head_fr):
    enrolment = services.enrolment_waitlist(coordinator=coordinator, enrolment=_endorsed(session, officer_fr))
    assert enrolment.status == S.WAITLISTED
    with pytest.raises(TransitionRefused):
        services.enrolment_waitlist(coordinator=coordinator, enrolment=enrolment)
    with pytest.raises(PermissionDenied):
        services.enrolment_waitlist(coordinator=head_fr, enrolment=_endorsed(SessionFactory(), officer_fr))


def test_enrolment_reject_needs_a_reason_and_works_from_endorsed_or_waitlisted(
    session, officer_fr, officer_fr2, coordinator, head_fr
):
    with pytest.raises(TransitionRefused):
        services.enrolment_reject(coordinator=coordinator, enrolment=_endorsed(session, officer_fr), reason="")
    rejected = services.enrolment_reject(
        coordinator=coordinator, enrolment=Enrolment.objects.get(participant=officer_fr), reason="Prerequisite"
    )
    assert rejected.status == S.REJECTED
    waiting = EnrolmentFactory(session=session, participant=officer_fr2, status=S.WAITLISTED)
    assert services.enrolment_reject(coordinator=coordinator, enrolment=waiting, reason="x").status == S.REJECTED
    with pytest.raises(PermissionDenied):
        services.enrolment_reject(coordinator=head_fr, enrolment=_endorsed(SessionFactory(), officer_fr), reason="x")


def test_enrolment_reject_of_an_application_not_yet_endorsed_is_refused(session, officer_fr, coordinator):
    enrolment = services.enrolment_apply(participant=officer_fr, session=session)
    with pytest.raises(TransitionRefused):
        services.enrolment_reject(coordinator=coordinator, enrolment=enrolment, reason="x")


# --- the waiting list moves up --------------------------------------------------------------------------------


@pytest.fixture
def full_session_with_waiting_list(officer_fr, officer_fr2, officer_es, officer_eg, coordinator):
    """Capacity 1, taken by officer_fr; officer_es then officer_eg wait, in that order."""
    session = SessionFactory(capacity=1)
    seated_one = services.enrolment_accept(coordinator=coordinator, enrolment=_endorsed(session, officer_fr))
    first = services.enrolment_accept(coordinator=coordinator, enrolment=_endorsed(session, officer_es))
    second = services.enrolment_accept(coordinator=coordinator, enrolment=_endorsed(session, officer_eg))
    assert (seated_one.status, first.status, second.status) == (S.ACCEPTED, S.WAITLISTED, S.WAITLISTED)
    return session, seated_one, first, second


def test_withdrawal_of_an_accepted_participant_moves_the_first_in_line_up(full_session_with_waiting_list, officer_fr):
    session, seated_one, first, second = full_session_with_waiting_list

    services.enrolment_withdraw(participant=officer_fr, enrolment=seated_one)

    for enrolment in (seated_one, first, second):
        enrolment.refresh_from_db()
    session.refresh_from_db()
    assert seated_one.status == S.WITHDRAWN
    assert first.status == S.ACCEPTED
    assert second.status == S.WAITLISTED
    assert session.seats_taken == 1
    assert "training.promoted" in _notes(first.participant)
    assert AuditEntry.objects.filter(action="training.enrolment.promote", target_id=str(first.pk)).exists()


def test_the_waiting_position_follows_the_order_of_arrival(full_session_with_waiting_list, officer_fr):
    from training.selectors import session_applicants

    session, seated_one, first, second = full_session_with_waiting_list
    assert [(e.pk, e.waiting_position) for e in session_applicants(session=session).waiting_list] == [
        (first.pk, 1),
        (second.pk, 2),
    ]
    services.enrolment_withdraw(participant=officer_fr, enrolment=seated_one)
    assert [(e.pk, e.waiting_position) for e in session_applicants(session=session).waiting_list] == [(second.pk, 1)]


def test_cancellation_by_the_coordinator_moves_the_waiting_list_up(full_session_with_waiting_list, coordinator):
    session, seated_one, first, _second = full_session_with_waiting_list
    services.enrolment_cancel(coordinator=coordinator, enrolment=seated_one, reason="Cannot travel")
    first.refresh_from_db()
    assert first.status == S.ACCEPTED


def test_withdrawal_from_the_waiting_list_frees_no_seat(full_session_with_waiting_list):
    session, _seated, first, second = full_session_with_waiting_list
    services.enrolment_withdraw(participant=first.participant, enrolment=first)
    second.refresh_from_db()
    session.refresh_from_db()
    assert second.status == S.WAITLISTED and session.seats_taken == 1


def test_raising_the_capacity_fills_seats_from_the_waiting_list(full_session_with_waiting_list, coordinator):
    session, _seated, first, second = full_session_with_waiting_list
    Session.objects.filter(pk=session.pk).update(capacity=3)
    promoted = services.session_fill_from_waiting_list(session=session, actor=coordinator)
    assert [e.pk for e in promoted] == [first.pk, second.pk]
    session.refresh_from_db()
    assert session.seats_taken == 3


# --- withdraw / cancel ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["officer_fr2", "head_fr", "coordinator"])
def test_enrolment_withdraw_is_only_for_the_participant(request, session, officer_fr, who):
    enrolment = services.enrolment_apply(participant=officer_fr, session=session)
    with pytest.raises(PermissionDenied):
        services.enrolment_withdraw(participant=request.getfixturevalue(who), enrolment=enrolment)


def test_enrolment_withdraw_is_refused_once_the_session_has_started(officer_fr):
    running = SessionFactory(starts_on=days(0), ends_on=days(3), enrolment_deadline=days(-5))
    enrolment = _accepted(running, officer_fr)
    with pytest.raises(TransitionRefused, match="started"):
        services.enrolment_withdraw(participant=officer_fr, enrolment=enrolment)


def test_enrolment_withdraw_before_endorsement_tells_the_ncb_head(session, officer_fr, head_fr):
    enrolment = services.enrolment_apply(participant=officer_fr, session=session)
    services.enrolment_withdraw(participant=officer_fr, enrolment=enrolment)
    assert "training.withdrawn" in _notes(head_fr)


@pytest.mark.parametrize("who", ["officer_fr", "head_fr"])
def test_enrolment_cancel_is_only_for_the_coordinator(request, session, officer_fr, who):
    enrolment = _accepted(session, officer_fr)
    with pytest.raises(PermissionDenied):
        services.enrolment_cancel(coordinator=request.getfixturevalue(who), enrolment=enrolment, reason="x")


def test_session_cancel_cancels_every_open_enrolment_and_tells_the_participants(
    session, officer_fr, officer_es, officer_eg, coordinator
):
    accepted = _accepted(session, officer_fr)
    applied = EnrolmentFactory(session=session, participant=officer_es)
    declined = EnrolmentFactory(session=session, participant=officer_eg, status=S.DECLINED)

    services.session_cancel(coordinator=coordinator, session=session, reason="Venue closed")

    for enrolment in (accepted, applied, declined):
        enrolment.refresh_from_db()
    session.refresh_from_db()
    assert (accepted.status, applied.status, declined.status) == (S.CANCELLED, S.CANCELLED, S.DECLINED)
    assert session.is_cancelled and session.seats_taken == 0
    assert "training.session_cancelled" in _notes(officer_fr)
    with pytest.raises(PermissionDenied):
        services.session_cancel(coordinator=officer_fr, session=SessionFactory(), reason="x")


# --- attendance and completion --------------------------------------------------------------------------------


def test_attendance_is_recorded_from_the_first_day_only(session, officer_fr, coordinator):
    enrolment = _accepted(session, officer_fr)
    with pytest.raises(TransitionRefused, match="started"):
        services.enrolment_attendance_record(coordinator=coordinator, enrolment=enrolment, attendance="present")


def test_attendance_and_completion_issue_a_certificate_in_the_participants_language(officer_eg, coordinator):
    enrolment = _accepted(_past_session(), officer_eg)
    with pytest.raises(TransitionRefused, match="attendance"):
        services.enrolment_complete(coordinator=coordinator, enrolment=enrolment)
    services.enrolment_attendance_record(coordinator=coordinator, enrolment=enrolment, attendance=Attendance.PRESENT)

    enrolment = services.enrolment_complete(coordinator=coordinator, enrolment=enrolment)

    assert enrolment.status == S.COMPLETED and enrolment.completed_at is not None
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.language == "ar"
    assert certificate.holder_name == "أحمد حسن"
    assert len(certificate.code) == 16
    assert "training.completed" in _notes(officer_eg)


def test_completion_is_refused_before_the_last_day(officer_fr, coordinator):
    running = SessionFactory(starts_on=days(-1), ends_on=days(2), enrolment_deadline=days(-10))
    enrolment = _accepted(running, officer_fr)
    services.enrolment_attendance_record(coordinator=coordinator, enrolment=enrolment, attendance="present")
    with pytest.raises(TransitionRefused, match="last day"):
        services.enrolment_complete(coordinator=coordinator, enrolment=enrolment)


def test_an_absent_participant_cannot_complete_but_can_be_marked_not_completed(officer_fr, coordinator):
    enrolment = _accepted(_past_session(), officer_fr)
    services.enrolment_attendance_record(coordinator=coordinator, enrolment=enrolment, attendance="absent")
    with pytest.raises(TransitionRefused, match="absent"):
        services.enrolment_complete(coordinator=coordinator, enrolment=enrolment)
    enrolment = services.enrolment_mark_not_completed(coordinator=coordinator, enrolment=enrolment)
    assert enrolment.status == S.NOT_COMPLETED
    assert not Certificate.objects.filter(enrolment=enrolment).exists()


@pytest.mark.parametrize("who", ["officer_fr", "head_fr"])
def test_attendance_and_completion_are_only_for_the_coordinator(request, officer_fr, who):
    enrolment = _accepted(_past_session(), officer_fr)
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.enrolment_attendance_record(coordinator=user, enrolment=enrolment, attendance="present")
    with pytest.raises(PermissionDenied):
        services.enrolment_complete(coordinator=user, enrolment=enrolment)
    with pytest.raises(PermissionDenied):
        services.enrolment_mark_not_completed(coordinator=user, enrolment=enrolment)


def test_a_completed_enrolment_cannot_be_withdrawn_or_cancelled(officer_fr, coordinator):
    enrolment = EnrolmentFactory(session=_past_session(), participant=officer_fr, status=S.COMPLETED)
    with pytest.raises(TransitionRefused):
        services.enrolment_withdraw(participant=officer_fr, enrolment=enrolment)
    with pytest.raises(TransitionRefused):
        services.enrolment_cancel(coordinator=coordinator, enrolment=enrolment, reason="x")


def test_certificate_revoke_is_for_the_coordinator_with_a_reason(officer_fr, coordinator):
    enrolment = _accepted(_past_session(), officer_fr)
    services.enrolment_attendance_record(coordinator=coordinator, enrolment=enrolment, attendance="partial")
    services.enrolment_complete(coordinator=coordinator, enrolment=enrolment)
    certificate = Certificate.objects.get(enrolment=enrolment)
    with pytest.raises(PermissionDenied):
        services.certificate_revoke(coordinator=officer_fr, certificate=certificate, reason="x")
    certificate = services.certificate_revoke(coordinator=coordinator, certificate=certificate, reason="Issued twice")
    assert not certificate.is_valid


# --- capacity in the database ---------------------------------------------------------------------------------


def test_the_database_refuses_more_seats_than_the_capacity(session):
    from django.db.models import F

    Session.objects.filter(pk=session.pk).update(seats_taken=session.capacity)
    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.filter(pk=session.pk).update(seats_taken=F("seats_taken") + 1)


# --- everyone told in their own language ----------------------------------------------------------------------


def test_notifications_and_mail_are_in_each_recipients_language(
    session, officer_eg, head_eg, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_apply(participant=officer_eg, session=session)

    officer_note = Notification.objects.get(user=officer_eg)
    assert officer_note.params["course"] == session.course.title_ar
    assert officer_note.params["dates"]  # localized in Arabic (month names)
    assert any(
        month in officer_note.params["dates"]
        for month in (
            "يناير",
            "فبراير",
            "مارس",
            "أبريل",
            "مايو",
            "يونيو",
            "يوليو",
            "أغسطس",
            "سبتمبر",
            "أكتوبر",
            "نوفمبر",
            "ديسمبر",
        )
    )
    assert officer_note.url.startswith("/ar/training/")
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert session.course.title_ar in by_recipient[officer_eg.email].body
    assert "/ar/training/" in by_recipient[head_eg.email].body


def test_a_french_reader_gets_the_french_title(session, officer_fr2, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_apply(participant=officer_fr2, session=session)
    note = Notification.objects.get(user=officer_fr2)
    assert note.params["course"] == session.course.title_fr
    assert note.url.startswith("/fr/")
    assert mail.outbox[0].subject.endswith(session.course.title_fr)
