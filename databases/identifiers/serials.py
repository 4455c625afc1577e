"""Firearm (and other object) serial numbers and the make they belong to.

A serial is only meaningful with its make: "Heckler & Koch GmbH", "HECKLER UND KOCH" and "heckler-koch"
must compare equal, or the same stolen pistol is recorded twice and never matched.
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.translation import gettext_lazy as _

from .confusables import confusion_key
from .errors import IdentifierError
from .separators import Separators

MAX_SERIAL_LENGTH = 30
MAX_MAKE_LENGTH = 100
_SERIAL_SEPARATORS = Separators(" \t-./_:#\u00a0\u2010\u2011\u2012\u2013\u2014\u2212")
_SERIAL_VALID = re.compile(r"[A-Z0-9]+")
# Dots and apostrophes go without a space so that "S.p.A." and "Colt's" stay one word; other punctuation
# separates words.
_MAKE_DOTS = str.maketrans("", "", ".'\u2019")
_MAKE_PUNCTUATION = re.compile(r"[^\w]+|_")
# Legal forms, dropped from the end of a make (repeatedly: "GmbH & Co. KG").
_LEGAL_FORMS = frozenset(
    # A word list reads better than one quoted word per line.
    "ab ag as asa bv cia cie co company corp corporation gesmbh gmbh inc incorporated jsc kg kk limited llc ltd "  # noqa: SIM905
    "mbh nv oao ooo oy oyj pjsc plc pty sa sal sarl sas sl spa sro srl zao".split()
)
# Connectives that one spelling writes and another replaces with "&" (dropped anywhere).
# (Not the Italian "e": too often an initial.)
_CONNECTIVES = frozenset({"and", "und", "et", "y"})


def normalize_make(value: str | None) -> str:
    """Return a comparison form of a manufacturer's name: case-folded, without punctuation or legal form."""
    text = unicodedata.normalize("NFKC", value or "").casefold()
    # Diacritics go too ("Société" and "Societe" are the same maker, typed on different keyboards).
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    words = [w for w in _MAKE_PUNCTUATION.sub(" ", text.translate(_MAKE_DOTS)).split() if w not in _CONNECTIVES]
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words.pop()
    make = " ".join(words)
    if not make:
        raise IdentifierError("make", "empty", _("Enter a make."))
    if len(make) > MAX_MAKE_LENGTH:
        raise IdentifierError("make", "length", _("A make has at most {max} characters."), max=MAX_MAKE_LENGTH)
    return make


def normalize_serial(value: str | None) -> str:
    """Return the serial number upper-case A-Z0-9, without spaces, dashes, dots, slashes or '#'."""
    serial = _SERIAL_SEPARATORS.compact(value)
    if not serial:
        raise IdentifierError("serial_number", "empty", _("Enter a serial number."))
    if len(serial) > MAX_SERIAL_LENGTH:
        raise IdentifierError(
            "serial_number",
            "length",
            _("A serial number has at most {max} letters and digits."),
            max=MAX_SERIAL_LENGTH,
        )
    if not _SERIAL_VALID.fullmatch(serial):
        raise IdentifierError(
            "serial_number", "invalid_character", _("A serial number may only contain letters A-Z and digits.")
        )
    return serial


def serial_key(serial: str | None) -> str:
    """The OCR-confusion key of a serial number (O/Q/D->0, I/L->1, S->5, B->8, Z->2, G->6)."""
    return confusion_key(normalize_serial(serial))
