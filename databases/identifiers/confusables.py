"""OCR and typing confusions shared by every alphanumeric identifier.

A number read off a scanned passport or typed from a photo of a plate often has O for 0, I for 1, S for 5.
Mapping every member of a confusion class to one representative gives a key that is equal for the original
and its misreadings, so the databases can store it in an index and find those candidates by look-up.
The key is for finding candidates only: the exact value is still compared when scoring.
"""

from __future__ import annotations

# Each class is represented by its digit, so a key never depends on which reading was typed.
_CONFUSED, _READING = "OQDILSBZG", "000115826"
# Keys are computed for every check: bytes.translate is several times faster than str.translate.
_BYTES_TABLE = bytes.maketrans(_CONFUSED.encode("ascii"), _READING.encode("ascii"))
_STR_TABLE = str.maketrans(_CONFUSED, _READING)


def confusion_key(normalized: str) -> str:
    """Map OCR-confusable characters of an upper-case value to one character per class."""
    if normalized.isascii():
        return normalized.encode("ascii").translate(_BYTES_TABLE).decode("ascii")
    return normalized.translate(_STR_TABLE)  # search input not yet validated (vin_fuzzy_key, plate_key)
