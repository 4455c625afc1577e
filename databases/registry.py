"""The five databases by name: one table that views, the API, imports and commands look models up in."""

from .choices import Database
from .models import Artwork, Firearm, GlobalRecord, Person, TravelDocument, Vehicle

MODELS: dict[str, type[GlobalRecord]] = {
    Database.PERSONS: Person,
    Database.TRAVEL_DOCUMENTS: TravelDocument,
    Database.VEHICLES: Vehicle,
    Database.ARTWORKS: Artwork,
    Database.FIREARMS: Firearm,
}


def model_of(database: str) -> type[GlobalRecord]:
    """The model of a database name ("travel-documents"); KeyError for an unknown name."""
    return MODELS[database]
