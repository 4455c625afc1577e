"""Photos of persons and works of art: re-encoded on upload, with a thumbnail and a perceptual hash."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..storage import private_storage


class RecordPhoto(models.Model):
    """Abstract photo. Files live in private storage; databases.views.photos serves them after an access check."""

    image = models.FileField(_("image"), storage=private_storage, upload_to="records/photos/%Y/%m/")
    thumbnail = models.FileField(_("thumbnail"), storage=private_storage, upload_to="records/thumbnails/%Y/%m/")
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    # 64-bit difference hash as 16 hex digits: near-duplicate pictures differ in a few bits (databases.imaging).
    dhash = models.CharField(_("perceptual hash"), max_length=16, db_index=True)
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.caption or self.image.name
