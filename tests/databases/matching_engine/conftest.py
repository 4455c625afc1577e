"""Persons recorded through the services, so that their blocking keys are stored as in production."""

import pytest

from databases.services import record_create
from databases.services.match_keys import forget_frequencies


@pytest.fixture(autouse=True)
def _fresh_caches():
    forget_frequencies()
    yield
    forget_frequencies()


@pytest.fixture
def person_of():
    def make(owner, family_name, given_names="", date_of_birth="", sex="U", reference=None, **extra):
        data = {
            "reference": reference or f"P-{family_name}-{given_names}-{date_of_birth}"[:60],
            "status": "wanted",
            "family_name": family_name,
            "given_names": given_names,
            "date_of_birth": date_of_birth,
            "sex": sex,
            **extra,
        }
        return record_create(database="persons", owner=owner, actor=None, data=data)

    return make
