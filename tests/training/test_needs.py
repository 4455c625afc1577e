"""Training needs: stated by NCB heads, compared by the coordinator per topic and region with the offer."""

import pytest
from django.core.exceptions import PermissionDenied

from tests.ncb.factories import UserFactory
from tests.training.factories import CourseFactory, EnrolmentFactory, SessionFactory, TopicFactory, days
from training.choices import EnrolmentStatus
from training.models import TrainingNeed
from training.selectors import needs_report
from training.services import training_needs_set

pytestmark = pytest.mark.django_db


def test_a_head_states_and_replaces_the_needs_of_their_ncb(head_fr):
    crypto, dvi = TopicFactory(code="crypto"), TopicFactory(code="dvi")
    training_needs_set(head=head_fr, needs={crypto.pk: (4, "high"), dvi.pk: (2, "low")})
    training_needs_set(head=head_fr, needs={crypto.pk: (6, "medium"), dvi.pk: (0, "low")})
    assert list(TrainingNeed.objects.values_list("ncb__code", "topic__code", "officers", "priority")) == [
        ("ncb-fr", "crypto", 6, "medium")
    ]


@pytest.mark.parametrize("who", ["officer_fr", "coordinator"])
def test_only_ncb_heads_state_needs(request, who):
    topic = TopicFactory()
    with pytest.raises(PermissionDenied):
        training_needs_set(head=request.getfixturevalue(who), needs={topic.pk: (3, "high")})


def test_the_report_sets_needs_per_region_against_courses_seats_and_trained_officers(
    head_fr, head_es, head_eg, officer_fr, officer_eg
):
    crypto = TopicFactory(code="crypto")
    orphan = TopicFactory(code="environment", programme="organized_crime")
    course = CourseFactory(topics=[crypto])
    upcoming = SessionFactory(course=course, capacity=12)
    past = SessionFactory(course=course, starts_on=days(-30), ends_on=days(-26), enrolment_deadline=days(-40))
    EnrolmentFactory(session=past, participant=officer_fr, status=EnrolmentStatus.COMPLETED)
    EnrolmentFactory(session=upcoming, participant=officer_eg, status=EnrolmentStatus.ACCEPTED)
    EnrolmentFactory(
        session=upcoming,
        participant=UserFactory(unit=officer_eg.unit, username="t.o2.eg"),
        status=EnrolmentStatus.APPLIED,
    )  # not yet a seat: not counted
    training_needs_set(head=head_fr, needs={crypto.pk: (4, "high")})
    training_needs_set(head=head_es, needs={crypto.pk: (3, "low"), orphan.pk: (5, "high")})
    training_needs_set(head=head_eg, needs={crypto.pk: (2, "medium")})

    rows = {row.topic.code: row for row in needs_report()}

    crypto_row = rows["crypto"]
    europe = next(cell for cell in crypto_row.cells if cell.region == "europe")
    mena = next(cell for cell in crypto_row.cells if cell.region == "mena")
    assert (europe.ncbs, europe.officers, europe.high_priority, europe.trained, europe.gap) == (2, 7, 1, 1, 6)
    assert (mena.officers, mena.trained, mena.gap) == (2, 1, 1)
    assert (crypto_row.courses, crypto_row.sessions, crypto_row.seats) == (1, 1, 12)
    assert crypto_row.gap == 7 and not crypto_row.uncovered
    assert rows["environment"].uncovered and rows["environment"].officers == 5


def test_the_report_filters_by_programme_and_region(head_fr):
    crypto = TopicFactory(code="crypto")
    TopicFactory(code="dna", programme="forensics")
    training_needs_set(head=head_fr, needs={crypto.pk: (4, "high")})
    rows = needs_report(programme="cybercrime", region="europe")
    assert [row.topic.code for row in rows] == ["crypto"]
    assert [cell.region for cell in rows[0].cells] == ["europe"]


def test_the_report_costs_the_same_queries_whatever_the_data(head_fr, django_assert_num_queries):
    for n in range(6):
        topic = TopicFactory()
        SessionFactory(course=CourseFactory(topics=[topic]))
        training_needs_set(head=head_fr, needs={topic.pk: (n + 1, "high")})
    with django_assert_num_queries(4):
        needs_report()
