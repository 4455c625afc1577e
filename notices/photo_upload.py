"""A notice's photo is published to every member country and, for public extracts, to the world: it is checked by
its content and encoded afresh, so no EXIF (GPS position, camera serial) and nothing hidden in the file goes with it.
"""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from databases.imaging import clean_image

MAX_PHOTO_BYTES = 5 * 1024 * 1024


def photo_reencode(upload) -> ContentFile:
    """The uploaded photo as a clean JPEG; ValidationError with the reason when it is too large or no photo."""
    if upload.size > MAX_PHOTO_BYTES:
        raise ValidationError(_("The photo is too large (5 MB at most)."), code="size")
    return ContentFile(clean_image(upload).content, name="photo.jpg")
