import pytest

from databases.identifiers import IdentifierError, normalize_plate, plate_key


@pytest.mark.parametrize(
    ("plate", "country", "expected"),
    [
        ("AB-123-CD", "fr", ("FRA", "AB123CD")),
        ("ab 123 cd", "FRA", ("FRA", "AB123CD")),
        ("B·MW 1234", "DE", ("DEU", "BMW1234")),
        ("TÜ-AB 12", "DEU", ("DEU", "TUAB12")),  # plate readers report the umlaut without its dots
        ("А123ВС77", "RU", ("RUS", "A123BC77")),  # Cyrillic letters with Latin twins
        ("АА 1234 ВК", "UKR", ("UKR", "AA1234BK")),
        ("ΙΚΑ-1234", "GR", ("GRC", "IKA1234")),  # Greek
        ("١٢٣٤٥", "ARE", ("ARE", "12345")),  # Arabic-Indic digits
        (" 7ABC123 ", "US", ("USA", "7ABC123")),
        ("KA.01/AB_1234", "IND", ("IND", "KA01AB1234")),
    ],
)
def test_normalize_plate_returns_country_and_bare_plate(plate, country, expected):
    assert normalize_plate(plate, country) == expected


@pytest.mark.parametrize(
    ("plate", "code"),
    [
        ("", "empty"),
        (None, "empty"),
        (" - . ", "empty"),
        ("A" * 13, "length"),
        ("AB*123", "invalid_character"),
        ("دبي 12345", "invalid_character"),  # Arabic letters have no Latin twin
        ("ЖЖ123", "invalid_character"),  # neither has this Cyrillic letter
    ],
)
def test_normalize_plate_rejects_bad_plates(plate, code):
    with pytest.raises(IdentifierError) as excinfo:
        normalize_plate(plate, "FRA")
    assert (excinfo.value.field, excinfo.value.code) == ("plate", code)


def test_normalize_plate_accepts_the_maximum_length():
    assert normalize_plate("A" * 12, "FRA") == ("FRA", "A" * 12)


@pytest.mark.parametrize("country", ["", "XY", "France"])
def test_normalize_plate_rejects_an_unknown_country(country):
    with pytest.raises(IdentifierError) as excinfo:
        normalize_plate("AB123CD", country)
    assert excinfo.value.field == "country"


@pytest.mark.parametrize("misread", ["AB-123-CD", "A8 123 CD", "ABI23CD", "A8l23C0"])
def test_plate_key_is_equal_for_ocr_confusions(misread):
    assert plate_key(misread) == plate_key("AB123CD")


def test_plate_key_keeps_different_plates_apart():
    assert plate_key("AB123CD") != plate_key("AB124CD")


def test_plate_key_rejects_empty_input():
    with pytest.raises(IdentifierError) as excinfo:
        plate_key(" ")
    assert excinfo.value.code == "empty"


def test_plate_key_tolerates_letters_without_a_latin_twin():
    assert plate_key("ЖЖ 1O") == "ЖЖ10"
