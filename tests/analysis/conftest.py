"""Fixtures of the analysis tests: analysts of two NCBs, CCC staff, and a small connected case file."""

import pytest

from tests.ncb.factories import UserFactory


@pytest.fixture
def analyst_fr(ncb_fr):
    return UserFactory(unit=ncb_fr, roles=["criminal_analyst"], username="t.analyst.fr")


@pytest.fixture
def analyst_es(ncb_es):
    return UserFactory(unit=ncb_es, roles=["criminal_analyst"], username="t.analyst.es")


@pytest.fixture
def duty_officer(db):
    from ncb.models import Unit

    return UserFactory(unit=Unit.objects.get(code="ccc-lyon"), roles=["ccc_duty_officer"], username="t.duty.lyon")
