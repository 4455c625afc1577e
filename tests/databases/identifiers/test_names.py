import pytest

from databases.identifiers import IdentifierError, clean_name


@pytest.mark.parametrize(
    "name",
    ["محمد بن سلمان", "Иван Петров", "王小明", "José Müller-Lüdenscheidt", "Ἀλέξανδρος", "O'Brien", "Nguyễn Văn An"],
)
def test_clean_name_keeps_any_script(name):
    assert clean_name(name) == name


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("  Anna   Maria  ", "Anna Maria"),
        ("Anna\tMaria\nEriksson", "Anna Maria Eriksson"),
        ("Ｊｏｈｎ", "John"),  # full-width letters
        ("ﬁnn", "finn"),  # ligature
        ("\u200fعلي\u200f", "علي"),  # right-to-left marks pasted with Arabic text
        ("\ufeffAnna", "Anna"),
        ("Ann\u00ada", "Anna"),  # soft hyphen
        ("Jose\u0301", "José"),  # decomposed accent is composed
        ("Louis 14", "Louis 14"),
    ],
)
def test_clean_name_normalizes_and_collapses_whitespace(value, expected):
    assert clean_name(value) == expected


def test_clean_name_keeps_the_zero_width_non_joiner_persian_needs():
    assert clean_name("مهر\u200cداد") == "مهر\u200cداد"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", "empty"),
        (None, "empty"),
        ("   \t ", "empty"),
        ("\u200f", "empty"),
        ("12345", "no_letter"),
        ("12 34", "no_letter"),
        ("-.-", "no_letter"),
        ("Anna\x00", "invalid_character"),
        ("Anna\x07Maria", "invalid_character"),
        ("Anna\ue000", "invalid_character"),  # private use
        ("A" * 101, "length"),
    ],
)
def test_clean_name_rejects_what_is_not_a_name(value, code):
    with pytest.raises(IdentifierError) as excinfo:
        clean_name(value)
    assert (excinfo.value.field, excinfo.value.code) == ("name", code)


def test_clean_name_accepts_the_maximum_length_after_collapsing():
    assert clean_name("A" * 100 + "   ") == "A" * 100


def test_clean_name_names_the_given_field():
    with pytest.raises(IdentifierError) as excinfo:
        clean_name("", field="family_name")
    assert excinfo.value.field == "family_name"
