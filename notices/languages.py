"""Codes of spoken languages, as INTERPOL's public notices list them (ISO 639-2, e.g. FRE, ARA, SPA)."""

import pycountry


def is_language_code(code: str) -> bool:
    """A three-letter ISO 639 code, terminological (FRA) or bibliographic (FRE)."""
    if len(code) != 3 or not code.isalpha():
        return False
    code = code.lower()
    return bool(pycountry.languages.get(alpha_3=code) or pycountry.languages.get(bibliographic=code))
