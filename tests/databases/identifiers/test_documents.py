import pytest

from databases.identifiers import IdentifierError, normalize_document_number, ocr_key


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("L898902C3", "L898902C3"),
        ("l898902c3", "L898902C3"),
        ("  AB 12-34.56/7  ", "AB1234567"),
        ("L898902C3<<<", "L898902C3"),
        ("ab\u201312\u00a034", "AB1234"),
        ("１２３ＡＢ", "123AB"),  # full-width input
        ("A" * 20, "A" * 20),
        ("№ 123456", "123456"),
    ],
)
def test_normalize_document_number_keeps_only_letters_and_digits(value, expected):
    assert normalize_document_number(value) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", "empty"),
        (None, "empty"),
        (" -./< ", "empty"),
        ("A" * 21, "length"),
        ("AB#123", "invalid_character"),
        ("ÄB123", "invalid_character"),
        ("AB,123", "invalid_character"),
    ],
)
def test_normalize_document_number_rejects_bad_input(value, code):
    with pytest.raises(IdentifierError) as excinfo:
        normalize_document_number(value)
    assert (excinfo.value.field, excinfo.value.code) == ("document_number", code)


@pytest.mark.parametrize(
    "misread",
    ["L898902C3", "1898902C3", "L8989O2C3", "L8989Q2C3", "L8989D2C3", "L89B902C3", "I898902C3"],
)
def test_ocr_key_is_equal_for_ocr_confusions(misread):
    assert ocr_key(misread) == ocr_key("L898902C3")


@pytest.mark.parametrize(("a", "b"), [("S5", "55"), ("Z2", "22"), ("G6", "66"), ("ab-12", "AB12")])
def test_ocr_key_maps_each_confusion_class_to_one_character(a, b):
    assert ocr_key(a) == ocr_key(b)


def test_ocr_key_keeps_different_numbers_apart():
    assert ocr_key("L898902C3") != ocr_key("L898902C4")
    assert ocr_key("AB1234") != ocr_key("AC1234")


def test_ocr_key_validates_its_input():
    with pytest.raises(IdentifierError) as excinfo:
        ocr_key("")
    assert excinfo.value.code == "empty"
