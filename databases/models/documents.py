"""Stolen, lost and revoked travel documents (passports, identity cards, visas)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import Database, DocumentType
from .base import GlobalRecord


class TravelDocument(GlobalRecord):
    """A travel document reported stolen, lost or revoked.

    A real-time check is one look-up of the (ocr_key, issuing_country) index: the OCR key of the number as
    typed equals the stored key for the exact number and for its common misreadings (O/0, I/1, S/5, B/8).
    """

    DATABASE = Database.TRAVEL_DOCUMENTS

    document_type = models.CharField(
        _("document type"), max_length=20, choices=DocumentType.choices, default=DocumentType.PASSPORT
    )
    number = models.CharField(_("document number"), max_length=40)
    number_normalized = models.CharField(_("normalized number"), max_length=20, editable=False)
    ocr_key = models.CharField(_("OCR-confusion key"), max_length=20, editable=False)
    issuing_country = models.CharField(_("issuing country (alpha-3)"), max_length=3)
    holder_family_name = models.CharField(_("holder's family name"), max_length=100, blank=True)
    holder_given_names = models.CharField(_("holder's given names"), max_length=100, blank=True)
    holder_date_of_birth = models.CharField(_("holder's date of birth"), max_length=10, blank=True)
    holder_nationality = models.CharField(_("holder's nationality (alpha-3)"), max_length=3, blank=True)
    date_of_issue = models.DateField(_("date of issue"), null=True, blank=True)
    date_of_expiry = models.DateField(_("date of expiry"), null=True, blank=True)
    date_of_event = models.DateField(_("date of theft or loss"), null=True, blank=True)
    person = models.ForeignKey(
        "databases.Person",
        verbose_name=_("holder's person record"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="travel_documents",
    )

    class Meta(GlobalRecord.Meta):
        verbose_name = _("travel document")
        verbose_name_plural = _("travel documents")
        indexes = [
            models.Index(fields=["recorded_at", "id"], name="traveldoc_recorded"),  # lists, newest first
            models.Index(fields=["reference"], name="traveldoc_reference"),  # search by any owner's reference
            models.Index(fields=["ocr_key", "issuing_country"], name="traveldoc_ocr_country"),
            models.Index(fields=["number_normalized"], name="traveldoc_number"),
        ]

    def __str__(self) -> str:
        return f"{self.issuing_country} {self.number_normalized}"
