"""Stolen, lost and missing firearms, identified by make and serial number."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import Database, FirearmType
from .base import GlobalRecord


class Firearm(GlobalRecord):
    """A firearm. A check looks up `serial_key` (with `make_normalized` when the make is given), both indexed."""

    DATABASE = Database.FIREARMS

    make = models.CharField(_("make"), max_length=100)
    make_normalized = models.CharField(_("normalized make"), max_length=100, editable=False)
    model = models.CharField(_("model"), max_length=100, blank=True)
    serial_number = models.CharField(_("serial number"), max_length=40)
    serial_normalized = models.CharField(_("normalized serial number"), max_length=30, editable=False)
    serial_key = models.CharField(_("serial look-up key"), max_length=30, editable=False)
    calibre = models.CharField(_("calibre"), max_length=30, blank=True)
    firearm_type = models.CharField(_("type of firearm"), max_length=20, choices=FirearmType.choices)
    country_of_manufacture = models.CharField(_("country of manufacture (alpha-3)"), max_length=3, blank=True)
    date_of_event = models.DateField(_("date of theft or loss"), null=True, blank=True)

    class Meta(GlobalRecord.Meta):
        verbose_name = _("firearm")
        verbose_name_plural = _("firearms")
        indexes = [
            models.Index(fields=["recorded_at", "id"], name="firearm_recorded"),  # lists, newest first
            models.Index(fields=["reference"], name="firearm_reference"),  # search by any owner's reference
            models.Index(fields=["serial_key", "make_normalized"], name="firearm_serial"),
        ]

    def __str__(self) -> str:
        return f"{self.make} {self.serial_normalized}"
