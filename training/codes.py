"""Certificate verification codes: 16 characters of Crockford's base32 (80 random bits), shown in groups of four.

The alphabet leaves out I, L, O and U, so a code read aloud or retyped from paper is normalized back before the
look-up (O is taken for 0, I and L for 1).
"""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 16
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalize_code(text: str) -> str:
    """The stored form of a code as typed by anyone: no spaces or dashes, upper case, confusables mapped."""
    return re.sub(r"[\s\-]+", "", text or "").upper().translate(_CONFUSABLE)


def is_well_formed(code: str) -> bool:
    return len(code) == LENGTH and all(char in ALPHABET for char in code)
