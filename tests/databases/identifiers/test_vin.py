import pytest

from databases.identifiers import IdentifierError, normalize_vin, validate_vin, vin_check_digit, vin_fuzzy_key

GOOD = ["1M8GDM9AXKP042788", "11111111111111111", "1HGCM82633A004352", "JH4KA7561PC008269"]


@pytest.mark.parametrize(
    ("vin", "digit"), [("1M8GDM9AXKP042788", "X"), ("11111111111111111", "1"), ("1HGCM82633A004352", "3")]
)
def test_vin_check_digit_matches_the_standard_examples(vin, digit):
    assert vin_check_digit(vin) == digit


@pytest.mark.parametrize("vin", GOOD)
def test_validate_vin_accepts_valid_vins(vin):
    assert validate_vin(vin, require_check_digit=True) == vin


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1m8gdm9axkp042788", "1M8GDM9AXKP042788"),
        (" 1HGCM8-2633A-004352 ", "1HGCM82633A004352"),
        ("1HG CM8 2633 A004352", "1HGCM82633A004352"),
        ("1HGCM82633A\u2013004352", "1HGCM82633A004352"),
        ("１HGCM82633A004352", "1HGCM82633A004352"),  # full-width digit
    ],
)
def test_normalize_vin_removes_separators_and_upper_cases(value, expected):
    assert normalize_vin(value) == expected


@pytest.mark.parametrize(
    "vin", ["1M8GDM9A1KP042788", "11111111211111111", "1HGCM82643A004352", "1HGCM82633A004353", "JH4KA7571PC008269"]
)
def test_validate_vin_rejects_a_wrong_check_digit(vin):
    with pytest.raises(IdentifierError) as excinfo:
        validate_vin(vin, require_check_digit=True)
    assert (excinfo.value.field, excinfo.value.code) == ("vin", "check_digit")


@pytest.mark.parametrize("vin", ["1M8GDM9A1KP042788", "5YJ3E1EA0KF000000"])
def test_validate_vin_checks_north_american_vins_by_default(vin):
    with pytest.raises(IdentifierError) as excinfo:
        validate_vin(vin)
    assert excinfo.value.code == "check_digit"


def test_validate_vin_does_not_check_position_nine_outside_north_america_by_default():
    european = "WP0ZZZ99ZTS392124"  # Porsche: position 9 is not a check digit in Europe

    assert validate_vin(european) == european
    with pytest.raises(IdentifierError):
        validate_vin(european, require_check_digit=True)


def test_validate_vin_can_skip_the_check_digit_when_told():
    assert validate_vin("1M8GDM9A1KP042788", require_check_digit=False) == "1M8GDM9A1KP042788"


@pytest.mark.parametrize("vin", ["1M8GDM9AXKP04278I", "1HGCM82633AO04352", "QHGCM82633A004352"])
def test_normalize_vin_rejects_i_o_and_q(vin):
    with pytest.raises(IdentifierError) as excinfo:
        normalize_vin(vin)
    assert (excinfo.value.field, excinfo.value.code) == ("vin", "forbidden_letter")


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", "empty"),
        (None, "empty"),
        (" - ", "empty"),
        ("1M8GDM9AXKP04278", "length"),
        ("1M8GDM9AXKP0427888", "length"),
        ("1M8GDM9AXKP04278*", "invalid_character"),
        ("1M8GDM9AXKP04278É", "invalid_character"),
    ],
)
def test_normalize_vin_rejects_malformed_input(value, code):
    with pytest.raises(IdentifierError) as excinfo:
        normalize_vin(value)
    assert (excinfo.value.field, excinfo.value.code) == ("vin", code)


@pytest.mark.parametrize(
    "typo",
    ["1HGCM82633AOO4352", "1HGCM82633AQ04352", "IHGCM82633A004352", "1hgcm-82633a-004352", "1H6CM82633A004352"],
)
def test_vin_fuzzy_key_equals_for_misread_characters(typo):
    assert vin_fuzzy_key(typo) == vin_fuzzy_key("1HGCM82633A004352")


def test_vin_fuzzy_key_differs_for_a_different_vin():
    assert vin_fuzzy_key("1HGCM82633A004353") != vin_fuzzy_key("1HGCM82633A004352")


def test_vin_fuzzy_key_rejects_empty_input():
    with pytest.raises(IdentifierError) as excinfo:
        vin_fuzzy_key("  ")
    assert excinfo.value.code == "empty"


def test_vin_fuzzy_key_tolerates_characters_a_vin_cannot_hold():
    assert vin_fuzzy_key("1HGCM82633A00435É") == "1H6CM82633A00435É"
