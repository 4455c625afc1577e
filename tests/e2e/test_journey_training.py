"""Journeys 5 and 7: enrolment through to the certificate; an Arabic course title edited in the admin."""

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def one_day_session(demo_data):
    """A one-day session today: applications still open, completion recordable at the end of the day."""
    from training.models import Course, Session

    today = timezone.localdate()
    course = Course.objects.filter(is_published=True).order_by("code").first()
    return Session.objects.create(
        course=course,
        starts_on=today,
        ends_on=today,
        enrolment_deadline=today,
        language="en",
        city="Nairobi",
        venue="Regional Bureau",
        capacity=12,
    )


def test_officer_enrols_head_endorses_trainer_accepts_and_the_certificate_is_downloaded(
    journey, one_day_session, settings
):
    password = settings.DEMO_PASSWORD
    session_path = f"/en/training/sessions/{one_day_session.pk}/"

    officer = journey("j5-officer-ke", "en")
    officer.login("officer.ke", password)
    officer.goto(session_path)
    officer.snap("session")
    officer.page.get_by_role("button", name="Apply for this session").click()
    officer.page.wait_for_load_state("networkidle")
    officer.goto("/en/training/my/enrolments/")
    assert one_day_session.course.title in officer.page.content()
    officer.snap("my-enrolments")

    head = journey("j5-head-ke", "en")
    head.login("head.ke", password)
    head.goto("/en/training/ncb/endorsements/")
    head.snap("endorsements")
    row = head.page.locator("tr", has_text=one_day_session.course.title).filter(has_text="Wanjiru")
    row.get_by_role("button", name="Endorse").click()
    head.page.wait_for_load_state("networkidle")

    trainer = journey("j5-trainer", "en")
    trainer.login("trainer", password)
    trainer.goto(f"/en/training/coordinator/sessions/{one_day_session.pk}/")
    trainer.snap("applicants")
    trainer.page.get_by_role("button", name="Accept").first.click()
    trainer.page.wait_for_load_state("networkidle")
    trainer.page.locator("select[name=attendance]").first.select_option("present")
    trainer.page.get_by_role("button", name="Record").first.click()
    trainer.page.wait_for_load_state("networkidle")
    trainer.page.get_by_role("button", name="Completed").first.click()
    trainer.page.wait_for_load_state("networkidle")
    trainer.snap("completed")

    officer.goto("/en/training/my/certificates/")
    officer.snap("certificates")
    link = officer.page.locator("a[href$='certificate.pdf']").first
    with officer.page.expect_download() as download_info:
        link.click()
    download = download_info.value
    path = download.path()
    with open(path, "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_admin_edits_a_course_arabic_title_and_the_arabic_officer_sees_it(journey, demo_data, settings):
    from training.models import Course

    course = Course.objects.filter(is_published=True).order_by("code").first()
    new_title = "دورة التحقيق في الجرائم السيبرانية المتقدمة"

    admin = journey("j7-admin", "en")
    admin.login("admin", settings.DEMO_PASSWORD)
    admin.goto(f"/en/admin/training/course/{course.pk}/change/")
    admin.page.fill("input[name=title_ar]", new_title)
    admin.page.click("input[name=_save]")
    admin.page.wait_for_load_state("networkidle")
    assert "was changed successfully" in admin.page.content()

    officer = journey("j7-officer-eg", "ar")
    officer.login("officer.eg", settings.DEMO_PASSWORD)
    officer.goto(f"/ar/training/courses/{course.pk}/")
    assert officer.page.get_attribute("html", "dir") == "rtl"
    assert new_title in officer.page.content()
    officer.snap("course-in-arabic")


def test_an_arabic_page_shows_a_code_that_starts_with_digits_in_its_order(journey, transactional_db):
    """In a right-to-left line, "5533-Y2P6-2J80-G9Q8" was drawn as "Y2P6-2J80-G9Q8-5533": the holder's code did
    not match the one on the page."""
    from ncb.models import Unit
    from tests.ncb.factories import UserFactory
    from tests.training.factories import EnrolmentFactory, SessionFactory, days
    from training.choices import EnrolmentStatus
    from training.models import Certificate

    participant = UserFactory(unit=Unit.objects.get(code="ncb-eg"), roles=["ncb_officer"], preferred_language="ar")
    session = SessionFactory(starts_on=days(-5), ends_on=days(-1), enrolment_deadline=days(-20))
    enrolment = EnrolmentFactory(session=session, participant=participant, status=EnrolmentStatus.COMPLETED)
    certificate = Certificate.objects.create(
        enrolment=enrolment, code="5533Y2P62J80G9Q8", language="ar", holder_name="أحمد حسن"
    )

    visitor = journey("code-order-ar", "ar")
    visitor.goto(f"/ar/training/certificates/verify/{certificate.code}/")
    assert visitor.page.get_attribute("html", "dir") == "rtl"
    visitor.snap("verified")
    # Read the code back in the order its characters stand on the screen, left to right.
    shown = visitor.page.locator("dd code").evaluate(
        """element => {
            const text = element.firstChild;
            const boxes = [...text.data].map((_, i) => {
                const range = document.createRange();
                range.setStart(text, i);
                range.setEnd(text, i + 1);
                return {char: text.data[i], x: range.getBoundingClientRect().x};
            });
            return boxes.sort((a, b) => a.x - b.x).map(box => box.char).join("");
        }"""
    )
    assert shown == "5533-Y2P6-2J80-G9Q8"
