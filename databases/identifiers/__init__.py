"""Normalization and validation of the identifiers kept in the global databases.

Pure functions, no database access: forms, the API, imports and the matching engine all call these so that
a number typed at a border post and the same number loaded from a national database end up identical.
Every failure is an IdentifierError carrying the field and a machine code.
"""

from .countries import alpha2, normalize_country
from .dates import PartialDate, parse_partial_date
from .documents import normalize_document_number, ocr_key
from .errors import IdentifierError
from .mrz import MRZ, looks_like_mrz, parse_mrz
from .names import clean_name
from .plates import normalize_plate, plate_key
from .serials import normalize_make, normalize_serial, serial_key
from .vin import normalize_vin, validate_vin, vin_check_digit, vin_fuzzy_key

__all__ = [
    "MRZ",
    "IdentifierError",
    "PartialDate",
    "alpha2",
    "clean_name",
    "looks_like_mrz",
    "normalize_country",
    "normalize_document_number",
    "normalize_make",
    "normalize_plate",
    "normalize_serial",
    "normalize_vin",
    "ocr_key",
    "parse_mrz",
    "parse_partial_date",
    "plate_key",
    "serial_key",
    "validate_vin",
    "vin_check_digit",
    "vin_fuzzy_key",
]
