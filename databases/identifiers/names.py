"""Clean-up and validation of a person's name as entered, in any script.

This keeps the name as written (Arabic, Cyrillic, CJK, Latin with diacritics): it only removes what no name
contains (control characters, invisible direction marks, repeated spaces). The cross-script matching key is
computed from the clean name by databases/matching/.
"""

from __future__ import annotations

import unicodedata

from django.utils.translation import gettext_lazy as _

from .errors import IdentifierError

MAX_LENGTH = 100
# Invisible characters that pasting from word processors and right-to-left text adds: direction marks and
# embeddings (also a spoofing vector), byte-order mark, soft hyphen, zero-width space and word joiner.
# Zero-width (non-)joiners stay: Persian and Indic spellings need them.
_INVISIBLE = str.maketrans(
    "", "", "\u00ad\u061c\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
)
_WHITESPACE_CONTROLS = frozenset("\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85")


def _reject_controls(text: str, field: str) -> None:
    for char in text:
        # Cc control, Cs lone surrogate, Co private use, Cn unassigned. Tabs and line breaks are only
        # whitespace, which clean_name collapses.
        if unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn") and char not in _WHITESPACE_CONTROLS:
            raise IdentifierError(field, "invalid_character", _("A name may not contain control characters."))


def clean_name(value: str | None, *, field: str = "name") -> str:
    """Return the name in NFKC form, trimmed, with single spaces; raise IdentifierError if it is not a name."""
    text = unicodedata.normalize("NFKC", value or "").translate(_INVISIBLE)
    if not text.isprintable():  # the common case skips the per-character look-up
        _reject_controls(text, field)
    name = " ".join(text.split())
    if not name:
        raise IdentifierError(field, "empty", _("Enter a name."))
    if not any(map(str.isalpha, name)):  # str.isalpha is true for the Unicode letter categories (L*)
        raise IdentifierError(field, "no_letter", _("A name must contain letters."))
    if len(name) > MAX_LENGTH:
        raise IdentifierError(field, "length", _("A name has at most {max} characters."), max=MAX_LENGTH)
    return name
