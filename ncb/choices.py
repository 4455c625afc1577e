"""Choices shared by the bureaus and accounts app and, through it, every other app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ASIA_PACIFIC = "asia_pacific", _("Asia and South Pacific")
    EUROPE = "europe", _("Europe")
    MIDDLE_EAST_NORTH_AFRICA = "mena", _("Middle East and North Africa")


class UnitKind(models.TextChoices):
    NCB = "ncb", _("National Central Bureau")
    GENERAL_SECRETARIAT = "gs", _("General Secretariat")
    INNOVATION_COMPLEX = "gci", _("Global Complex for Innovation")
    REGIONAL_OFFICE = "regional", _("Regional office")
    REPRESENTATIVE_OFFICE = "representative", _("Representative office")
    CCC_SITE = "ccc", _("Command and Coordination Centre")


class Restriction(models.TextChoices):
    ALL = "all", _("Visible to all member countries")
    ALL_EXCEPT = "all_except", _("Visible to all except the listed countries")
    ONLY = "only", _("Visible only to the listed countries")


class Language(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")
