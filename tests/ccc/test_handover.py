"""Follow the sun: at the end of a shift, the site's open cases go to the next site, which sees them first."""

from datetime import UTC, datetime

import pytest

from ccc import services
from ccc.choices import CaseStatus
from ccc.models import HandOver
from ccc.selectors import case_queue
from ncb.models import Notification
from tests.ccc.factories import CaseFactory

pytestmark = pytest.mark.django_db


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.fixture
def lyon_cases(lyon, duty_officer):
    return {
        "new": CaseFactory(site=lyon, status=CaseStatus.NEW),
        "claimed": CaseFactory(
            site=lyon, status=CaseStatus.CLAIMED, claimed_by=duty_officer, claimed_at=utc(2026, 1, 15)
        ),
        "waiting": CaseFactory(
            site=lyon, status=CaseStatus.WAITING_FOR_NCB, claimed_by=duty_officer, claimed_at=utc(2026, 1, 15)
        ),
        "resolved": CaseFactory(site=lyon, status=CaseStatus.RESOLVED),
    }


def test_open_cases_are_handed_over_at_the_end_of_lyons_winter_shift(lyon, buenos_aires, lyon_cases):
    # 17:00 in Lyon in January is 16:00 UTC; the beat runs a few minutes later.
    done = services.cases_hand_over_due(now=utc(2026, 1, 15, 16, 3))
    assert [(h.from_site, h.to_site, h.shift_end) for h in done] == [(lyon, buenos_aires, utc(2026, 1, 15, 16))]
    for key in ("new", "claimed", "waiting"):
        lyon_cases[key].refresh_from_db()
        assert lyon_cases[key].site == buenos_aires
        assert lyon_cases[key].handover_pending
        assert lyon_cases[key].handover == done[0]
    # The officer going off shift no longer holds the case; the one waiting for an NCB keeps waiting.
    assert lyon_cases["claimed"].status == CaseStatus.NEW and lyon_cases["claimed"].claimed_by is None
    assert lyon_cases["waiting"].status == CaseStatus.WAITING_FOR_NCB
    lyon_cases["resolved"].refresh_from_db()
    assert lyon_cases["resolved"].site == lyon
    assert done[0].case_count == 3
    assert Notification.objects.filter(unit=buenos_aires, kind="ccc_hand_over").exists()


def test_the_beat_hands_over_once_per_shift_end(lyon, lyon_cases):
    assert len(services.cases_hand_over_due(now=utc(2026, 1, 15, 16, 3))) == 1
    assert services.cases_hand_over_due(now=utc(2026, 1, 15, 16, 8)) == []
    assert HandOver.objects.filter(from_site=lyon).count() == 1


def test_lyons_summer_shift_ends_at_15_utc(lyon, buenos_aires, lyon_cases):
    assert services.cases_hand_over_due(now=utc(2026, 7, 15, 14, 58)) == []
    done = services.cases_hand_over_due(now=utc(2026, 7, 15, 15, 2))
    # Nobody is on duty from 15:00 to 16:00 UTC in summer: the cases go to the next site to start.
    assert [(h.from_site, h.to_site) for h in done] == [(lyon, buenos_aires)]


def test_hand_over_on_the_day_paris_changes_to_summer_time(lyon, lyon_cases):
    # 29 March 2026, clocks forward at 02:00: the 17:00 end is 15:00 UTC that day, no longer 16:00 UTC.
    assert services.cases_hand_over_due(now=utc(2026, 3, 29, 14, 58)) == []
    done = services.cases_hand_over_due(now=utc(2026, 3, 29, 15, 2))
    assert [h.shift_end for h in done] == [utc(2026, 3, 29, 15)]
    assert services.cases_hand_over_due(now=utc(2026, 3, 29, 16, 2)) == []


def test_a_shift_end_older_than_the_catch_up_window_is_not_replayed(lyon_cases, settings):
    settings.CCC_HANDOVER_CATCH_UP_MINUTES = 60
    assert services.cases_hand_over_due(now=utc(2026, 1, 15, 17, 30)) == []


def test_singapore_hands_over_to_lyon_and_buenos_aires_to_singapore(singapore, lyon, buenos_aires):
    CaseFactory(site=singapore)
    CaseFactory(site=buenos_aires)
    # Winter: Singapore ends at 08:00 UTC when Lyon starts; Buenos Aires ends at midnight UTC.
    assert [h.to_site for h in services.cases_hand_over_due(now=utc(2026, 1, 15, 8, 1))] == [lyon]
    assert [h.to_site for h in services.cases_hand_over_due(now=utc(2026, 1, 16, 0, 1))] == [singapore]


def test_the_receiving_site_sees_handed_over_cases_first(lyon, buenos_aires, duty_officer_ba):
    own = CaseFactory(site=buenos_aires, opened_at=utc(2026, 1, 15, 10), summary="Own case, earlier deadline")
    handed = CaseFactory(site=lyon, opened_at=utc(2026, 1, 15, 15), summary="Handed over, later deadline")
    services.cases_hand_over_due(now=utc(2026, 1, 15, 16, 3))
    assert list(case_queue(viewer=duty_officer_ba)) == [handed, own]
    # Once claimed at the new site, it takes its place by deadline again.
    services.case_claim(case_id=handed.pk, officer=duty_officer_ba)
    assert list(case_queue(viewer=duty_officer_ba)) == [own, handed]


def test_other_sites_see_handed_over_cases_by_deadline_only(lyon, buenos_aires, duty_officer):
    own = CaseFactory(site=buenos_aires, opened_at=utc(2026, 1, 15, 10))
    handed = CaseFactory(site=lyon, opened_at=utc(2026, 1, 15, 15))
    services.cases_hand_over_due(now=utc(2026, 1, 15, 16, 3))
    assert list(case_queue(viewer=duty_officer)) == [own, handed]


def test_supervisor_hands_over_now_with_a_note(lyon, buenos_aires, supervisor, lyon_cases):
    handover = services.case_hand_over(
        from_site=lyon, actor=supervisor, note="Power cut in Lyon", now=utc(2026, 1, 15, 12)
    )
    # At noon UTC only Lyon is on duty: the next site to start is Buenos Aires (16:00 UTC).
    assert handover.to_site == buenos_aires
    assert handover.by == supervisor and handover.note == "Power cut in Lyon" and handover.shift_end is None
    assert handover.case_count == 3


def test_the_queue_pages_run_on_from_the_handed_over_cases_to_the_others(lyon, buenos_aires, duty_officer_ba):
    from ncb.pagination import CappedPaginator

    own = [CaseFactory(site=buenos_aires, opened_at=utc(2026, 1, 15, 10, minute)) for minute in range(3)]
    handed = [CaseFactory(site=lyon, opened_at=utc(2026, 1, 15, 15, minute)) for minute in range(3)]
    services.cases_hand_over_due(now=utc(2026, 1, 15, 16, 3))
    queue = case_queue(viewer=duty_officer_ba)
    paginator = CappedPaginator(queue, 2)
    pages = [list(paginator.page(number)) for number in paginator.page_range]
    assert pages == [handed[:2], [handed[2], own[0]], own[1:]]
    assert [case.handed_to_me for case in queue[1:5]] == [True, True, False, False]
    assert queue.count_up_to(100) == 6 and queue[6:8] == [] and queue[:] == handed + own
    assert [queue.count_up_to(bound) for bound in (2, 3, 4, 6, 7)] == [2, 3, 4, 6, 6]


def test_a_paginator_counts_the_queue_up_to_its_cap(lyon, buenos_aires, duty_officer_ba):
    from ncb.pagination import CappedPaginator

    for minute in range(3):
        CaseFactory(site=buenos_aires, opened_at=utc(2026, 1, 15, 10, minute))
        CaseFactory(site=lyon, opened_at=utc(2026, 1, 15, 15, minute))
    services.cases_hand_over_due(now=utc(2026, 1, 15, 16, 3))
    paginator = CappedPaginator(case_queue(viewer=duty_officer_ba), 2)
    paginator.cap = 4
    assert paginator.count == 5 and paginator.capped
    assert paginator.num_pages == 3
