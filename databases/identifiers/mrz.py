"""ICAO 9303 machine-readable zones pasted by officers: TD1, TD2, TD3 documents and MRV-A/MRV-B visas.

Every check digit is verified, so a zone that parses is one that was read correctly: an officer who pastes
an OCR result with one wrong character gets told which field to look at instead of a silent mismatch.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .countries import normalize_country
from .dates import PartialDate
from .documents import normalize_document_number
from .errors import IdentifierError

_CHAR_VALUES = {c: i for i, c in enumerate("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")} | {"<": 0}
_WEIGHTS = (7, 3, 1) * 20  # longer than any checked span (the TD1 composite is 50 characters)
_LINE = re.compile(r"[A-Z0-9<]+")
_WHITESPACE = str.maketrans("", "", " \t\f\v")
_DOCUMENT_TYPES = {"P": "passport", "V": "visa", "I": "identity_card", "A": "travel_document", "C": "travel_document"}
# (lines, width) -> format name, for documents and for visas (first letter V) of that size.
_SIZES = {(3, 30): ("TD1", "TD1"), (2, 36): ("TD2", "MRV-B"), (2, 44): ("TD3", "MRV-A")}
_UNKNOWN = ("<<", "XX")  # ICAO fills unknown date parts with "<"; some issuers print X


@dataclass(frozen=True, slots=True)
class MRZ:
    """The data of a machine-readable zone whose check digits all verified."""

    format: str  # "TD1", "TD2", "TD3", "MRV-A", "MRV-B"
    document_type: str  # "passport", "visa", "identity_card", "travel_document"
    document_code: str  # as printed, fillers removed: "P", "ID", "AC", "V"...
    issuing_country: str  # alpha-3 (or ICAO code such as D -> DEU, XXA, UNO)
    document_number: str  # normalized, with the TD1/TD2 long-number overflow joined
    surname: str
    given_names: str
    nationality: str
    date_of_birth: str | None  # "YYYY-MM-DD", or partial "YYYY-MM"/"YYYY"; None when wholly unknown
    sex: str  # "M", "F" or "X"
    expiry_date: str | None  # "YYYY-MM-DD"; None when the document shows no expiry
    optional_data: str  # TD3: the personal number
    optional_data_2: str = ""  # TD1 only: the optional data of the second line


def check_digit(data: str) -> str:
    """The ICAO 9303 check digit (weights 7, 3, 1; A=10..Z=35; filler 0) of an MRZ field."""
    return str(sum(_CHAR_VALUES[c] * w for c, w in zip(data, _WEIGHTS[: len(data)], strict=True)) % 10)


def _verify(data: str, digit: str, field: str, *, blank_ok: bool = False) -> None:
    # A field left wholly blank may carry a filler as its check digit (TD3 personal number).
    if blank_ok and digit == "<" and data.strip("<") == "":
        return
    if check_digit(data) != digit:
        raise IdentifierError(field, "check_digit", _("The check digit of this field does not match."))


def _split(text: str | None) -> tuple[str, list[str]]:
    """Turn pasted text into the zone's lines and its format, or raise IdentifierError(field="mrz")."""
    if not text or not text.strip():
        raise IdentifierError("mrz", "empty", _("Paste the machine-readable zone."))
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)  # non-breaking spaces, full-width characters
    raw = [line.strip() for line in text.upper().splitlines() if line.strip()]
    lines = [line.translate(_WHITESPACE) for line in raw]
    if len(lines) == 1:  # pasted as one line, or line breaks lost: the total length tells the format
        size = {90: (3, 30), 72: (2, 36), 88: (2, 44)}.get(len(lines[0]))
        if size is None:
            raise IdentifierError("mrz", "format", _("This is not the length of a machine-readable zone."))
        lines = [lines[0][i : i + size[1]] for i in range(0, len(lines[0]), size[1])]
    else:
        size = (len(lines), max(map(len, lines)))
        if size not in _SIZES:
            raise IdentifierError("mrz", "format", _("This is not the length of a machine-readable zone."))
        name_index = 2 if size[0] == 3 else 0
        for i, line in enumerate(lines):
            if len(line) == size[1]:
                continue
            # Only the name line may have lost trailing fillers; spaces inside it might have been fillers.
            if i != name_index or line != raw[i]:
                raise IdentifierError("mrz", "format", _("Line {line} of the zone has the wrong length."), line=i + 1)
            lines[i] = line.ljust(size[1], "<")
    if not all(map(_LINE.fullmatch, lines)):
        raise IdentifierError("mrz", "invalid_character", _("A machine-readable zone has only A-Z, 0-9 and <."))
    document, visa = _SIZES[size]
    return (visa if lines[0][0] == "V" else document), lines


def looks_like_mrz(text: str | None) -> bool:
    """Cheap recogniser for the quick-check box: does the text have the shape of an MRZ (no check digits)?"""
    if not text or "<" not in text or len(text) > 400:
        return False
    try:
        _split(text)
    except IdentifierError:
        return False
    return True


def _document_number(number: str, digit: str, optional: str) -> tuple[str, str]:
    """Return (document number, rest of the optional data), joining a number longer than 9 characters.

    ICAO puts the first 9 characters in the number field, a filler as its check digit, and the rest of the
    number followed by its check digit at the start of the optional data.
    """
    if digit == "<" and "<" not in number:
        extra, _filler, rest = optional.partition("<")
        if len(extra) < 2:
            raise IdentifierError("document_number", "invalid", _("The long document number is incomplete."))
        number += extra[:-1]
        _verify(number, extra[-1], "document_number")
        return normalize_document_number(number), rest
    _verify(number, digit, "document_number")
    return normalize_document_number(number), optional


def _country(code: str, field: str) -> str:
    try:
        return normalize_country(code.replace("<", ""), specimen=True)
    except IdentifierError as error:
        raise error.with_field(field) from error


def _birth_date(raw: str) -> str | None:
    parts = raw[:2], raw[2:4], raw[4:]
    known = [part not in _UNKNOWN for part in parts]
    if not any(known):
        return None
    # Unknown parts may only trail known ones: a day is never known without its month, nor a month without a year.
    if known != sorted(known, reverse=True) or not all(p.isdigit() for p, k in zip(parts, known, strict=True) if k):
        raise IdentifierError("date_of_birth", "invalid", _("This is not a valid date."))
    # The zone has no century: a 2-digit year above this year's can only be a birth in the 1900s.
    yy = int(parts[0])
    year = yy + (1900 if yy > dt.date.today().year % 100 else 2000)
    try:
        return str(PartialDate(year, int(parts[1]) if known[1] else None, int(parts[2]) if known[2] else None))
    except IdentifierError as error:
        raise error.with_field("date_of_birth") from error


def _expiry_date(raw: str) -> str | None:
    if raw == "<<<<<<":
        return None
    if not raw.isdigit():
        raise IdentifierError("expiry_date", "invalid", _("This is not a valid date."))
    # Expiry dates are recent or ahead; one more than 50 years ahead is last century's (an old visa).
    year = 2000 + int(raw[:2])
    if year > dt.date.today().year + 50:
        year -= 100
    try:
        return dt.date(year, int(raw[2:4]), int(raw[4:])).isoformat()
    except ValueError as error:
        raise IdentifierError("expiry_date", "invalid", _("This is not a valid date.")) from error


def _names(field: str) -> tuple[str, str]:
    surname, _sep, given = field.rstrip("<").partition("<<")
    surname, given = " ".join(surname.replace("<", " ").split()), " ".join(given.replace("<", " ").split())
    if not surname and not given:
        raise IdentifierError("surname", "empty", _("The zone holds no name."))
    return surname, given


def _sex(char: str) -> str:
    if char not in "MFX<":
        raise IdentifierError("sex", "invalid", _("The sex must be M, F, X or <."))
    return "X" if char == "<" else char


def parse_mrz(text: str | None) -> MRZ:
    """Parse and verify a pasted machine-readable zone; raise IdentifierError naming the first bad field."""
    fmt, lines = _split(text)
    if fmt == "TD1":
        top, middle, name_line = lines
        number, digit, optional = top[5:14], top[14], top[15:30]
        birth, expiry, nationality = middle[0:7], middle[8:15], middle[15:18]
        sex, optional_2 = middle[7], middle[18:29]
        composite: tuple[str, str] | None = (top[5:30] + middle[0:7] + middle[8:15] + middle[18:29], middle[29])
        personal: tuple[str, str] | None = None
    else:
        top, bottom = lines
        name_line = top[5:]
        number, digit, nationality = bottom[0:9], bottom[9], bottom[10:13]
        birth, sex, expiry, optional, optional_2 = bottom[13:20], bottom[20], bottom[21:28], bottom[28:], ""
        composite, personal = None, None
        if fmt == "TD3":
            optional, personal = bottom[28:42], (bottom[28:42], bottom[42])
            composite = (bottom[0:10] + bottom[13:20] + bottom[21:43], bottom[43])
        elif fmt == "TD2":
            optional = bottom[28:35]
            composite = (bottom[0:10] + bottom[13:20] + bottom[21:35], bottom[35])
    # Check digits first, in reading order, so one misread character is blamed on its own field.
    number, optional = _document_number(number, digit, optional)
    _verify(birth[:6], birth[6], "date_of_birth")
    _verify(expiry[:6], expiry[6], "expiry_date")
    if personal is not None:
        _verify(*personal, "optional_data", blank_ok=True)
    if composite is not None:
        _verify(*composite, "composite")
    surname, given_names = _names(name_line)
    return MRZ(
        format=fmt,
        document_type=_DOCUMENT_TYPES.get(top[0], "travel_document"),
        document_code=top[0:2].replace("<", ""),
        issuing_country=_country(top[2:5], "issuing_country"),
        document_number=number,
        surname=surname,
        given_names=given_names,
        nationality=_country(nationality, "nationality"),
        date_of_birth=_birth_date(birth[:6]),
        sex=_sex(sex),
        expiry_date=_expiry_date(expiry[:6]),
        optional_data=optional.strip("<"),
        optional_data_2=optional_2.strip("<"),
    )
