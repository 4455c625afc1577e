"""Choices of the analysis app: kinds of nodes and links of the link chart, crime areas, modus operandi."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class NodeKind(models.TextChoices):
    """What a node of the link chart stands for. The first seven can start a chart; the last three are shared
    values that connect records (a document number, a place, a modus operandi) and are drawn as small hubs."""

    PERSON = "person", _("Person")
    DOCUMENT = "document", _("Travel document")
    VEHICLE = "vehicle", _("Motor vehicle")
    FIREARM = "firearm", _("Firearm")
    ARTWORK = "artwork", _("Work of art")
    NOTICE = "notice", pgettext_lazy("INTERPOL notice", "Notice")
    CASE = "case", pgettext_lazy("CCC", "Case")
    IDENTIFIER = "identifier", _("Shared identifier")
    PLACE = "place", _("Shared place")
    MODUS = "modus", _("Modus operandi")


START_KINDS = (
    NodeKind.PERSON,
    NodeKind.DOCUMENT,
    NodeKind.VEHICLE,
    NodeKind.FIREARM,
    NodeKind.ARTWORK,
    NodeKind.NOTICE,
    NodeKind.CASE,
)
HUB_KINDS = (NodeKind.IDENTIFIER, NodeKind.PLACE, NodeKind.MODUS)


class EdgeKind(models.TextChoices):
    HOLDER = "holder", _("Holder of the document")
    HIT = "hit", pgettext_lazy("database match", "Hit")
    IDENTIFIER = "identifier", _("Same identifier")
    PLACE = "place", _("Same place")
    SUBJECT = "subject", _("Subject of the notice")
    CASE = "case", _("Concerned by the case")
    MODUS = "modus", _("Same modus operandi")


class CrimeArea(models.TextChoices):
    FUGITIVES = "fugitives", _("Fugitive investigations")
    MISSING = "missing", _("Missing persons")
    TRAVEL_DOCUMENTS = "travel_documents", _("Border security and travel document fraud")
    VEHICLES = "vehicles", _("Vehicle crime")
    CULTURAL_HERITAGE = "cultural_heritage", _("Cultural heritage crime")
    FIREARMS = "firearms", _("Firearms trafficking")


class ModusOperandi(models.TextChoices):
    """Methods analysts tag records and cases with; records sharing one are linked on the chart."""

    MUSEUM_NIGHT_BURGLARY = "museum_night_burglary", _("Night-time burglary of a museum")
    RAM_RAID = "ram_raid", _("Ram raid")
    VEHICLE_CLONING = "vehicle_cloning", _("Vehicle cloning (false plates or VIN)")
    CAR_JACKING = "car_jacking", _("Carjacking")
    LOOK_ALIKE = "look_alike", _("Impostor using a look-alike's genuine document")
    BLANK_DOCUMENT_THEFT = "blank_document_theft", _("Theft of blank documents")
    STRAW_PURCHASE = "straw_purchase", _("Straw purchase of firearms")
    ARMED_ROBBERY = "armed_robbery", _("Armed robbery")
    ONLINE_SALE = "online_sale", _("Sale of stolen goods online")
    OTHER = "other", _("Other method")


class TrendMeasure(models.TextChoices):
    RECORDS = "records", _("Records entered")
    CHECKS = "checks", _("Checks")
    HITS = "hits", pgettext_lazy("database match", "Hits")


class TrendDimension(models.TextChoices):
    REGION = "region", _("Region")
    DATABASE = "database", _("Database")
    CRIME_AREA = "crime_area", _("Crime area")


class TrendPeriod(models.TextChoices):
    MONTH = "month", _("Month")
    WEEK = "week", _("Week")
    DAY = "day", _("Day")
