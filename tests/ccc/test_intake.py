"""Intake: a hit above the threshold (or a notice needing attention) opens exactly one case."""

import threading

import pytest
from django.db import connection

from ccc.choices import CasePriority, CaseSource
from ccc.intake import case_open_from_hit, case_open_from_notice, cases_open_from_hits
from ccc.models import Case


def make_hit(owner, unit, *, priority=4, key="FR123"):
    from databases.models import Hit

    return Hit.objects.create(
        database="travel-documents",
        record_id=42,
        record_owner=owner,
        record_reference="FR-SLTD-42",
        unit=unit,
        query_key=key,
        rule="document number",
        reason="document number and country",
        score=1.0,
        priority=priority,
    )


@pytest.mark.django_db
def test_a_hit_above_the_threshold_opens_one_case_however_often_the_intake_is_called(ncb_fr, ncb_es):
    hit = make_hit(ncb_fr, ncb_es)
    first = case_open_from_hit(hit.pk)
    assert first is not None
    for _ in range(3):
        assert case_open_from_hit(hit.pk) == first
    assert Case.objects.filter(hit=hit).count() == 1
    assert (first.source, first.source_id, first.priority) == (CaseSource.HIT, hit.pk, CasePriority.URGENT)
    # The record's owner and the NCB whose query hit it are both concerned, each with its own thread.
    assert sorted(first.threads.values_list("ncb__code", flat=True)) == ["ncb-es", "ncb-fr"]
    assert "FR-SLTD-42" in first.summary


@pytest.mark.django_db
def test_a_high_hit_opens_a_standard_case_and_a_low_one_none(ncb_fr, ncb_es, settings):
    settings.HIT_CASE_PRIORITY_THRESHOLD = 3
    assert case_open_from_hit(make_hit(ncb_fr, ncb_es, priority=3, key="a").pk).priority == CasePriority.STANDARD
    assert case_open_from_hit(make_hit(ncb_fr, ncb_es, priority=2, key="b").pk) is None
    assert case_open_from_hit(999_999_999) is None


@pytest.mark.django_db
def test_the_databases_app_reaches_the_intake_through_the_setting(ncb_fr, ncb_es, settings):
    from databases.services.hits import hits_escalate

    assert settings.HIT_ESCALATION_HANDLER == "ccc.intake.cases_open_from_hits"
    hit = make_hit(ncb_fr, ncb_es)
    hits_escalate([hit.pk])
    hits_escalate([hit.pk])
    assert Case.objects.filter(source=CaseSource.HIT, source_id=hit.pk).count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_intake_calls_for_one_hit_open_one_case():
    from ncb.models import Unit
    from ncb.setup import load_reference_data

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    load_reference_data()
    hit = make_hit(Unit.objects.get(code="ncb-fr"), Unit.objects.get(code="ncb-es"))
    barrier = threading.Barrier(4)
    opened = []

    def call():
        try:
            barrier.wait(timeout=10)
            opened.append(case_open_from_hit(hit.pk).pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=call) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(opened) == 4 and len(set(opened)) == 1
    assert Case.objects.filter(source_id=hit.pk).count() == 1


@pytest.mark.django_db
def test_a_notice_needing_attention_opens_one_case_with_the_ncbs_concerned(ncb_fr, ncb_eg, settings):
    from django.utils.module_loading import import_string

    handler = import_string(settings.NOTICE_ATTENTION_HANDLER)
    case = handler(notice_id=7, reason="Screening hit on the subject of a Red Notice", hit_ids=[])
    again = case_open_from_notice(7, summary="other words", ncb_ids=[ncb_fr.pk])
    assert again == case
    assert case.source == CaseSource.NOTICE and case.summary.startswith("Screening hit")
    withncbs = case_open_from_notice(8, summary="Orange Notice", ncb_ids=[ncb_fr.pk, ncb_eg.pk], urgent=True)
    assert withncbs.priority == CasePriority.URGENT
    assert sorted(withncbs.threads.values_list("ncb__code", flat=True)) == ["ncb-eg", "ncb-fr"]


@pytest.mark.django_db
def test_several_hits_open_their_cases_together_and_once(ncb_fr, ncb_es, django_assert_max_num_queries):
    hits = [make_hit(ncb_fr, ncb_es, key=f"K{n}") for n in range(3)]
    low = make_hit(ncb_fr, ncb_es, priority=1, key="low")
    ids = [hit.pk for hit in hits]
    opened = cases_open_from_hits([*ids, low.pk, 999_999_999])
    assert sorted(opened) == sorted(ids)
    assert all(opened[pk].hit_id == pk for pk in ids)
    # Called again (a re-run, or a second worker): the same cases, read in two queries, nothing opened.
    with django_assert_max_num_queries(2):
        again = cases_open_from_hits(ids)
    assert {pk: case.pk for pk, case in again.items()} == {pk: case.pk for pk, case in opened.items()}
    assert Case.objects.filter(source=CaseSource.HIT).count() == 3
