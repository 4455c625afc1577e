import datetime as dt

import pytest

from databases.identifiers import IdentifierError, PartialDate, parse_partial_date

NEXT_YEAR = dt.date.today().year + 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1974", PartialDate(1974)),
        ("1974-08", PartialDate(1974, 8)),
        ("1974-08-12", PartialDate(1974, 8, 12)),
        (" 1974-8-2 ", PartialDate(1974, 8, 2)),
        ("2024-02-29", PartialDate(2024, 2, 29)),
        (dt.date(1974, 8, 12), PartialDate(1974, 8, 12)),
        (dt.datetime(1974, 8, 12, 23, 59, tzinfo=dt.UTC), PartialDate(1974, 8, 12)),
        (PartialDate(1974, 8), PartialDate(1974, 8)),
    ],
)
def test_parse_partial_date_accepts_each_precision(value, expected):
    assert parse_partial_date(value) == expected


@pytest.mark.parametrize(("value", "text"), [("1974", "1974"), ("1974-8", "1974-08"), ("1974-8-2", "1974-08-02")])
def test_partial_date_str_is_the_canonical_form(value, text):
    assert str(parse_partial_date(value)) == text


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", "empty"),
        (None, "empty"),
        ("1974/08/12", "format"),
        ("12-08-1974", "format"),
        ("74", "format"),
        ("1974-08-12T10:00", "format"),
        ("1974-", "format"),
        ("2023-02-29", "invalid"),
        ("1974-13", "invalid"),
        ("1974-00", "invalid"),
        ("1974-04-31", "invalid"),
        ("1974-04-00", "invalid"),
        ("1799", "year_range"),
        (str(NEXT_YEAR + 1), "year_range"),
    ],
)
def test_parse_partial_date_rejects_bad_dates(value, code):
    with pytest.raises(IdentifierError) as excinfo:
        parse_partial_date(value)
    assert (excinfo.value.field, excinfo.value.code) == ("date", code)


def test_parse_partial_date_accepts_next_year_and_1800():
    assert parse_partial_date(str(NEXT_YEAR)).year == NEXT_YEAR
    assert parse_partial_date("1800").year == 1800


def test_parse_partial_date_takes_other_bounds_and_field_name():
    assert parse_partial_date("1450", min_year=1000).year == 1450
    with pytest.raises(IdentifierError) as excinfo:
        parse_partial_date("2001", max_year=2000, field="date_of_birth")
    assert (excinfo.value.field, excinfo.value.code) == ("date_of_birth", "year_range")


def test_parse_partial_date_names_the_field_for_impossible_dates():
    with pytest.raises(IdentifierError) as excinfo:
        parse_partial_date("2023-02-29", field="date_of_birth")
    assert (excinfo.value.field, excinfo.value.code) == ("date_of_birth", "invalid")


@pytest.mark.parametrize(("year", "month", "day"), [(1974, None, 5), (1974, 13, None), (2023, 2, 29), (0, None, None)])
def test_partial_date_cannot_be_built_invalid(year, month, day):
    with pytest.raises(IdentifierError):
        PartialDate(year, month, day)


@pytest.mark.parametrize(
    ("value", "earliest", "latest", "precision"),
    [
        ("1974", dt.date(1974, 1, 1), dt.date(1974, 12, 31), "year"),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29), "month"),
        ("2023-02", dt.date(2023, 2, 1), dt.date(2023, 2, 28), "month"),
        ("1974-08-12", dt.date(1974, 8, 12), dt.date(1974, 8, 12), "day"),
    ],
)
def test_partial_date_bounds(value, earliest, latest, precision):
    date = parse_partial_date(value)

    assert (date.earliest(), date.latest(), date.precision) == (earliest, latest, precision)


@pytest.mark.parametrize(
    ("a", "b", "tolerance", "expected"),
    [
        ("1974", "1974-08-12", 0, True),
        ("1974", "1975-01-01", 0, False),
        ("1974", "1975-01-01", 1, True),
        ("1974-08", "1974-08-31", 0, True),
        ("1974-08", "1974-09-01", 0, False),
        ("1974-08-12", "1974-08-12", 0, True),
        ("1974-08-12", "1974-08-14", 1, False),
        ("1974-08-12", "1974-08-14", 2, True),
        ("1974-08-12", "1974", 0, True),
        ("1973-12-31", "1974", 0, False),
    ],
)
def test_partial_date_compatible(a, b, tolerance, expected):
    left, right = parse_partial_date(a), parse_partial_date(b)

    assert left.compatible(right, tolerance_days=tolerance) is expected
    assert right.compatible(left, tolerance_days=tolerance) is expected


def test_partial_date_compatible_with_a_plain_date():
    assert PartialDate(1974).compatible(dt.date(1974, 6, 1))
    assert not PartialDate(1974, 5).compatible(dt.date(1974, 6, 1))


@pytest.mark.parametrize(
    ("a", "b", "days"),
    [
        ("1974", "1974-06-01", 0),
        ("1974-08-12", "1974-08-20", 8),
        ("1974", "1976-01-01", 366),
        ("1976", "1974-12-30", 367),
    ],
)
def test_partial_date_day_distance(a, b, days):
    assert parse_partial_date(a).day_distance(parse_partial_date(b)) == days


@pytest.mark.parametrize(("a", "b", "years"), [("1974", "1974-08-12", 0), ("1974-01", "1976", 2), ("1980", "1975", 5)])
def test_partial_date_year_distance(a, b, years):
    assert parse_partial_date(a).year_distance(parse_partial_date(b)) == years


def test_partial_date_is_frozen_and_hashable():
    date = PartialDate(1974, 8)

    assert {date, PartialDate(1974, 8)} == {date}
    with pytest.raises(AttributeError):
        date.year = 1975
