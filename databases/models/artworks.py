"""Stolen works of art and cultural objects, with photos compared by perceptual hash."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import ArtworkType, Database
from .base import GlobalRecord
from .photos import RecordPhoto


class Artwork(GlobalRecord):
    """A stolen work of art. The title is translated (modeltranslation): code reads `artwork.title`."""

    DATABASE = Database.ARTWORKS

    title = models.CharField(_("title"), max_length=200)
    artist = models.CharField(_("artist"), max_length=150, blank=True)
    artwork_type = models.CharField(_("type of object"), max_length=20, choices=ArtworkType.choices)
    materials = models.CharField(_("materials and technique"), max_length=200, blank=True)
    dimensions = models.CharField(_("dimensions"), max_length=100, blank=True)
    period = models.CharField(_("date or period of creation"), max_length=60, blank=True)
    date_stolen = models.DateField(_("date stolen"), null=True, blank=True)
    place_stolen = models.CharField(_("place stolen"), max_length=200, blank=True)
    country_stolen = models.ForeignKey(
        "ncb.Country",
        verbose_name=_("country where stolen"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Folded title and artist for search across spellings (databases.keys.text_key).
    search_key = models.CharField(_("search key"), max_length=400, editable=False, blank=True)

    class Meta(GlobalRecord.Meta):
        verbose_name = _("work of art")
        verbose_name_plural = _("works of art")
        indexes = [
            models.Index(fields=["recorded_at", "id"], name="artwork_recorded"),  # lists, newest first
            models.Index(fields=["reference"], name="artwork_reference"),  # search by any owner's reference
        ]

    def __str__(self) -> str:
        return self.title


class ArtworkPhoto(RecordPhoto):
    """A photo of a work of art."""

    artwork = models.ForeignKey(Artwork, verbose_name=_("work of art"), on_delete=models.CASCADE, related_name="photos")

    class Meta(RecordPhoto.Meta):
        verbose_name = _("photo of a work of art")
        verbose_name_plural = _("photos of works of art")
