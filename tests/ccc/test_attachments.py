"""Attachment checks: the type is read from the first bytes; size and count are limited."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from ccc.attachments import attachment_check, safe_file_name, sniff_content_type


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"%PDF-1.7\n...", "application/pdf"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
        ("Texte en français, نص عربي, texto en español.\n".encode(), "text/plain"),
        (b"MZ\x90\x00\x03\x00\x00\x00", None),  # a Windows executable
        (b"PK\x03\x04", None),  # a zip file
        (b"\x00\x01\x02", None),
        (b"", None),
    ],
)
def test_content_type_comes_from_the_content(data, expected):
    assert sniff_content_type(data) == expected


def test_an_executable_named_pdf_is_refused():
    upload = SimpleUploadedFile("invoice.pdf", b"MZ\x90\x00" + b"\x00" * 100, content_type="application/pdf")
    with pytest.raises(ValidationError):
        attachment_check(upload)


def test_a_file_above_the_size_limit_is_refused(settings):
    settings.CCC_ATTACHMENT_MAX_BYTES = 1024
    with pytest.raises(ValidationError):
        attachment_check(SimpleUploadedFile("big.txt", b"a" * 1025))
    assert attachment_check(SimpleUploadedFile("ok.txt", b"a" * 1024)) == "text/plain"


def test_file_names_are_made_safe():
    assert safe_file_name("../../etc/passwd") == "passwd"
    assert safe_file_name("C:\\Users\\x\\rapport final.pdf") == "rapport_final.pdf"
    assert safe_file_name("..") == "attachment"
