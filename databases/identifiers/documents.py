"""Travel document numbers.

Officers type numbers as printed ("AB 12-34.56"), as read from the MRZ ("AB1234<<<") or from a scan with
OCR errors. Stored and searched numbers are the bare upper-case A-Z0-9 form; the OCR key finds misreadings.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

from .confusables import confusion_key
from .errors import IdentifierError
from .separators import Separators

MAX_LENGTH = 20

# Separators people put in numbers, the MRZ filler, the numero sign ("№ 123456" on CIS documents) and the dash
# look-alikes word processors produce.
_SEPARATORS = Separators(" \t\r\n-./<_\u2116\u00a0\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
_VALID = re.compile(r"[A-Z0-9]+")


def normalize_document_number(value: str | None) -> str:
    """Return the number as upper-case A-Z0-9 with separators and MRZ fillers removed."""
    number = _SEPARATORS.compact(value)
    if not number:
        raise IdentifierError("document_number", "empty", _("Enter a document number."))
    if len(number) > MAX_LENGTH:
        raise IdentifierError(
            "document_number",
            "length",
            _("A document number has at most {max} letters and digits."),
            max=MAX_LENGTH,
        )
    if not _VALID.fullmatch(number):
        raise IdentifierError(
            "document_number", "invalid_character", _("A document number may only contain letters A-Z and digits.")
        )
    return number


def ocr_key(number: str | None) -> str:
    """Return the OCR-confusion key of a document number (O/Q/D->0, I/L->1, S->5, B->8, Z->2, G->6)."""
    return confusion_key(normalize_document_number(number))
