"""Factories of the training app's models."""

from datetime import timedelta

import factory
from django.utils import timezone

from ncb.models import Country
from training.choices import EnrolmentStatus
from training.models import Course, Enrolment, Session, Topic


def days(n: int):
    return timezone.localdate() + timedelta(days=n)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"topic-{n}")
    name = factory.LazyAttribute(lambda topic: topic.code.replace("-", " ").title())
    name_en = factory.SelfAttribute("name")
    programme = "cybercrime"


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course
        django_get_or_create = ("code",)
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"TST-{n:03d}")
    title = factory.Sequence(lambda n: f"Test course {n}")
    title_en = factory.SelfAttribute("title")
    title_fr = factory.Sequence(lambda n: f"Cours d'essai {n}")
    title_es = factory.Sequence(lambda n: f"Curso de prueba {n}")
    title_ar = "دورة في التحقيق في الجرائم السيبرانية"
    description = "What the course is about."
    description_en = factory.SelfAttribute("description")
    objectives = "First objective\nSecond objective"
    objectives_en = factory.SelfAttribute("objectives")
    programme = "cybercrime"
    level = "introductory"
    format = "classroom"
    duration_days = 5

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.set(extracted)


class SessionFactory(factory.django.DjangoModelFactory):
    """An upcoming classroom session, open for applications (deadline in 20 days, first day in 30)."""

    class Meta:
        model = Session

    course = factory.SubFactory(CourseFactory)
    starts_on = factory.LazyFunction(lambda: days(30))
    ends_on = factory.LazyAttribute(lambda session: session.starts_on + timedelta(days=4))
    enrolment_deadline = factory.LazyAttribute(lambda session: min(session.starts_on, days(20)))
    language = "en"
    is_online = False
    city = "Lyon"
    country = factory.LazyFunction(lambda: Country.objects.get(iso2="FR"))
    capacity = 10


class EnrolmentFactory(factory.django.DjangoModelFactory):
    """An enrolment put straight into a state (the services are tested separately); keep seats_taken in step
    with `seated()` below when creating accepted ones."""

    class Meta:
        model = Enrolment

    session = factory.SubFactory(SessionFactory)
    participant = None
    ncb = factory.LazyAttribute(lambda enrolment: enrolment.participant.unit)
    status = EnrolmentStatus.APPLIED
    waitlisted_at = factory.LazyAttribute(
        lambda enrolment: timezone.now() if enrolment.status == EnrolmentStatus.WAITLISTED else None
    )


def seated(session: Session) -> Session:
    """Recount the seats of a session whose enrolments were made with the factory."""
    from training.choices import SEATED_STATUSES

    session.seats_taken = session.enrolments.filter(status__in=SEATED_STATUSES).count()
    Session.objects.filter(pk=session.pk).update(seats_taken=session.seats_taken)
    return session
