"""Attachment checks: the type comes from the file's first bytes, never from its name or the browser's claim."""

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

# Magic numbers of the binary types we accept.
SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)
ALLOWED_TYPES = ("application/pdf", "image/png", "image/jpeg", "text/plain")
# Text that opens as markup is refused: a browser could run an SVG's or an HTML page's script if it were ever
# served inline.
MARKUP_OPENINGS = (b"<?xml", b"<!doctype", b"<html", b"<svg", b"<script", b"<body", b"<iframe")


def _is_plain_text(data: bytes) -> bool:
    """UTF-8 without control characters other than tab, newline, carriage return and form feed."""
    if b"\x00" in data:
        return False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(ch.isprintable() or ch in "\t\n\r\f" for ch in text)


def sniff_content_type(data: bytes) -> str | None:
    """The accepted content type of `data` judged from its content, or None."""
    for signature, content_type in SIGNATURES:
        if data.startswith(signature):
            return content_type
    if data and _is_plain_text(data):
        return "text/plain"
    return None


def attachment_check(upload: UploadedFile) -> str:
    """Check an uploaded file's size and content; return its content type or raise ValidationError."""
    limit = settings.CCC_ATTACHMENT_MAX_BYTES
    if (upload.size or 0) > limit:
        raise ValidationError(
            _("{name} is larger than {limit}.").format(name=upload.name, limit=filesizeformat(limit)), code="size"
        )
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    content_type = sniff_content_type(data)
    if content_type == "text/plain" and data.lstrip()[:16].lower().startswith(MARKUP_OPENINGS):
        raise ValidationError(
            _("{name} is markup (HTML, SVG or XML), which is not accepted: send a PDF or plain text.").format(
                name=upload.name
            ),
            code="markup",
        )
    if content_type is None:
        raise ValidationError(
            _("{name} is not a PDF, PNG, JPEG or plain text file.").format(name=upload.name), code="type"
        )
    return content_type


def safe_file_name(name: str) -> str:
    """A file name safe to store and to send back in a Content-Disposition header."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    try:
        cleaned = get_valid_filename(base)
    except SuspiciousFileOperation:
        cleaned = ""
    return (cleaned or "attachment")[-200:]
