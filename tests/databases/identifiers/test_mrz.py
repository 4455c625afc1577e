import datetime as dt

import pytest

from databases.identifiers import IdentifierError, looks_like_mrz, parse_mrz
from databases.identifiers.mrz import check_digit

# ICAO Doc 9303 specimens (Part 4 TD3, Part 5 TD1, Part 6 TD2, Part 7 MRV-A and MRV-B).
TD3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]
TD1 = ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]
TD2 = ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"]
MRV_A = ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"]
MRV_B = ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"]
# Part 5's document number longer than 9 characters: D23145890734 continues in the optional data.
TD1_LONG_NUMBER = ["I<UTOD23145890<7349<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2", "STEVENSON<<PETER<JOHN<<<<<<<<<"]
SPECIMENS = {"TD3": TD3, "TD1": TD1, "TD2": TD2, "MRV-A": MRV_A, "MRV-B": MRV_B}


def _text(lines: list[str]) -> str:
    return "\n".join(lines)


def _td3(*, number: str = "L898902C3", birth: str = "740812", expiry: str = "120415", personal: str = "") -> str:
    """A TD3 zone with correct check digits around the given fields (for cases the specimens lack)."""
    number, personal = number.ljust(9, "<"), personal.ljust(14, "<")
    head = number + check_digit(number) + "UTO" + birth + check_digit(birth) + "F" + expiry + check_digit(expiry)
    body = head + personal + check_digit(personal)
    return TD3[0] + "\n" + body + check_digit(body[0:10] + body[13:20] + body[21:43])


@pytest.mark.parametrize(
    ("lines", "fmt", "document_type", "number", "nationality", "birth", "expiry", "optional"),
    [
        (TD3, "TD3", "passport", "L898902C3", "UTO", "1974-08-12", "2012-04-15", "ZE184226B"),
        (TD1, "TD1", "identity_card", "D23145890", "UTO", "1974-08-12", "2012-04-15", ""),
        (TD2, "TD2", "identity_card", "D23145890", "UTO", "1974-08-12", "2012-04-15", ""),
        (MRV_A, "MRV-A", "visa", "L8988901C", "XXX", "1940-09-07", "1996-12-10", "6ZE184226B"),
        (MRV_B, "MRV-B", "visa", "L8988901C", "XXX", "1940-09-07", "1996-12-10", ""),
    ],
)
def test_parse_mrz_reads_icao_specimens(lines, fmt, document_type, number, nationality, birth, expiry, optional):
    mrz = parse_mrz(_text(lines))

    assert mrz.format == fmt
    assert mrz.document_type == document_type
    assert mrz.issuing_country == "UTO"
    assert mrz.document_number == number
    assert (mrz.surname, mrz.given_names) == ("ERIKSSON", "ANNA MARIA")
    assert mrz.nationality == nationality
    assert mrz.date_of_birth == birth
    assert mrz.sex == "F"
    assert mrz.expiry_date == expiry
    assert mrz.optional_data == optional


def test_parse_mrz_joins_a_td1_document_number_longer_than_nine_characters():
    mrz = parse_mrz(_text(TD1_LONG_NUMBER))

    assert mrz.document_number == "D23145890734"
    assert (mrz.surname, mrz.given_names) == ("STEVENSON", "PETER JOHN")
    assert (mrz.date_of_birth, mrz.sex, mrz.expiry_date) == ("1934-07-12", "M", "1995-07-12")
    assert mrz.optional_data == ""


def test_parse_mrz_joins_a_td2_document_number_longer_than_nine_characters():
    line2 = "D23145890<UTO7408122F12041597349<<<2"

    assert parse_mrz(TD2[0] + "\n" + line2).document_number == "D23145890734"


def test_parse_mrz_rejects_a_wrong_check_digit_in_the_long_number_overflow():
    line1 = TD1_LONG_NUMBER[0].replace("7349", "7348")

    with pytest.raises(IdentifierError) as excinfo:
        parse_mrz(_text([line1, *TD1_LONG_NUMBER[1:]]))
    assert (excinfo.value.field, excinfo.value.code) == ("document_number", "check_digit")


def _mutated(char: str) -> str:
    # Values must differ by other than a multiple of 10, or the 7-3-1 check cannot see the change.
    if char.isdigit():
        return str((int(char) + 1) % 10)
    if char == "<":
        return "1"
    return "Y" if char == "Z" else chr(ord(char) + 1)


@pytest.mark.parametrize(
    ("fmt", "line", "position", "field", "code"),
    [
        *[("TD3", 1, p, "document_number", "check_digit") for p in (0, 5, 8, 9)],
        ("TD3", 1, 11, "nationality", "unknown_country"),
        *[("TD3", 1, p, "date_of_birth", "check_digit") for p in (13, 16, 18, 19)],
        ("TD3", 1, 20, "sex", "invalid"),
        *[("TD3", 1, p, "expiry_date", "check_digit") for p in (21, 24, 26, 27)],
        *[("TD3", 1, p, "optional_data", "check_digit") for p in (28, 36, 41, 42)],
        ("TD3", 1, 43, "composite", "check_digit"),
        ("TD3", 0, 3, "issuing_country", "unknown_country"),
        *[("TD1", 0, p, "document_number", "check_digit") for p in (5, 13, 14)],
        *[("TD1", 0, p, "composite", "check_digit") for p in (15, 29)],
        *[("TD1", 1, p, "date_of_birth", "check_digit") for p in (0, 5, 6)],
        *[("TD1", 1, p, "expiry_date", "check_digit") for p in (8, 13, 14)],
        ("TD1", 1, 16, "nationality", "unknown_country"),
        *[("TD1", 1, p, "composite", "check_digit") for p in (18, 28, 29)],
        *[("TD2", 1, p, "document_number", "check_digit") for p in (0, 9)],
        *[("TD2", 1, p, "date_of_birth", "check_digit") for p in (13, 19)],
        *[("TD2", 1, p, "expiry_date", "check_digit") for p in (21, 27)],
        *[("TD2", 1, p, "composite", "check_digit") for p in (28, 34, 35)],
        *[(fmt, 1, p, "document_number", "check_digit") for fmt in ("MRV-A", "MRV-B") for p in (0, 9)],
        *[(fmt, 1, p, "date_of_birth", "check_digit") for fmt in ("MRV-A", "MRV-B") for p in (13, 19)],
        *[(fmt, 1, p, "expiry_date", "check_digit") for fmt in ("MRV-A", "MRV-B") for p in (21, 27)],
    ],
)
def test_parse_mrz_names_the_field_with_one_changed_character(fmt, line, position, field, code):
    lines = list(SPECIMENS[fmt])
    lines[line] = lines[line][:position] + _mutated(lines[line][position]) + lines[line][position + 1 :]

    with pytest.raises(IdentifierError) as excinfo:
        parse_mrz(_text(lines))
    assert (excinfo.value.field, excinfo.value.code) == (field, code)


@pytest.mark.parametrize(
    "text",
    [
        "\n\n  " + _text(TD3) + "  \n\n",
        "\r\n".join(TD3),
        _text(TD3).lower(),
        TD3[0] + "\n" + "L898902C36 UTO7408122F 1204159 ZE184226B<<<<<10",
        TD3[0] + "\n\t" + TD3[1] + "\t",
        "P<UTOERIKSSON<<ANNA<MARIA\n" + TD3[1],  # trailing fillers of the name line lost
        "".join(TD3),  # line break lost
        " ".join(TD3),
        "\u00a0" + TD3[0] + "\u00a0\n" + TD3[1],
    ],
)
def test_parse_mrz_accepts_pasted_noise(text):
    mrz = parse_mrz(text)

    assert (mrz.format, mrz.document_number, mrz.given_names) == ("TD3", "L898902C3", "ANNA MARIA")


@pytest.mark.parametrize("fmt", ["TD1", "TD2", "MRV-A", "MRV-B"])
def test_parse_mrz_accepts_other_formats_pasted_on_one_line(fmt):
    assert parse_mrz("".join(SPECIMENS[fmt])).format == fmt


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("  \n ", "empty"),
        (None, "empty"),
        ("L898902C3", "format"),
        (_text([TD3[0], TD3[1][:-1]]), "format"),
        (_text([TD3[0], TD3[1] + "<"]), "format"),
        (_text([*TD3, TD3[1]]), "format"),
        (_text([TD3[0], TD2[1]]), "format"),
        ("P<UTOERIKSSON<<ANNA MARIA\n" + TD3[1], "format"),  # was the space a filler? ambiguous
        (_text([TD3[0].replace("<<ANNA", "<-ANNA"), TD3[1]]), "invalid_character"),
        (_text([TD3[0].replace("ERIKSSON", "ERIKSSÖN"), TD3[1]]), "invalid_character"),
    ],
)
def test_parse_mrz_rejects_text_that_is_not_a_zone(text, code):
    with pytest.raises(IdentifierError) as excinfo:
        parse_mrz(text)
    assert (excinfo.value.field, excinfo.value.code) == ("mrz", code)


@pytest.mark.parametrize(
    ("birth", "expected"),
    [("74<<<<", "1974"), ("7408<<", "1974-08"), ("<<<<<<", None), ("74XXXX", "1974"), ("7408XX", "1974-08")],
)
def test_parse_mrz_returns_a_partial_date_of_birth_for_unknown_parts(birth, expected):
    assert parse_mrz(_td3(birth=birth)).date_of_birth == expected


@pytest.mark.parametrize("birth", ["74<<12", "<<0812", "741308", "740231", "74AB12"])
def test_parse_mrz_rejects_an_impossible_date_of_birth(birth):
    with pytest.raises(IdentifierError) as excinfo:
        parse_mrz(_td3(birth=birth))
    assert (excinfo.value.field, excinfo.value.code) == ("date_of_birth", "invalid")


def test_parse_mrz_puts_birth_years_after_this_year_in_the_last_century():
    this_year = dt.date.today().year % 100
    next_year = (this_year + 1) % 100

    assert parse_mrz(_td3(birth=f"{this_year:02d}0101")).date_of_birth == f"20{this_year:02d}-01-01"
    assert parse_mrz(_td3(birth=f"{next_year:02d}0101")).date_of_birth == f"19{next_year:02d}-01-01"


@pytest.mark.parametrize(("expiry", "expected"), [("300101", "2030-01-01"), ("961210", "1996-12-10"), ("<<<<<<", None)])
def test_parse_mrz_reads_the_expiry_century_and_a_missing_expiry(expiry, expected):
    assert parse_mrz(_td3(expiry=expiry)).expiry_date == expected


def test_parse_mrz_rejects_an_impossible_expiry_date():
    with pytest.raises(IdentifierError) as excinfo:
        parse_mrz(_td3(expiry="301301"))
    assert (excinfo.value.field, excinfo.value.code) == ("expiry_date", "invalid")


@pytest.mark.parametrize("personal_check", ["<", "0"])
def test_parse_mrz_accepts_a_blank_personal_number_with_filler_or_zero_check(personal_check):
    zone = _td3()
    line2 = zone.splitlines()[1]
    line2 = line2[:42] + personal_check + check_digit(line2[0:10] + line2[13:20] + line2[21:42] + personal_check)

    assert parse_mrz(TD3[0] + "\n" + line2).optional_data == ""


def test_parse_mrz_maps_the_german_one_letter_code():
    zone = _td3().replace("P<UTO", "P<D<<").replace("UTO", "D<<")

    mrz = parse_mrz(zone)
    assert (mrz.issuing_country, mrz.nationality) == ("DEU", "DEU")


def test_parse_mrz_strips_mrz_fillers_from_a_short_document_number():
    assert parse_mrz(_td3(number="AB12")).document_number == "AB12"


def test_parse_mrz_returns_a_frozen_result():
    mrz = parse_mrz(_text(TD3))

    with pytest.raises(AttributeError):
        mrz.surname = "OTHER"


@pytest.mark.parametrize("text", [_text(TD3), _text(TD1), "".join(MRV_A), _text(TD2).lower(), "\r\n".join(MRV_B)])
def test_looks_like_mrz_recognises_zones(text):
    assert looks_like_mrz(text)


@pytest.mark.parametrize("text", [None, "", "L898902C3", "ERIKSSON<<ANNA", "hello world", TD3[0], "<" * 500])
def test_looks_like_mrz_rejects_other_input(text):
    assert not looks_like_mrz(text)
