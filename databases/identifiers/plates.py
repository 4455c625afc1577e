"""Vehicle registration plates, always kept with the country that issued them.

A plate is only unique within its country, and is written with spaces, dashes, dots or the EU strip's
separators; some countries print it in Cyrillic or Greek letters chosen to look Latin. The stored form is
the bare Latin A-Z0-9 string, which is also what plate readers (ANPR) at borders report.
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.translation import gettext_lazy as _

from .confusables import confusion_key
from .countries import normalize_country
from .errors import IdentifierError
from .separators import Separators

MAX_LENGTH = 12
_SEPARATORS = " \t-./_:·\u00a0\u2010\u2011\u2012\u2013\u2014\u2212"
# Cyrillic and Greek plate letters are the ones with a Latin twin (Russia, Ukraine, Bulgaria, Greece...);
# ANPR and foreign systems record the Latin twin. Arabic-Indic digits are digits.
_TO_LATIN = str.maketrans(
    "АВЕКМНОРСТУХІ" + "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ" + "٠١٢٣٤٥٦٧٨٩" + "۰۱۲۳۴۵۶۷۸۹",
    "ABEKMHOPCTYXI" + "ABEZHIKMNOPTYX" + "0123456789" + "0123456789",
    _SEPARATORS,
)
_ASCII_SEPARATORS = Separators(_SEPARATORS)
_VALID = re.compile(r"[A-Z0-9]+")


def _compact(value: str | None) -> str:
    if not value or value.isascii():
        return _ASCII_SEPARATORS.compact(value)
    text = unicodedata.normalize("NFKC", value).upper().translate(_TO_LATIN)
    # Diacritics go (German district codes such as TÜ are read as TU by plate readers); base letters stay.
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def normalize_plate(value: str | None, country: str | None) -> tuple[str, str]:
    """Return (country alpha-3, plate as upper-case Latin A-Z0-9 without separators)."""
    country_code = normalize_country(country)
    plate = _compact(value)
    if not plate:
        raise IdentifierError("plate", "empty", _("Enter a registration plate."))
    if len(plate) > MAX_LENGTH:
        raise IdentifierError(
            "plate", "length", _("A registration plate has at most {max} letters and digits."), max=MAX_LENGTH
        )
    if not _VALID.fullmatch(plate):
        raise IdentifierError(
            "plate", "invalid_character", _("A registration plate may only contain Latin letters and digits.")
        )
    return country_code, plate


def plate_key(plate: str | None) -> str:
    """The OCR-confusion key of a plate (O/Q/D->0, I/L->1, S->5, B->8, Z->2, G->6), for candidate look-up."""
    compacted = _compact(plate)
    if not compacted:
        raise IdentifierError("plate", "empty", _("Enter a registration plate."))
    return confusion_key(compacted)
