"""Stolen motor vehicles, identified by VIN or by registration plate and country."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import Database
from .base import GlobalRecord


class Vehicle(GlobalRecord):
    """A stolen motor vehicle. Checks look up `vin_key` or (`plate_key`, `plate_country`), both indexed."""

    DATABASE = Database.VEHICLES

    vin = models.CharField(_("VIN"), max_length=17, blank=True)
    vin_key = models.CharField(_("VIN look-up key"), max_length=17, blank=True, editable=False)
    plate = models.CharField(_("registration plate"), max_length=20, blank=True)
    plate_normalized = models.CharField(_("normalized plate"), max_length=12, blank=True, editable=False)
    plate_key = models.CharField(_("plate look-up key"), max_length=12, blank=True, editable=False)
    plate_country = models.CharField(_("plate country (alpha-3)"), max_length=3, blank=True)
    make = models.CharField(_("make"), max_length=60, blank=True)
    model = models.CharField(_("model"), max_length=60, blank=True)
    colour = models.CharField(_("colour"), max_length=40, blank=True)
    year = models.PositiveSmallIntegerField(_("year of manufacture"), null=True, blank=True)
    date_of_event = models.DateField(_("date of theft"), null=True, blank=True)

    class Meta(GlobalRecord.Meta):
        verbose_name = _("motor vehicle")
        verbose_name_plural = _("motor vehicles")
        indexes = [
            models.Index(fields=["recorded_at", "id"], name="vehicle_recorded"),  # lists, newest first
            models.Index(fields=["reference"], name="vehicle_reference"),  # search by any owner's reference
            models.Index(fields=["vin_key"], name="vehicle_vin_key"),
            models.Index(fields=["plate_key", "plate_country"], name="vehicle_plate"),
        ]

    def __str__(self) -> str:
        return self.vin or f"{self.plate_country} {self.plate_normalized}"
