"""What a real-time check looks up: the query, normalized with databases.identifiers, as an indexed key.

Each check names one indexed column and its value (`index`), optional further columns that must be equal
(`extra`), and the column that tells an exact match from one through OCR or typing confusions (`exact`).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from ..identifiers import (
    IdentifierError,
    normalize_country,
    normalize_document_number,
    normalize_make,
    normalize_plate,
    normalize_serial,
    plate_key,
    serial_key,
    vin_fuzzy_key,
)
from ..identifiers.confusables import confusion_key
from ..models import Firearm, GlobalRecord, TravelDocument, Vehicle

CHECK_TYPES = ("travel-document", "vehicle", "firearm")


@dataclass(frozen=True, slots=True)
class Lookup:
    """A normalized check: what to look up, how to tell exact from fuzzy, and how to name it in a hit."""

    type: str
    model: type[GlobalRecord]
    index: tuple[str, str]
    exact: tuple[str, str]
    query: dict
    extra: dict = field(default_factory=dict)

    @property
    def query_key(self) -> str:
        """A canonical text of the query: the same check gives the same key (hits are recorded once)."""
        return self.type + ":" + ":".join(f"{k}={v}" for k, v in sorted(self.query.items()) if v)

    def filters(self) -> dict:
        return {self.index[0]: self.index[1], **self.extra}

    def matches(self, record: GlobalRecord) -> bool:
        """Whether a record fetched for a batch belongs to this item (same key, same extra columns)."""
        return getattr(record, self.index[0]) == self.index[1] and all(
            getattr(record, name) == value for name, value in self.extra.items()
        )


def _text(data: Mapping, name: str) -> str:
    value = data.get(name)
    return value.strip() if isinstance(value, str) else ""


def _travel_document(data: Mapping) -> Lookup:
    number = normalize_document_number(_text(data, "number"))
    country = _text(data, "country")
    extra = {"issuing_country": normalize_country(country, specimen=True)} if country else {}
    return Lookup(
        type="travel-document",
        model=TravelDocument,
        index=("ocr_key", confusion_key(number)),
        exact=("number_normalized", number),
        extra=extra,
        query={"number": number, "country": extra.get("issuing_country", "")},
    )


def _vehicle(data: Mapping) -> Lookup:
    vin, plate = _text(data, "vin"), _text(data, "plate")
    if vin:
        key = vin_fuzzy_key(vin)
        compact = "".join(vin.upper().replace("-", "").split())
        return Lookup(
            type="vehicle", model=Vehicle, index=("vin_key", key), exact=("vin", compact), query={"vin": compact}
        )
    if plate:
        if not _text(data, "country"):
            raise IdentifierError("country", "empty", _("Give the country of the registration plate."))
        country, normalized = normalize_plate(plate, _text(data, "country"))
        return Lookup(
            type="vehicle",
            model=Vehicle,
            index=("plate_key", plate_key(normalized)),
            exact=("plate_normalized", normalized),
            extra={"plate_country": country},
            query={"plate": normalized, "country": country},
        )
    raise IdentifierError("vin", "empty", _("Give a VIN, or a registration plate and its country."))


def _firearm(data: Mapping) -> Lookup:
    serial = normalize_serial(_text(data, "serial"))
    make = _text(data, "make")
    extra = {"make_normalized": normalize_make(make)} if make else {}
    return Lookup(
        type="firearm",
        model=Firearm,
        index=("serial_key", serial_key(serial)),
        exact=("serial_normalized", serial),
        extra=extra,
        query={"serial": serial, "make": extra.get("make_normalized", "")},
    )


_PARSERS = {"travel-document": _travel_document, "vehicle": _vehicle, "firearm": _firearm}


def parse_check(check_type: str, data: Mapping) -> Lookup:
    """Normalize a check's fields; raise IdentifierError naming the bad field."""
    parser = _PARSERS.get(check_type)
    if parser is None:
        raise IdentifierError("type", "unknown", _("The type is one of travel-document, vehicle or firearm."))
    return parser(data)
