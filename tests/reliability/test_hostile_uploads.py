"""Hostile files at every upload: record photos (persons, works of art), notice photos, CCC attachments and
record imports. Each is refused with a message that says why, or, for hostile metadata, stored without it.
Nothing is stored half-way and no upload gives a server error.
"""

import io
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, PngImagePlugin
from rest_framework.test import APIClient

from ccc.attachments import attachment_check
from databases.models import ArtworkPhoto, ImportJob, PersonPhoto
from ncb.models import Unit
from ncb.services import api_token_create
from notices.models import Notice
from tests.databases.factories import ArtworkFactory, PersonFactory
from tests.ncb.factories import UserFactory

pytestmark = pytest.mark.django_db

SCRIPT = b'<script>alert("upload")</script>'
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'


def _jpeg_with_hostile_metadata() -> bytes:
    """A real JPEG whose EXIF carries a script, a GPS position and a camera serial, with a script appended."""
    exif = Image.Exif()
    exif[0x010F] = '<img src=x onerror="alert(1)">'  # Make
    exif[0xA431] = "SERIAL-123456"  # BodySerialNumber
    exif[0x8825] = {1: "N", 2: (48.0, 51.0, 24.0)}  # GPS
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), "teal").save(buffer, format="JPEG", exif=exif, comment=SCRIPT)
    return buffer.getvalue() + SCRIPT


def _png_with_text_chunk() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", SCRIPT.decode())
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "olive").save(buffer, format="PNG", pnginfo=info)
    return buffer.getvalue()


def _png_bomb() -> bytes:
    """A few kilobytes that claim 50,000 × 50,000 pixels (2.5 billion): decoding it would take gigabytes."""
    width = height = 50_000
    raw = zlib.compress(b"\x00" * (width // 8 + 1) * 64)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([1, 0, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


REFUSED_PHOTOS = [
    pytest.param("photo.jpg", SCRIPT, "not a readable photo", id="html-behind-jpg"),
    pytest.param("photo.png", SVG, "not a readable photo", id="svg-behind-png"),
    pytest.param("photo.svg", SVG, "not a readable photo", id="svg-with-script"),
    pytest.param("photo.jpg", b"%PDF-1.7\n" + b"0" * 2000, "not a readable photo", id="pdf-behind-jpg"),
    pytest.param("photo.jpg", b"MZ\x90\x00" + b"\x00" * 2000, "not a readable photo", id="exe-behind-jpg"),
    pytest.param("photo.png", _png_bomb(), "not a readable photo", id="decompression-bomb"),
    pytest.param("photo.jpg", b"\xff\xd8\xff" + b"\x00" * (9 * 1024 * 1024), "larger than", id="oversized"),
    pytest.param("photo.jpg", b"", "empty", id="empty"),
]


@pytest.fixture
def officer(db):
    return UserFactory(unit=Unit.objects.get(code="ncb-fr"), roles=["ncb_officer"], username="rel.upload.officer")


@pytest.mark.parametrize("database", ["persons", "artworks"])
@pytest.mark.parametrize("name,content,message", REFUSED_PHOTOS)
def test_record_photos_refuse_hostile_files_with_the_reason(client, officer, database, name, content, message):
    record = (PersonFactory if database == "persons" else ArtworkFactory)(owner=officer.unit)
    client.force_login(officer)
    url = reverse("databases:photo_upload", args=[database, record.pk])
    response = client.post(url, {"image": SimpleUploadedFile(name, content, content_type="image/jpeg")}, follow=True)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PersonPhoto.objects.exists() and not ArtworkPhoto.objects.exists()


@pytest.mark.parametrize("content", [_jpeg_with_hostile_metadata(), _png_with_text_chunk()], ids=["exif", "png-text"])
def test_record_photos_keep_the_picture_and_drop_hostile_metadata(client, officer, content):
    person = PersonFactory(owner=officer.unit)
    client.force_login(officer)
    url = reverse("databases:photo_upload", args=["persons", person.pk])
    client.post(url, {"image": SimpleUploadedFile("photo.jpg", content, content_type="image/jpeg")})
    photo = person.photos.get()
    for size in ("full", "thumb"):
        served = b"".join(client.get(f"/en/databases/persons/{person.pk}/photos/{photo.pk}/{size}/").streaming_content)
        image = Image.open(io.BytesIO(served))
        assert image.format == "JPEG" and not image.getexif() and "comment" not in image.info
        assert b"script" not in served and b"onerror" not in served and b"SERIAL" not in served


def _notice_api(officer) -> APIClient:
    _token, key = api_token_create(user=officer, name="uploads")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return api


@pytest.mark.parametrize("name,content,message", REFUSED_PHOTOS)
def test_notice_photos_refuse_hostile_files_with_the_reason(officer, name, content, message):
    photo = SimpleUploadedFile(name, content, content_type="image/jpeg")
    data = {"notice_type": "yellow", "family_name": "UPLOAD", "photo": photo}
    response = _notice_api(officer).post("/api/v1/notices/", data, format="multipart")
    assert response.status_code == 400, response.content
    assert "photo" in response.json()
    assert not Notice.objects.exists()


def test_a_notice_photo_is_stored_without_its_metadata(officer):
    photo = SimpleUploadedFile("photo.jpg", _jpeg_with_hostile_metadata(), content_type="image/jpeg")
    data = {"notice_type": "yellow", "family_name": "UPLOAD", "photo": photo}
    response = _notice_api(officer).post("/api/v1/notices/", data, format="multipart")
    assert response.status_code == 201, response.content
    stored = Notice.objects.get().photo.read()
    image = Image.open(io.BytesIO(stored))
    assert image.format == "JPEG" and not image.getexif()
    assert b"script" not in stored and b"SERIAL" not in stored


@pytest.mark.parametrize(
    "name,content,message",
    [
        pytest.param("report.pdf", b"MZ\x90\x00\x03" + b"\x00" * 100, "not a PDF", id="exe-behind-pdf"),
        pytest.param("photo.png", b"GIF89a" + b"\x00" * 100, "not a PDF", id="gif-behind-png"),
        pytest.param("drawing.svg", SVG, "markup", id="svg-with-script"),
        pytest.param("note.txt", b"  <html><body>" + SCRIPT + b"</body></html>", "markup", id="html-behind-txt"),
        pytest.param("note.txt", b"\x00\x01binary", "not a PDF", id="binary-behind-txt"),
        pytest.param("big.pdf", b"%PDF-" + b"0" * (6 * 1024 * 1024), "larger than", id="oversized"),
    ],
)
def test_ccc_attachments_refuse_hostile_files_with_the_reason(name, content, message):
    with pytest.raises(ValidationError) as refused:
        attachment_check(SimpleUploadedFile(name, content))
    assert message in str(refused.value.messages[0])
    assert name in str(refused.value.messages[0])


def test_a_plain_text_note_that_mentions_tags_is_still_an_attachment():
    upload = SimpleUploadedFile("note.txt", b"Suspect wrote <3 and a < b in the chat log.\n")
    assert attachment_check(upload) == "text/plain"


@pytest.mark.parametrize(
    "content,message",
    [
        pytest.param(zlib.compress(b"reference,family_name\n" * 50_000), "UTF-8", id="compressed-behind-csv"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + b"\x00\xff" * 500, "UTF-8", id="png-behind-csv"),
        pytest.param(b"", "empty", id="empty"),
    ],
)
def test_record_imports_refuse_files_that_are_not_text(client, officer, content, message):
    client.force_login(officer)
    upload = SimpleUploadedFile("records.csv", content, content_type="text/csv")
    response = client.post(reverse("databases:imports"), {"database": "persons", "file": upload})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportJob.objects.exists()
