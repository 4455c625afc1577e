"""Factories of notices and diffusions. `NoticeFactory()` is a complete Red Notice draft of the French NCB."""

import datetime as dt
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from ncb.models import Country, Unit
from notices.choices import JudicialBasis, NoticeStatus, NoticeType, Sex
from notices.models import Diffusion, Notice
from notices.services.extracts import public_extract_build
from notices.services.review import control_number_next
from tests.ncb.factories import UserFactory


def photo_upload(name: str = "photo.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 50), (120, 120, 120)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def country(iso2: str) -> Country:
    return Country.objects.get(iso2=iso2.upper())


class NoticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notice
        skip_postgeneration_save = True

    owner = factory.LazyFunction(lambda: Unit.objects.get(code="ncb-fr"))
    created_by = factory.LazyAttribute(lambda o: UserFactory(unit=o.owner, roles=["ncb_officer"]))
    notice_type = NoticeType.RED
    language = "en"
    family_name = "DUPONT"
    given_names = "Jean"
    sex = Sex.MALE
    date_of_birth = dt.date(1980, 5, 12)
    place_of_birth = "Lyon"
    physical_description_en = "Tall, brown hair."
    distinguishing_marks_en = "Scar on the left hand."
    summary_of_facts_en = "Armed robbery of a jewellery shop; SECRET-FACTS-MARKER."
    facts_date = dt.date(2024, 3, 1)
    facts_place = "Paris"
    charges_en = "Armed robbery"
    law = "Article 311-8 of the Penal Code"
    judicial_basis = JudicialBasis.PROSECUTION
    maximum_penalty_months = 240
    warrant_reference = "WARRANT-SECRET-123"
    warrant_issued_on = dt.date(2024, 3, 10)
    warrant_authority = "Investigating judge, Paris"
    warrant_country = factory.LazyFunction(lambda: country("fr"))
    height_cm = 182
    weight_kg = 80
    languages_spoken = ["FRE"]

    @factory.post_generation
    def nationalities(self, create, extracted, **kwargs):
        self.nationalities.set([country(code) for code in (extracted if extracted is not None else ["FR"])])


def published(notice: Notice, *, consent: bool = False, when=None) -> Notice:
    """Put a notice straight into the published state (bypassing the workflow, for read-side tests)."""
    when = when or timezone.now()
    notice.status = NoticeStatus.PUBLISHED
    notice.published_at = when
    notice.expires_at = when.replace(year=when.year + 5)
    notice.entity_id = notice.entity_id or control_number_next(when.year)
    notice.public_consent = consent
    notice.save()
    public_extract_build(notice)
    return notice


def in_status(status: str, **kwargs) -> Notice:
    """A notice already in `status`, with the dates that status implies."""
    now = timezone.now()
    notice = NoticeFactory(**kwargs)
    if status == NoticeStatus.PUBLISHED:
        return published(notice, consent=notice.public_consent)
    notice.status = status
    if status in (NoticeStatus.SUBMITTED, NoticeStatus.UNDER_REVIEW):
        notice.submitted_at = now
    if status == NoticeStatus.UNDER_REVIEW:
        notice.review_started_at = now
    notice.save()
    return notice


class DiffusionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Diffusion
        skip_postgeneration_save = True

    owner = factory.LazyFunction(lambda: Unit.objects.get(code="ncb-fr"))
    sent_by = factory.LazyAttribute(lambda o: UserFactory(unit=o.owner, roles=["ncb_officer"]))
    diffusion_type = NoticeType.BLUE
    language = "en"
    family_name = "MARTIN"
    given_names = "Paul"
    summary_of_facts_en = "Seen near the border."
    restriction = "only"

    @factory.post_generation
    def to(self, create, extracted, **kwargs):
        """Addressed countries (ISO codes); `to=None` with restriction="all" for every country."""
        if extracted:
            self.restriction_countries.set([country(code) for code in extracted])
