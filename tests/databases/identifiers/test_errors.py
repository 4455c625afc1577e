import pickle

import pytest
from django.utils.functional import Promise

from databases.identifiers import IdentifierError, normalize_vin


def test_identifier_error_is_a_value_error_with_machine_names():
    with pytest.raises(ValueError) as excinfo:
        normalize_vin("ABC")
    error = excinfo.value

    assert isinstance(error, IdentifierError)
    assert (error.field, error.code, error.params) == ("vin", "length", {"length": 17})
    assert repr(error) == "IdentifierError(field='vin', code='length')"


def test_identifier_error_message_stays_lazy_until_shown():
    error = IdentifierError("vin", "length", "A VIN has exactly {length} characters.", length=17)

    assert isinstance(error.message, Promise)
    assert str(error)  # rendered (or, without Django settings, the machine names)


def test_identifier_error_survives_pickling():
    error = IdentifierError("vin", "length", "A VIN has exactly {length} characters.", length=17)

    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own data
    assert (copy.field, copy.code, copy.params) == ("vin", "length", {"length": 17})
    assert isinstance(copy.message, Promise)


def test_identifier_error_with_field_keeps_code_and_params():
    error = IdentifierError("country", "unknown_country", "{code} is unknown.", code="ZZ").with_field("nationality")

    assert (error.field, error.code, error.params) == ("nationality", "unknown_country", {"code": "ZZ"})
