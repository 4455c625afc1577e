"""Safe handling of uploaded photos with Pillow, and a 64-bit difference hash (dHash) to compare them.

The file's type is read from its content, never from its name or the browser's word; the picture is decoded
and encoded afresh, which drops EXIF (GPS position, camera serial) and anything hidden after the image data.
"""

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "TIFF", "BMP"}


@dataclass(frozen=True, slots=True)
class CleanImage:
    """A re-encoded JPEG, its thumbnail and its perceptual hash."""

    content: bytes
    thumbnail: bytes
    width: int
    height: int
    dhash: str


def dhash(image: Image.Image, size: int = 8) -> str:
    """Difference hash: 64 bits telling, row by row, whether each pixel is brighter than its neighbour.

    Robust to scaling, re-compression and small colour changes; compare two hashes with hamming_distance
    (<= 10 of 64 bits: very likely the same picture).
    """
    small = image.convert("L").resize((size + 1, size), Image.Resampling.LANCZOS)
    pixels = small.tobytes()  # mode "L": one byte per pixel, row by row
    bits = 0
    for row in range(size):
        for col in range(size):
            left, right = pixels[row * (size + 1) + col], pixels[row * (size + 1) + col + 1]
            bits = (bits << 1) | (left > right)
    return f"{bits:0{size * size // 4}x}"


def hamming_distance(a: str, b: str) -> int:
    """Number of differing bits between two hex hashes of equal length."""
    return (int(a, 16) ^ int(b, 16)).bit_count()


def _encode(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=88, optimize=True)
    return buffer.getvalue()


def clean_image(upload) -> CleanImage:
    """Validate an uploaded photo by its content and return it re-encoded; ValidationError when unfit."""
    if upload.size > settings.RECORD_PHOTO_MAX_BYTES:
        raise ValidationError(
            _("The photo is larger than {size} MB.").format(size=settings.RECORD_PHOTO_MAX_BYTES // (1024 * 1024))
        )
    Image.MAX_IMAGE_PIXELS = settings.RECORD_PHOTO_MAX_PIXELS
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            if probe.format not in ALLOWED_FORMATS:
                raise ValidationError(_("The file is not a photo in a supported format (JPEG, PNG, WebP...)."))
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as original:
            original.load()
            image = ImageOps.exif_transpose(original).convert("RGB")
            # Pillow carries the original's comment, ICC profile and text chunks over to the new file: drop them.
            image.info = {}
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as error:
        raise ValidationError(_("The file is not a readable photo.")) from error
    side = settings.RECORD_PHOTO_MAX_SIDE
    image.thumbnail((side, side))
    thumbnail = image.copy()
    thumbnail.thumbnail((settings.RECORD_THUMBNAIL_SIDE, settings.RECORD_THUMBNAIL_SIDE))
    return CleanImage(
        content=_encode(image),
        thumbnail=_encode(thumbnail),
        width=image.width,
        height=image.height,
        dhash=dhash(image),
    )
