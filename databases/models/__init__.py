from .artworks import Artwork, ArtworkPhoto
from .base import GlobalRecord
from .documents import TravelDocument
from .firearms import Firearm
from .hits import Hit
from .imports import ImportJob
from .matching import (
    MatchSweep,
    MatchSweepChunk,
    PersonKey,
    PersonKeyVersion,
    PersonTemplate,
    ScreeningJob,
    ScreeningRow,
)
from .persons import Person, PersonAlias, PersonDocument, PersonPhoto
from .vehicles import Vehicle

__all__ = [
    "Artwork",
    "ArtworkPhoto",
    "Firearm",
    "GlobalRecord",
    "Hit",
    "ImportJob",
    "MatchSweep",
    "MatchSweepChunk",
    "Person",
    "PersonAlias",
    "PersonDocument",
    "PersonKey",
    "PersonKeyVersion",
    "PersonTemplate",
    "PersonPhoto",
    "ScreeningJob",
    "ScreeningRow",
    "TravelDocument",
    "Vehicle",
]
