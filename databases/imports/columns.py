"""The columns each database accepts in an import file: its field names, lists separated by ";"."""

from ..choices import Database

COMMON = ("reference", "status", "remarks")
COLUMNS = {
    Database.PERSONS: (
        "family_name",
        "given_names",
        "family_name_latin",
        "given_names_latin",
        "date_of_birth",
        "place_of_birth",
        "sex",
        "nationalities",
        "aliases",
    ),
    Database.TRAVEL_DOCUMENTS: (
        "document_type",
        "number",
        "issuing_country",
        "holder_family_name",
        "holder_given_names",
        "holder_date_of_birth",
        "holder_nationality",
        "date_of_issue",
        "date_of_expiry",
        "date_of_event",
    ),
    Database.VEHICLES: ("vin", "plate", "plate_country", "make", "model", "colour", "year", "date_of_event"),
    Database.ARTWORKS: (
        "title",
        "artist",
        "artwork_type",
        "materials",
        "dimensions",
        "period",
        "date_stolen",
        "place_stolen",
        "country_stolen",
    ),
    Database.FIREARMS: (
        "make",
        "model",
        "serial_number",
        "calibre",
        "firearm_type",
        "country_of_manufacture",
        "date_of_event",
    ),
}
# Columns that hold lists, or that are not plain model fields.
LIST_COLUMNS = frozenset({"nationalities", "aliases"})
RELATED_COLUMNS = frozenset({"nationalities", "aliases", "country_stolen"})


def accepted_columns(database: str) -> frozenset[str]:
    return frozenset(COMMON + COLUMNS[database])


def field_columns(database: str, present: set[str]) -> list[str]:
    """Model fields set from the file: the accepted columns present, without the related ones."""
    return [c for c in COMMON + COLUMNS[database] if c in present and c not in RELATED_COLUMNS and c != "reference"]
