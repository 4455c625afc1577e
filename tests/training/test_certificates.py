"""Certificates: the PDF in the holder's language (Arabic shaped), downloads, the public verification page."""

import io
import unicodedata

import pytest
from django.urls import reverse

from ncb.models import AuditEntry
from tests.training.factories import EnrolmentFactory, SessionFactory, days
from training import codes
from training.certificate_pdf import CertificateFontMissing, certificate_pdf, register_fonts
from training.choices import EnrolmentStatus
from training.models import Certificate

pytestmark = pytest.mark.django_db
pypdf = pytest.importorskip("pypdf")


def _certificate(participant, *, language=None, code=None, **session_kwargs) -> Certificate:
    session = SessionFactory(starts_on=days(-5), ends_on=days(-1), enrolment_deadline=days(-20), **session_kwargs)
    enrolment = EnrolmentFactory(session=session, participant=participant, status=EnrolmentStatus.COMPLETED)
    return Certificate.objects.create(
        enrolment=enrolment,
        code=code or codes.new_code(),
        language=language or participant.preferred_language,
        holder_name=participant.get_full_name() or participant.username,
    )


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    # Shaped Arabic comes out as presentation forms; NFKC folds them back to the letters that were typed.
    return unicodedata.normalize("NFKC", "\n".join(page.extract_text() for page in reader.pages))


def test_the_pdf_of_an_arabic_speaking_participant_has_the_name_and_title_in_arabic(officer_eg):
    certificate = _certificate(officer_eg)
    pdf = certificate_pdf(certificate)

    assert pdf.startswith(b"%PDF")
    text = _text(pdf)
    assert "أحمد حسن" in text
    assert certificate.enrolment.session.course.title_ar in text
    assert certificate.display_code in text
    assert "/ar/training/certificates/verify/" in text


@pytest.mark.parametrize("code", ["5533Y2P62J80G9Q8", "AB33Y2P62J80G9Q8", "2345678923456789"])
def test_the_arabic_pdf_keeps_the_code_and_the_address_in_their_order(settings, officer_eg, code):
    """A code starting with digits had its groups reordered around the hyphens in an Arabic line, and the
    address's last slash moved to its front."""
    settings.TRAINING_PORTAL_URL = "https://portal.example.org/"
    certificate = _certificate(officer_eg, code=code)
    text = _text(certificate_pdf(certificate))

    assert certificate.display_code in text
    assert f"https://portal.example.org/ar/training/certificates/verify/{code}/" in text


def test_arabic_is_shaped_into_joined_letter_forms(officer_eg):
    """Unshaped Arabic would be drawn as isolated letters; the shaped PDF uses the contextual forms."""
    raw = pypdf.PdfReader(io.BytesIO(certificate_pdf(_certificate(officer_eg)))).pages[0].extract_text()
    assert any("\ufe70" <= char <= "\ufeff" for char in raw)


def test_the_pdf_of_a_french_speaking_participant_has_the_french_title(officer_fr2):
    certificate = _certificate(officer_fr2)
    text = _text(certificate_pdf(certificate))
    assert "Claire Martin" in text
    assert certificate.enrolment.session.course.title_fr in text
    assert "/fr/training/certificates/verify/" in text


def test_a_missing_font_gives_a_clear_error(settings, officer_fr):
    register_fonts.cache_clear()
    settings.TRAINING_CERTIFICATE_FONT = "/nonexistent/NoSuchFont.ttf"
    try:
        with pytest.raises(CertificateFontMissing, match="fonts-dejavu-core"):
            certificate_pdf(_certificate(officer_fr))
    finally:
        register_fonts.cache_clear()


def test_a_missing_font_sends_the_holder_back_with_a_message(settings, client, officer_fr):
    certificate = _certificate(officer_fr)
    register_fonts.cache_clear()
    settings.TRAINING_CERTIFICATE_FONT = "/nonexistent/NoSuchFont.ttf"
    client.force_login(officer_fr)
    try:
        response = client.get(reverse("training_certificate_pdf", args=[certificate.pk]), follow=True)
    finally:
        register_fonts.cache_clear()
    assert response.redirect_chain[-1][0].endswith(reverse("training_my_certificates"))
    assert "fonts-dejavu-core" in response.content.decode()


# --- download -------------------------------------------------------------------------------------------------


def test_the_holder_downloads_the_pdf_and_it_is_audited(client, officer_eg):
    certificate = _certificate(officer_eg)
    client.force_login(officer_eg)
    response = client.get(reverse("training_certificate_pdf", args=[certificate.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert AuditEntry.objects.filter(action="training.certificate.download", actor=officer_eg).exists()


def test_the_coordinator_may_download_any_certificate(client, officer_fr, coordinator):
    client.force_login(coordinator)
    response = client.get(reverse("training_certificate_pdf", args=[_certificate(officer_fr).pk]))
    assert response.status_code == 200


def test_another_officer_may_not_download_someone_elses_certificate(client, officer_fr, officer_fr2, head_fr):
    certificate = _certificate(officer_fr)
    for user in (officer_fr2, head_fr):
        client.force_login(user)
        assert client.get(reverse("training_certificate_pdf", args=[certificate.pk])).status_code == 403


# --- public verification --------------------------------------------------------------------------------------


def _verify(client, code, address="198.51.100.7"):
    return client.get(reverse("certificate_verify_code", args=[code]), REMOTE_ADDR=address)


def test_anyone_can_check_a_valid_certificate_and_sees_only_name_course_date_and_validity(client, officer_eg):
    certificate = _certificate(officer_eg)
    response = _verify(client, certificate.code, "198.51.100.1")

    assert response.status_code == 200
    html = response.content.decode()
    assert "أحمد حسن" in html
    assert certificate.enrolment.session.course.title_en in html
    assert "Valid certificate" in html
    # Nothing else about the holder: no account, NCB, e-mail, or enrolment details.
    for secret in (officer_eg.username, officer_eg.email, officer_eg.unit.name, "Demo application"):
        assert secret not in html
    assert 'name="robots" content="noindex' in html
    assert AuditEntry.objects.filter(action="training.certificate.verify", outcome="valid").exists()


def test_the_check_accepts_the_code_as_typed_from_paper(client, officer_fr):
    certificate = _certificate(officer_fr)
    typed = certificate.display_code.lower().replace("0", "o").replace("1", "l")
    response = client.get(reverse("certificate_verify"), {"code": typed}, REMOTE_ADDR="198.51.100.2")
    assert response.status_code == 200
    assert certificate.holder_name in response.content.decode()


def test_a_revoked_certificate_is_shown_as_revoked(client, officer_fr, coordinator):
    from training.services import certificate_revoke

    certificate = certificate_revoke(coordinator=coordinator, certificate=_certificate(officer_fr), reason="Fraud")
    html = _verify(client, certificate.code, "198.51.100.3").content.decode()
    assert "revoked" in html
    assert "Fraud" not in html


def test_an_unknown_code_says_so_with_404(client):
    response = _verify(client, "ABCD-EFGH-JKMN-PQRS", "198.51.100.4")
    assert response.status_code == 404
    assert "No certificate has this code" in response.content.decode()


def test_the_check_is_rate_limited_per_address(client, settings, officer_fr):
    from django.core.cache import cache

    cache.clear()  # a run of this file less than a minute ago left its window open in Redis
    settings.TRAINING_VERIFY_PER_MINUTE = 3
    certificate = _certificate(officer_fr)
    statuses = [_verify(client, certificate.code, "198.51.100.99").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    # Another address is not affected.
    assert _verify(client, certificate.code, "198.51.100.98").status_code == 200


def test_the_empty_check_page_is_public_and_not_rate_limited(client, settings):
    settings.TRAINING_VERIFY_PER_MINUTE = 1
    for _ in range(3):
        assert client.get(reverse("certificate_verify"), REMOTE_ADDR="198.51.100.50").status_code == 200


# --- codes ----------------------------------------------------------------------------------------------------


def test_codes_are_80_random_bits_without_confusable_letters():
    drawn = {codes.new_code() for _ in range(2000)}
    assert len(drawn) == 2000
    assert all(len(code) == 16 and set(code) <= set(codes.ALPHABET) for code in drawn)
    assert not set("ILOU") & set(codes.ALPHABET)


def test_code_normalization():
    assert codes.normalize_code(" 7kqx-3m9p a2bc-d4ef ") == "7KQX3M9PA2BCD4EF"
    assert codes.normalize_code("O1L0") == "0110"
    assert not codes.is_well_formed("SHORT")
