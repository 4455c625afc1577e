"""Two coordinators accept the last seat at the same moment, on real PostgreSQL, from two threads.

Each thread has its own database connection and its own transaction. The seat check is slowed down so that,
without the lock on the session row, both would see the seat free; with it, the second waits for the first to
commit and then finds the session full.
"""

import threading
import time

import pytest
from django.db import connection, connections

from tests.ncb.factories import UserFactory
from tests.training.factories import EnrolmentFactory, SessionFactory, seated
from training import services
from training.choices import EnrolmentStatus
from training.models import Enrolment, Session

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def slow_seat_check(monkeypatch):
    original = services._seats_left

    def slow(session):
        left = original(session)
        time.sleep(0.3)  # both threads are inside their transaction now
        return left

    monkeypatch.setattr(services, "_seats_left", slow)


def _run_together(*jobs):
    barrier = threading.Barrier(len(jobs))
    results: list = [None] * len(jobs)

    def worker(index, job):
        try:
            barrier.wait(timeout=10)
            results[index] = job()
        except Exception as error:  # noqa: BLE001 - the test asserts on whatever happened in the thread
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_two_coordinators_accepting_the_last_seat_at_once_give_one_seat_and_one_waiting_place(slow_seat_check):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    from ncb.models import Unit

    gs = Unit.objects.get(code="gs-lyon")
    ncb_fr = Unit.objects.get(code="ncb-fr")
    first_coordinator = UserFactory(unit=gs, roles=["training_coordinator"], username="t.coord.1")
    second_coordinator = UserFactory(unit=gs, roles=["training_coordinator"], username="t.coord.2")
    session = SessionFactory(capacity=2)
    already = UserFactory(unit=ncb_fr, roles=["ncb_officer"], username="t.seated")
    EnrolmentFactory(session=session, participant=already, status=EnrolmentStatus.ACCEPTED)
    seated(session)
    one, two = (
        EnrolmentFactory(
            session=session,
            participant=UserFactory(unit=ncb_fr, roles=["ncb_officer"], username=f"t.racer.{n}"),
            status=EnrolmentStatus.ENDORSED,
        )
        for n in (1, 2)
    )

    results = _run_together(
        lambda: services.enrolment_accept(coordinator=first_coordinator, enrolment=one).status,
        lambda: services.enrolment_accept(coordinator=second_coordinator, enrolment=two).status,
    )

    assert sorted(results) == [EnrolmentStatus.ACCEPTED, EnrolmentStatus.WAITLISTED], results
    session = Session.objects.get(pk=session.pk)
    accepted = Enrolment.objects.filter(session=session, status=EnrolmentStatus.ACCEPTED).count()
    assert accepted == session.seats_taken == session.capacity == 2


def test_without_the_lock_the_database_constraint_still_refuses_the_extra_seat(monkeypatch, slow_seat_check):
    """Belt and braces: even if the row lock were lost in a refactoring, the check constraint would fail the
    second acceptance rather than let the session go over capacity."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    from ncb.models import Unit

    monkeypatch.setattr(services, "_lock_session", lambda pk: Session.objects.select_related("course").get(pk=pk))
    gs = Unit.objects.get(code="gs-lyon")
    ncb_fr = Unit.objects.get(code="ncb-fr")
    coordinators = [UserFactory(unit=gs, roles=["training_coordinator"], username=f"t.c.{n}") for n in (1, 2)]
    session = SessionFactory(capacity=1)
    racers = [
        EnrolmentFactory(
            session=session,
            participant=UserFactory(unit=ncb_fr, roles=["ncb_officer"], username=f"t.r.{n}"),
            status=EnrolmentStatus.ENDORSED,
        )
        for n in (1, 2)
    ]

    results = _run_together(
        *[
            (lambda c=c, e=e: services.enrolment_accept(coordinator=c, enrolment=e).status)
            for c, e in zip(coordinators, racers, strict=True)
        ]
    )

    session = Session.objects.get(pk=session.pk)
    assert session.seats_taken == 1
    assert Enrolment.objects.filter(session=session, status=EnrolmentStatus.ACCEPTED).count() == 1
    assert EnrolmentStatus.ACCEPTED in results
    assert any(isinstance(result, Exception) for result in results), results
