import pytest

from databases.identifiers import IdentifierError, alpha2, normalize_country


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("FR", "FRA"),
        ("fra", "FRA"),
        (" de ", "DEU"),
        ("Deu", "DEU"),
        ("gb", "GBR"),
        ("AR", "ARG"),
        ("sg", "SGP"),
        ("\tus\n", "USA"),
    ],
)
def test_normalize_country_returns_alpha3(value, expected):
    assert normalize_country(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("D", "DEU"),
        ("GBD", "GBD"),
        ("GBN", "GBN"),
        ("GBO", "GBO"),
        ("GBP", "GBP"),
        ("GBS", "GBS"),
        ("UNO", "UNO"),
        ("UNA", "UNA"),
        ("UNK", "UNK"),
        ("XXA", "XXA"),
        ("XXB", "XXB"),
        ("XXC", "XXC"),
        ("XXX", "XXX"),
        ("XPO", "XPO"),
        ("EUE", "EUE"),
        ("RKS", "RKS"),
        ("XK", "RKS"),
        ("xkx", "RKS"),
    ],
)
def test_normalize_country_accepts_icao_codes(value, expected):
    assert normalize_country(value) == expected


def test_normalize_country_accepts_the_icao_specimen_state_only_when_asked():
    assert normalize_country("UTO", specimen=True) == "UTO"
    with pytest.raises(IdentifierError) as excinfo:
        normalize_country("UTO")
    assert excinfo.value.code == "unknown_country"


@pytest.mark.parametrize(("value", "code"), [("", "empty"), (None, "empty"), ("  ", "empty")])
def test_normalize_country_rejects_empty_input(value, code):
    with pytest.raises(IdentifierError) as excinfo:
        normalize_country(value)
    assert (excinfo.value.field, excinfo.value.code) == ("country", code)


@pytest.mark.parametrize("value", ["ZZ", "ZZZ", "FRAN", "France", "F", "12", "UK", "E U"])
def test_normalize_country_rejects_unknown_codes(value):
    with pytest.raises(IdentifierError) as excinfo:
        normalize_country(value)
    assert (excinfo.value.field, excinfo.value.code) == ("country", "unknown_country")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("FRA", "FR"), ("fr", "FR"), ("D", "DE"), ("DEU", "DE"), ("GBD", "GB"), ("RKS", "XK"), ("EUE", "EU")],
)
def test_alpha2_returns_the_two_letter_code(value, expected):
    assert alpha2(value) == expected


@pytest.mark.parametrize("value", ["UNO", "XXA", "XXX", "XPO"])
def test_alpha2_rejects_codes_without_a_country(value):
    with pytest.raises(IdentifierError) as excinfo:
        alpha2(value)
    assert excinfo.value.code == "no_alpha2"
