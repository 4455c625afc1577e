"""Country codes: ISO 3166 alpha-2 or alpha-3 in, alpha-3 out.

The databases store alpha-3 (the code printed in passports). Input arrives as alpha-2 from national systems,
as alpha-3 from forms, and as the ICAO 9303 codes found in machine-readable zones ("D" for Germany, the
British nationality categories, organisations, refugees), so all of them converge on one stored code.
"""

from __future__ import annotations

import functools

import pycountry
from django.utils.translation import gettext_lazy as _

from .errors import IdentifierError

# ICAO 9303 Part 3 codes that are not ISO 3166 alpha-3, with the alpha-2 they belong to (None: no country).
_ICAO_CODES: dict[str, str | None] = {
    "GBD": "GB",  # British Overseas Territories Citizen
    "GBN": "GB",  # British National (Overseas)
    "GBO": "GB",  # British Overseas Citizen
    "GBP": "GB",  # British Protected Person
    "GBS": "GB",  # British Subject
    "EUE": "EU",  # European Union laissez-passer (EU is an ISO "exceptionally reserved" alpha-2)
    "RKS": "XK",  # Kosovo: no ISO code; ICAO prints RKS, others use the user-assigned XK/XKX
    "UNO": None,  # United Nations Organization
    "UNA": None,  # specialized agency of the United Nations
    "UNK": None,  # resident of Kosovo, UNMIK travel document
    "XBA": None,  # African Development Bank
    "XIM": None,  # African Export-Import Bank
    "XCC": None,  # Caribbean Community
    "XCE": None,  # Council of Europe
    "XCO": None,  # Common Market for Eastern and Southern Africa
    "XEC": None,  # Economic Community of West African States
    "XPO": None,  # International Criminal Police Organization
    "XES": None,  # Organisation of Eastern Caribbean States
    "XMP": None,  # Parliamentary Assembly of the Mediterranean
    "XOM": None,  # Sovereign Military Order of Malta
    "XDC": None,  # Southern African Development Community
    "XXA": None,  # stateless person (1954 Convention)
    "XXB": None,  # refugee (1951 Convention)
    "XXC": None,  # refugee, other
    "XXX": None,  # unspecified nationality
}
# Other spellings that must land on the same stored code, or the same document would be recorded twice.
_ALIASES = {"D": "DEU", "XK": "RKS", "XKX": "RKS"}
# "Utopia", the fictional state of the ICAO specimens: accepted only when asked for (MRZ parsing, training).
SPECIMEN_CODE = "UTO"


@functools.cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """Build the look-up tables once, on first use (pycountry loads its JSON lazily; keep imports cheap)."""
    to_alpha3: dict[str, str] = {}
    to_alpha2: dict[str, str] = {}
    for country in pycountry.countries:
        to_alpha3[country.alpha_2] = country.alpha_3
        to_alpha3[country.alpha_3] = country.alpha_3
        to_alpha2[country.alpha_3] = country.alpha_2
    for code, two in _ICAO_CODES.items():
        to_alpha3[code] = code
        if two:
            to_alpha2[code] = two
    to_alpha3.update(_ALIASES)
    return to_alpha3, to_alpha2


def normalize_country(value: str | None, *, specimen: bool = False) -> str:
    """Return the alpha-3 code for an ISO alpha-2/alpha-3 or ICAO code, case- and whitespace-insensitive.

    `specimen=True` also accepts UTO, the code of the ICAO 9303 specimen documents.
    """
    code = (value or "").strip().upper()
    if not code:
        raise IdentifierError("country", "empty", _("Enter a country code."))
    found = _tables()[0].get(code)
    if found is None and specimen and code == SPECIMEN_CODE:
        found = code
    if found is None:
        raise IdentifierError("country", "unknown_country", _("“{code}” is not a known country code."), code=code)
    return found


def alpha2(value: str | None) -> str:
    """Return the ISO 3166 alpha-2 code of a country (XK for Kosovo, GB for the British categories)."""
    code = normalize_country(value)
    found = _tables()[1].get(code)
    if found is None:
        # Organisations and refugee categories are valid in an MRZ but have no country behind them.
        raise IdentifierError("country", "no_alpha2", _("“{code}” does not stand for a country."), code=code)
    return found
