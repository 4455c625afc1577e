"""Perceptual hash of photos: the same picture re-encoded or resized is close, another picture is far."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from databases.imaging import clean_image, dhash, hamming_distance


def _picture(seed: int) -> Image.Image:
    image = Image.new("RGB", (400, 300), "white")
    draw = ImageDraw.Draw(image)
    for i in range(12):
        x, y = (seed * 37 + i * 53) % 360, (seed * 91 + i * 29) % 260
        draw.rectangle((x, y, x + 40, y + 30), fill=((i * 20) % 255, (seed * 40) % 255, 120))
    return image


def test_dhash_is_close_for_a_resized_copy_and_far_for_another_picture():
    original = _picture(1)
    assert hamming_distance(dhash(original), dhash(original.resize((200, 150)))) <= 6
    assert hamming_distance(dhash(original), dhash(_picture(2))) > 12


def test_clean_image_refuses_oversized_files(settings):
    settings.RECORD_PHOTO_MAX_BYTES = 1024
    buffer = io.BytesIO()
    _picture(3).save(buffer, format="PNG")
    with pytest.raises(ValidationError):
        clean_image(SimpleUploadedFile("a.png", buffer.getvalue() * 4))


def test_clean_image_makes_a_jpeg_and_a_thumbnail():
    buffer = io.BytesIO()
    _picture(4).save(buffer, format="PNG")
    clean = clean_image(SimpleUploadedFile("a.png", buffer.getvalue()))
    assert Image.open(io.BytesIO(clean.content)).format == "JPEG"
    assert max(Image.open(io.BytesIO(clean.thumbnail)).size) <= 240
