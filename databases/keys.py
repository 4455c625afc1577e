"""Stored search keys of each record, computed from what the owner entered with databases.identifiers.

Called by the services before full_clean(), by the importer on every row and by generate_records, so that a
record has the same keys however it arrived, and a real-time check is one look-up of an indexed column.
Raises IdentifierError (field, code, translated message) for a value that is not an identifier.
"""

from django.utils.translation import gettext_lazy as _

from .identifiers import (
    IdentifierError,
    normalize_country,
    normalize_document_number,
    normalize_make,
    normalize_plate,
    normalize_serial,
    normalize_vin,
    parse_partial_date,
    plate_key,
    serial_key,
)
from .identifiers.confusables import confusion_key
from .matching.transliterate import transliterate


def name_key(*parts: str) -> str:
    """Latin, case- and accent-folded form of a name in any script ('محمد' and 'Muhammad' share a prefix)."""
    return " ".join(transliterate(" ".join(p for p in parts if p)).split())[:200]


def latin(name: str) -> str:
    """The Latin transliteration of a name, as shown next to the name as written."""
    return name if not name or name.isascii() else transliterate(name).title()


def person_keys(person) -> None:
    person.family_name_latin = person.family_name_latin or latin(person.family_name)
    person.given_names_latin = person.given_names_latin or latin(person.given_names)
    person.name_key = name_key(person.family_name_latin, person.given_names_latin)
    if person.date_of_birth:
        date = parse_partial_date(person.date_of_birth, field="date_of_birth")
        person.date_of_birth, person.birth_year = str(date), date.year
    else:
        person.birth_year = None


def travel_document_keys(document) -> None:
    document.issuing_country = country_or_error(document.issuing_country, "issuing_country", specimen=True)
    document.number_normalized = normalize_document_number(document.number)
    document.ocr_key = confusion_key(document.number_normalized)
    if document.holder_nationality:
        document.holder_nationality = country_or_error(document.holder_nationality, "holder_nationality")
    if document.holder_date_of_birth:
        document.holder_date_of_birth = str(
            parse_partial_date(document.holder_date_of_birth, field="holder_date_of_birth")
        )


def vehicle_keys(vehicle) -> None:
    if not vehicle.vin and not vehicle.plate:
        raise IdentifierError("vin", "empty", _("Enter a VIN or a registration plate."))
    vehicle.vin = normalize_vin(vehicle.vin) if vehicle.vin else ""
    vehicle.vin_key = confusion_key(vehicle.vin) if vehicle.vin else ""
    if vehicle.plate:
        vehicle.plate_country, vehicle.plate_normalized = normalize_plate(vehicle.plate, vehicle.plate_country)
        vehicle.plate_key = plate_key(vehicle.plate_normalized)
    else:
        vehicle.plate_normalized = vehicle.plate_key = ""


def firearm_keys(firearm) -> None:
    firearm.make_normalized = normalize_make(firearm.make)
    firearm.serial_normalized = normalize_serial(firearm.serial_number)
    firearm.serial_key = serial_key(firearm.serial_normalized)
    if firearm.country_of_manufacture:
        firearm.country_of_manufacture = country_or_error(firearm.country_of_manufacture, "country_of_manufacture")


def artwork_keys(artwork) -> None:
    artwork.search_key = name_key(artwork.title, artwork.artist)[:400]


def country_or_error(value: str, field: str, *, specimen: bool = False) -> str:
    try:
        return normalize_country(value, specimen=specimen)
    except IdentifierError as error:
        raise error.with_field(field) from error


KEYS_OF = {
    "Person": person_keys,
    "TravelDocument": travel_document_keys,
    "Vehicle": vehicle_keys,
    "Firearm": firearm_keys,
    "Artwork": artwork_keys,
}


def fill_keys(record) -> None:
    """Compute the stored keys of any record; raise IdentifierError naming the bad field."""
    KEYS_OF[type(record).__name__](record)
