"""Fixtures of the CCC tests: the three sites, their staff, and NCB officers."""

import pytest

from tests.ncb.factories import UserFactory


@pytest.fixture
def lyon(db):
    from ncb.models import Unit

    return Unit.objects.get(code="ccc-lyon")


@pytest.fixture
def singapore(db):
    from ncb.models import Unit

    return Unit.objects.get(code="ccc-singapore")


@pytest.fixture
def buenos_aires(db):
    from ncb.models import Unit

    return Unit.objects.get(code="ccc-buenos-aires")


@pytest.fixture
def duty_officer(lyon):
    return UserFactory(unit=lyon, roles=["ccc_duty_officer"], username="t.duty.lyon", preferred_language="fr")


@pytest.fixture
def duty_officer_ba(buenos_aires):
    return UserFactory(unit=buenos_aires, roles=["ccc_duty_officer"], username="t.duty.ba", preferred_language="es")


@pytest.fixture
def supervisor(lyon):
    return UserFactory(unit=lyon, roles=["ccc_supervisor", "ccc_duty_officer"], username="t.supervisor")


@pytest.fixture
def case(lyon, ncb_fr, ncb_es):
    from tests.ccc.factories import CaseFactory, ThreadFactory

    case = CaseFactory(site=lyon, summary="Stolen passport at the border")
    ThreadFactory(case=case, ncb=ncb_fr)
    ThreadFactory(case=case, ncb=ncb_es)
    return case
