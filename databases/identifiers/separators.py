"""Removing the separators people type or paste inside identifiers ("AB 12-34.56", "1HG-CM8...").

This runs on every check, so the common ASCII input takes bytes.translate, several times faster than
str.translate with deletions; other input is NFKC-normalized first (full-width digits, non-breaking spaces).
"""

from __future__ import annotations

import unicodedata


class Separators:
    """A set of separator characters, and the fastest way to remove them."""

    __slots__ = ("_ascii", "_table")

    def __init__(self, chars: str) -> None:
        self._ascii = "".join(c for c in chars if c.isascii()).encode("ascii")
        self._table = str.maketrans("", "", chars)

    def compact(self, value: str | None) -> str:
        """Return `value` upper-cased without separators ("" for None)."""
        if not value:
            return ""
        if value.isascii():
            return value.encode("ascii").translate(None, self._ascii).upper().decode("ascii")
        # Before NFKC too: NFKC would turn the numero sign "№" into the letters "No".
        value = unicodedata.normalize("NFKC", value.translate(self._table))
        return value.upper().translate(self._table)
