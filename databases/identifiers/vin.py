"""Vehicle identification numbers (ISO 3779, 17 characters).

Position 9 is a mandatory check digit in North America; European and Japanese makers use it freely, so it is
enforced for North American VINs and wherever the caller asks for it (China's GB 16735, for instance).
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

from .confusables import confusion_key
from .errors import IdentifierError
from .separators import Separators

LENGTH = 17
_SEPARATORS = Separators(" \t-\u00a0\u2010\u2011\u2012\u2013\u2014")
# I, O and Q are never used in a VIN: they are too easily read as 1 and 0. One pattern covers the common,
# valid case; the reason for a rejection is only worked out on failure.
_VIN = re.compile(r"[A-HJ-NPR-Z0-9]{17}")
_ALPHANUMERIC = re.compile(r"[A-Z0-9]+")
# Transliteration of ISO 3779 / 49 CFR 565: letters skip I, O, Q and the digit 9 is reused for R and Z.
_VALUES = {str(d): d for d in range(10)} | dict(
    zip("ABCDEFGHJKLMNPRSTUVWXYZ", map(int, "12345678123457923456789"), strict=True)
)
_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
# World manufacturer identifiers starting 1-5 are North American, where the check digit is mandatory.
_NORTH_AMERICA = frozenset("12345")


def normalize_vin(value: str | None) -> str:
    """Return the VIN upper-case without spaces or dashes; it must be 17 characters A-Z0-9 without I, O, Q."""
    vin = _SEPARATORS.compact(value)
    if _VIN.fullmatch(vin):
        return vin
    if not vin:
        raise IdentifierError("vin", "empty", _("Enter a VIN."))
    if len(vin) != LENGTH:
        raise IdentifierError("vin", "length", _("A VIN has exactly {length} characters."), length=LENGTH)
    if not _ALPHANUMERIC.fullmatch(vin):
        raise IdentifierError("vin", "invalid_character", _("A VIN may only contain letters A-Z and digits."))
    # 17 letters and digits that _VIN refused: one of them is I, O or Q.
    raise IdentifierError("vin", "forbidden_letter", _("A VIN never contains the letters I, O or Q."))


def vin_check_digit(vin: str) -> str:
    """The check digit (position 9) of a normalized 17-character VIN: '0'-'9' or 'X' for ten."""
    remainder = sum(_VALUES[c] * w for c, w in zip(vin, _WEIGHTS, strict=True)) % 11
    return "X" if remainder == 10 else str(remainder)


def validate_vin(value: str | None, *, require_check_digit: bool | None = None) -> str:
    """Normalize a VIN and verify its check digit; return the normalized VIN.

    `require_check_digit`: True always verifies, False never does, None (default) verifies North American
    VINs only (first character 1-5), because European and Japanese makers use position 9 freely.
    """
    vin = normalize_vin(value)
    if require_check_digit is None:
        require_check_digit = vin[0] in _NORTH_AMERICA
    if require_check_digit and vin[8] != vin_check_digit(vin):
        raise IdentifierError("vin", "check_digit", _("The check digit (9th character) of this VIN does not match."))
    return vin


def vin_fuzzy_key(value: str | None) -> str:
    """A look-up key that is equal for a VIN and its common misreadings (I/O/Q typed for 1/0, S/5, B/8...).

    Applied to search input before validation, so "1HGCM82633AOO4352" still finds "1HGCM82633A004352";
    the key is for finding candidates only, never for storing the VIN.
    """
    vin = _SEPARATORS.compact(value)
    if not vin:
        raise IdentifierError("vin", "empty", _("Enter a VIN."))
    return confusion_key(vin)
