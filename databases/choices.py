"""Choices of the global databases: which database, a record's status, document, artwork and firearm types."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Database(models.TextChoices):
    """The five global databases; the value is also the URL and import name (`import_records vehicles ...`)."""

    PERSONS = "persons", _("Persons")
    TRAVEL_DOCUMENTS = "travel-documents", _("Travel documents")
    VEHICLES = "vehicles", _("Motor vehicles")
    ARTWORKS = "artworks", _("Works of art")
    FIREARMS = "firearms", _("Firearms")


class RecordStatus(models.TextChoices):
    WANTED = "wanted", _("Wanted")
    MISSING = "missing", _("Missing")
    STOLEN = "stolen", _("Stolen")
    STOLEN_BLANK = "stolen_blank", _("Stolen blank")
    LOST = "lost", _("Lost")
    REVOKED = "revoked", _("Revoked")
    RECOVERED = "recovered", _("Recovered or located")
    CANCELLED = "cancelled", _("Cancelled")


# A record in one of these states answers checks; recovered and cancelled records are history.
CLOSED_STATUSES = (RecordStatus.RECOVERED, RecordStatus.CANCELLED)
ACTIVE_STATUSES = tuple(s for s in RecordStatus if s not in CLOSED_STATUSES)

# The statuses an owner may give a new record, per database.
STATUSES_OF = {
    Database.PERSONS: (RecordStatus.WANTED, RecordStatus.MISSING),
    Database.TRAVEL_DOCUMENTS: (
        RecordStatus.STOLEN,
        RecordStatus.STOLEN_BLANK,
        RecordStatus.LOST,
        RecordStatus.REVOKED,
    ),
    Database.VEHICLES: (RecordStatus.STOLEN,),
    Database.ARTWORKS: (RecordStatus.STOLEN, RecordStatus.MISSING),
    Database.FIREARMS: (RecordStatus.STOLEN, RecordStatus.LOST, RecordStatus.MISSING),
}


class Sex(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")
    OTHER = "X", _("Unspecified (X)")
    UNKNOWN = "U", _("Unknown")


class DocumentType(models.TextChoices):
    PASSPORT = "passport", _("Passport")
    IDENTITY_CARD = "identity_card", _("Identity card")
    VISA = "visa", _("Visa")
    RESIDENCE_PERMIT = "residence_permit", _("Residence permit")
    TRAVEL_DOCUMENT = "travel_document", _("Other travel document")


class ArtworkType(models.TextChoices):
    PAINTING = "painting", _("Painting")
    SCULPTURE = "sculpture", _("Sculpture")
    DRAWING = "drawing", _("Drawing")
    PRINT = "print", _("Print")
    PHOTOGRAPH = "photograph", _("Photograph")
    MANUSCRIPT = "manuscript", _("Manuscript or book")
    ICON = "icon", _("Icon")
    ARCHAEOLOGICAL = "archaeological", _("Archaeological object")
    JEWELLERY = "jewellery", _("Jewellery")
    OTHER = "other", _("Other object")


class FirearmType(models.TextChoices):
    PISTOL = "pistol", _("Pistol")
    REVOLVER = "revolver", _("Revolver")
    RIFLE = "rifle", _("Rifle")
    SHOTGUN = "shotgun", _("Shotgun")
    SUBMACHINE_GUN = "submachine_gun", _("Submachine gun")
    MACHINE_GUN = "machine_gun", _("Machine gun")
    OTHER = "other", _("Other firearm")


class HitReview(models.TextChoices):
    NEW = "new", pgettext_lazy("hit review", "New")
    CONFIRMED = "confirmed", pgettext_lazy("hit review", "Confirmed")
    FALSE_POSITIVE = "false_positive", pgettext_lazy("hit review", "False positive")


class HitPriority(models.IntegerChoices):
    LOW = 1, _("Low")
    NORMAL = 2, _("Normal")
    HIGH = 3, _("High")
    URGENT = 4, _("Urgent")


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Finished")
    FAILED = "failed", _("Failed")
