import pytest

from databases.identifiers import IdentifierError, normalize_make, normalize_serial, serial_key


@pytest.mark.parametrize(
    ("spellings", "expected"),
    [
        (["Heckler & Koch GmbH", "HECKLER UND KOCH", "heckler-koch", "Heckler & Koch"], "heckler koch"),
        (["Smith & Wesson", "Smith and Wesson Inc.", "SMITH&WESSON", "Smith & Wesson Corp"], "smith wesson"),
        (
            ["Fabbrica d'Armi Pietro Beretta S.p.A.", "FABBRICA D'ARMI PIETRO BERETTA SPA"],
            "fabbrica darmi pietro beretta",
        ),
        (["Sturm, Ruger & Co., Inc.", "Sturm Ruger"], "sturm ruger"),
        (["Glock Ges.m.b.H.", "GLOCK", "  glock  "], "glock"),
        (["FN Herstal S.A.", "FN Herstal SA"], "fn herstal"),
        (
            ["Manufacture d'armes de Saint-Étienne", "MANUFACTURE D'ARMES DE SAINT ETIENNE"],
            "manufacture darmes de saint etienne",
        ),
        (["Foo GmbH & Co. KG"], "foo"),
        (["Colt's Manufacturing Company LLC", "Colts Manufacturing"], "colts manufacturing"),
        (["Ижмаш", "ИЖМАШ"], "ижмаш"),
    ],
)
def test_normalize_make_gives_one_form_for_each_spelling(spellings, expected):
    assert {normalize_make(spelling) for spelling in spellings} == {expected}


def test_normalize_make_keeps_a_name_that_is_only_a_legal_form():
    assert normalize_make("AB") == "ab"


@pytest.mark.parametrize("value", ["", None, " . , & "])
def test_normalize_make_rejects_empty_input(value):
    with pytest.raises(IdentifierError) as excinfo:
        normalize_make(value)
    assert (excinfo.value.field, excinfo.value.code) == ("make", "empty")


def test_normalize_make_rejects_an_overlong_make():
    with pytest.raises(IdentifierError) as excinfo:
        normalize_make("x" * 101)
    assert excinfo.value.code == "length"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("abc123", "ABC123"),
        (" AB-12.34/56 ", "AB123456"),
        ("#12 345", "12345"),
        ("SN:123_456", "SN123456"),
        ("１２３", "123"),
    ],
)
def test_normalize_serial_strips_separators(value, expected):
    assert normalize_serial(value) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [("", "empty"), (None, "empty"), (" - ", "empty"), ("A" * 31, "length"), ("AB*12", "invalid_character")],
)
def test_normalize_serial_rejects_bad_input(value, code):
    with pytest.raises(IdentifierError) as excinfo:
        normalize_serial(value)
    assert (excinfo.value.field, excinfo.value.code) == ("serial_number", code)


@pytest.mark.parametrize("misread", ["BGS-1205", "8GS1205", "B6S12O5", "BG5I2O5", "bgsl2o5"])
def test_serial_key_is_equal_for_ocr_confusions(misread):
    assert serial_key(misread) == serial_key("BGS1205")


def test_serial_key_keeps_different_serials_apart():
    assert serial_key("BGS1205") != serial_key("BGS1206")
