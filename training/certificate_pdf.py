"""The certificate of completion as a PDF, written in the holder's language.

Arabic is shaped (arabic-reshaper joins the letters into their contextual forms) and put in visual order
(python-bidi), because ReportLab draws glyphs left to right as given. The font must have Arabic glyphs:
DejaVu Sans from Debian's fonts-dejavu-core by default (setting TRAINING_CERTIFICATE_FONT).
"""

import io
import os
import re
from functools import lru_cache

import arabic_reshaper
from bidi import get_display
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from ncb.choices import Language

from .models import Certificate
from .notify import session_dates

REGULAR, BOLD = "PortalSans", "PortalSans-Bold"
NAVY = HexColor("#0b2545")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
# Left-to-right isolate and its end, and every bidi control: they steer the reordering but have no glyph.
LTR_ISOLATE, POP_ISOLATE = "\u2066", "\u2069"
_BIDI_CONTROLS = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class CertificateFontMissing(ImproperlyConfigured):
    """The TTF font for certificates is not installed; the message says how to fix it."""


@lru_cache(maxsize=1)
def register_fonts() -> tuple[str, str]:
    """Register the certificate fonts once per process; the bold face falls back to the regular one."""
    regular = settings.TRAINING_CERTIFICATE_FONT
    bold = settings.TRAINING_CERTIFICATE_FONT_BOLD
    if not os.path.isfile(regular):
        raise CertificateFontMissing(
            f"The certificate font {regular} is missing. Install the Debian package fonts-dejavu-core "
            "(scripts/system-packages.sh does) or set TRAINING_CERTIFICATE_FONT to a TTF font with Arabic glyphs."
        )
    pdfmetrics.registerFont(TTFont(REGULAR, regular))
    pdfmetrics.registerFont(TTFont(BOLD, bold if os.path.isfile(bold) else regular))
    return REGULAR, BOLD


def visual(text: str) -> str:
    """Text ready to draw: Arabic letters joined and the line in visual (left-to-right) order.

    The paragraph direction comes from the first strong character, so a Latin name on an Arabic certificate and an
    Arabic name on a French one both come out right.
    """
    if not _ARABIC.search(text):
        return _BIDI_CONTROLS.sub("", text)
    return _BIDI_CONTROLS.sub("", get_display(arabic_reshaper.reshape(text)))


def ltr(value: str) -> str:
    """A code or address kept left to right inside an Arabic line.

    Without the isolate, a code that starts with digits ("5533-Y2P6-...") has its groups reordered around the
    hyphens, and a URL's final slash moves to its front: the holder would read a code that does not verify.
    """
    return f"{LTR_ISOLATE}{value}{POP_ISOLATE}"


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap on the logical text, measuring the shaped form that will be drawn."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and pdfmetrics.stringWidth(visual(candidate), font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


class _Page:
    """Centred lines written from the top of the page down."""

    def __init__(self, pdf: canvas.Canvas):
        self.pdf = pdf
        self.width, self.height = landscape(A4)
        self.y = self.height - 90

    def line(self, text: str, *, size: float, bold: bool = False, gap: float = 10, colour=NAVY) -> None:
        font = BOLD if bold else REGULAR
        self.pdf.setFillColor(colour)
        for part in _wrap(text, font, size, self.width - 200):
            self.pdf.setFont(font, size)
            self.pdf.drawCentredString(self.width / 2, self.y, visual(part))
            self.y -= size * 1.3
        self.y -= gap


def certificate_pdf(certificate: Certificate) -> bytes:
    """Render the certificate in its language (the holder's when it was issued)."""
    register_fonts()
    session = certificate.enrolment.session
    course = session.course
    rtl = certificate.language == Language.ARABIC
    buffer = io.BytesIO()
    with translation.override(certificate.language):
        pdf = canvas.Canvas(buffer, pagesize=landscape(A4), pageCompression=1)
        pdf.setTitle(_("Certificate of completion"))
        pdf.setAuthor(_("Police cooperation portal"))
        width, height = landscape(A4)
        pdf.setStrokeColor(NAVY)
        pdf.setLineWidth(3)
        pdf.rect(24, 24, width - 48, height - 48)
        pdf.setLineWidth(0.8)
        pdf.rect(32, 32, width - 64, height - 64)

        page = _Page(pdf)
        page.line(_("Police cooperation portal – Training"), size=13, gap=18)
        page.line(_("Certificate of completion"), size=30, bold=True, gap=22)
        page.line(_("This is to certify that"), size=14)
        page.line(certificate.holder_name, size=26, bold=True, gap=14)
        page.line(_("has completed the course"), size=14)
        page.line(course.title, size=20, bold=True, gap=10)
        place = (
            _("online")
            if session.is_online
            else ", ".join(part for part in (session.city, session.country.name if session.country else "") if part)
        )
        page.line(
            ngettext(
                "{dates}, {place}, taught in {language} ({days} day)",
                "{dates}, {place}, taught in {language} ({days} days)",
                course.duration_days,
            ).format(
                dates=session_dates(session),
                place=place,
                language=session.get_language_display(),
                days=course.duration_days,
            ),
            size=12,
            gap=6,
        )
        page.line(course.get_programme_display(), size=12, gap=6)

        url = settings.TRAINING_PORTAL_URL.rstrip("/") + reverse("certificate_verify_code", args=[certificate.code])
        footer_x = 70 if not rtl else width - 70
        draw = pdf.drawString if not rtl else pdf.drawRightString
        pdf.setFont(REGULAR, 11)
        pdf.setFillColor(NAVY)
        draw(footer_x, 110, visual(_("Issued on {date}").format(date=date_format(certificate.issued_at.date()))))
        draw(footer_x, 92, visual(_("Verification code: {code}").format(code=ltr(certificate.display_code))))
        pdf.setFont(REGULAR, 9)
        draw(footer_x, 76, visual(_("Check it at {url}").format(url=ltr(url))))

        qr = QrCodeWidget(url)
        x0, y0, x1, y1 = qr.getBounds()
        size = 90
        drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
        drawing.add(qr)
        renderPDF.draw(drawing, pdf, (width - 70 - size) if not rtl else 70, 58)
        pdf.showPage()
        pdf.save()
    return buffer.getvalue()
