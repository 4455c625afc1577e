"""Claiming a case: exactly one of two officers gets it, even at the same instant on PostgreSQL."""

import threading
import time

import pytest
from django.db import connection

from ccc import services
from ccc.choices import CaseStatus
from ccc.models import Case
from ncb.models import AuditEntry
from tests.ccc.factories import CaseFactory
from tests.ncb.factories import UserFactory


@pytest.mark.django_db
def test_case_claim_takes_a_new_case_and_clears_the_hand_over_mark(case, duty_officer):
    Case.objects.filter(pk=case.pk).update(handover_pending=True)
    claimed = services.case_claim(case_id=case.pk, officer=duty_officer)
    assert claimed.status == CaseStatus.CLAIMED
    assert claimed.claimed_by == duty_officer
    assert claimed.claimed_at is not None
    assert not claimed.handover_pending
    assert AuditEntry.objects.filter(action="ccc.case.claim", target_id=str(case.pk)).exists()


@pytest.mark.django_db
def test_case_claim_tells_the_second_officer_it_was_taken(case, duty_officer, duty_officer_ba):
    services.case_claim(case_id=case.pk, officer=duty_officer)
    with pytest.raises(services.CaseAlreadyClaimed):
        services.case_claim(case_id=case.pk, officer=duty_officer_ba)
    case.refresh_from_db()
    assert case.claimed_by == duty_officer


@pytest.mark.django_db
def test_case_claim_refuses_someone_without_a_ccc_role(case, officer_fr):
    with pytest.raises(services.CaseActionError):
        services.case_claim(case_id=case.pk, officer=officer_fr)


@pytest.mark.django_db(transaction=True)
def test_two_officers_claiming_at_the_same_instant_exactly_one_gets_it(monkeypatch):
    from ncb.models import Unit
    from ncb.setup import load_reference_data

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's row locks")
    load_reference_data()
    lyon = Unit.objects.get(code="ccc-lyon")
    case = CaseFactory(site=lyon)
    officers = [UserFactory(unit=lyon, roles=["ccc_duty_officer"], username=f"t.race.{n}") for n in range(2)]

    # Hold the winner's transaction open a moment after its UPDATE, so the other UPDATE really has to wait on
    # the row lock and then re-check `status = 'new'` against the committed row.
    original_audit = services.cases.audit_record

    def slow_audit(**kwargs):
        time.sleep(0.3)
        return original_audit(**kwargs)

    monkeypatch.setattr(services.cases, "audit_record", slow_audit)
    barrier = threading.Barrier(2)
    results: dict[str, str] = {}

    def claim(officer):
        try:
            barrier.wait(timeout=10)
            services.case_claim(case_id=case.pk, officer=officer)
            results[officer.username] = "claimed"
        except services.CaseAlreadyClaimed:
            results[officer.username] = "taken"
        finally:
            connection.close()  # each thread has its own database connection

    threads = [threading.Thread(target=claim, args=(officer,)) for officer in officers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(results.values()) == ["claimed", "taken"]
    winner = next(name for name, result in results.items() if result == "claimed")
    case.refresh_from_db()
    assert case.status == CaseStatus.CLAIMED
    assert case.claimed_by.username == winner
    assert AuditEntry.objects.filter(action="ccc.case.claim", target_id=str(case.pk)).count() == 1
