"""Demo data of the training app: the catalogue in four languages, sessions around today, enrolments in every
state for the demo officers, certificates and training needs. Idempotent: run it as often as you like.

Written straight to the models (not through the services) so that reloading sends no notifications; the seat
counts are recomputed at the end.
"""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from ncb.models import Country, Unit, User

from . import codes
from .choices import SEATED_STATUSES, Attendance, EnrolmentStatus, Priority
from .demo_catalogue import COURSES, TOPICS
from .models import Certificate, Course, Enrolment, Session, Topic, TrainingNeed

LANGUAGES = ("en", "fr", "es", "ar")
S = EnrolmentStatus

# course, language, online, city, country, venue, first day (days from today), capacity
SESSIONS = [
    ("CT-201", "fr", False, "Lyon", "FR", "General Secretariat", 35, 20),
    ("CT-201", "en", False, "Nairobi", "KE", "Regional Bureau for Eastern Africa", -70, 20),
    ("CYB-101", "en", True, "", None, "", 20, 40),
    ("CYB-101", "ar", True, "", None, "", 45, 40),
    ("CYB-301", "en", False, "Singapore", "SG", "Global Complex for Innovation", 60, 2),
    ("OC-202", "es", False, "Buenos Aires", "AR", "Command and Coordination Centre", 40, 24),
    ("DB-101", "es", True, "", None, "", 15, 50),
    ("DB-101", "fr", True, "", None, "", 25, 50),
    ("FOR-201", "ar", False, "Cairo", "EG", "National Police Academy", 50, 16),
    ("FOR-301", "en", False, "Lyon", "FR", "General Secretariat", 90, 12),
    ("CA-201", "ar", False, "Abu Dhabi", "AE", "Police College", -30, 18),
    ("CA-201", "en", True, "", None, "", 30, 25),
    ("FUG-201", "es", False, "Madrid", "ES", "Police Academy, Ávila campus", 55, 20),
    ("FUG-201", "en", False, "Bangkok", "TH", "Royal Thai Police training centre", -100, 20),
]

# participant, session (index in SESSIONS), status, attendance, reason
ENROLMENTS = [
    ("officer.ke", 2, S.APPLIED, "", ""),
    ("officer.th", 11, S.APPLIED, "", ""),
    ("officer.fr", 0, S.ENDORSED, "", ""),
    ("officer.ma", 0, S.ENDORSED, "", ""),
    ("officer.sg", 4, S.ACCEPTED, "", ""),
    ("officer.us", 4, S.ACCEPTED, "", ""),
    ("officer.ke", 4, S.WAITLISTED, "", ""),
    ("officer.th", 4, S.WAITLISTED, "", ""),
    ("officer.eg", 8, S.ACCEPTED, "", ""),
    ("officer.ar", 5, S.DECLINED, "", "Otro agente de la OCN ya asiste a esta sesión."),
    ("officer.es", 9, S.REJECTED, "", "FOR-201 is a prerequisite for this course."),
    ("officer.es", 6, S.WITHDRAWN, "", ""),
    ("officer.us", 12, S.CANCELLED, "", "The participant cannot travel on these dates."),
    ("officer.eg", 10, S.COMPLETED, Attendance.PRESENT, ""),
    ("officer.ae", 10, S.NOT_COMPLETED, Attendance.ABSENT, ""),
    ("officer.ke", 1, S.COMPLETED, Attendance.PRESENT, ""),
    ("officer.fr", 13, S.COMPLETED, Attendance.PARTIAL, ""),
]

# NCB, topic, officers, priority
NEEDS = [
    ("ke", "cryptocurrency", 6, Priority.HIGH),
    ("ke", "human-trafficking", 10, Priority.MEDIUM),
    ("ke", "environmental-crime", 8, Priority.HIGH),
    ("eg", "foreign-terrorist-fighters", 12, Priority.HIGH),
    ("eg", "digital-evidence", 5, Priority.MEDIUM),
    ("fr", "dvi", 4, Priority.LOW),
    ("ar", "environmental-crime", 5, Priority.MEDIUM),
    ("sg", "cryptocurrency", 8, Priority.HIGH),
    ("ma", "human-trafficking", 6, Priority.HIGH),
    ("us", "fugitive-tracing", 3, Priority.LOW),
    ("es", "ransomware", 5, Priority.MEDIUM),
    ("th", "operational-analysis", 4, Priority.MEDIUM),
    ("ae", "cbrne", 6, Priority.HIGH),
]


def _translated(field: str, values: dict[str, str]) -> dict[str, str]:
    return {field: values["en"], **{f"{field}_{language}": values[language] for language in LANGUAGES}}


def _catalogue() -> dict[str, Course]:
    topics = {}
    for code, (programme, names) in TOPICS.items():
        topics[code], _created = Topic.objects.update_or_create(
            code=code, defaults={"programme": programme, **_translated("name", names)}
        )
    courses = {}
    for spec in COURSES:
        course, _created = Course.objects.update_or_create(
            code=spec["code"],
            defaults={
                "programme": spec["programme"],
                "level": spec["level"],
                "format": spec["format"],
                "duration_days": spec["days"],
                "is_published": True,
                **_translated("title", spec["title"]),
                **_translated("description", spec["description"]),
                **_translated("objectives", spec["objectives"]),
            },
        )
        course.topics.set([topics[code] for code in spec["topics"]])
        courses[spec["code"]] = course
    return courses


def _sessions(courses: dict[str, Course], trainer: User | None) -> list[Session]:
    today = timezone.localdate()
    countries = {country.iso2: country for country in Country.objects.filter(iso2__in={s[4] for s in SESSIONS if s[4]})}
    sessions = []
    for code, language, online, city, iso2, venue, offset, capacity in SESSIONS:
        course = courses[code]
        starts_on = today + timedelta(days=offset)
        session, _created = Session.objects.update_or_create(
            course=course,
            language=language,
            is_online=online,
            city=city,
            defaults={
                "starts_on": starts_on,
                "ends_on": starts_on + timedelta(days=course.duration_days - 1),
                "enrolment_deadline": starts_on - timedelta(days=14),
                "venue": venue,
                "country": countries.get(iso2),
                "capacity": capacity,
                "cancelled_at": None,
                "cancel_reason": "",
            },
        )
        if trainer is not None:
            session.trainers.set([trainer])
        sessions.append(session)
    return sessions


def _enrolments(sessions: list[Session], trainer: User | None) -> int:
    users = {user.username: user for user in User.objects.filter(username__startswith="officer.")}
    heads = {user.username: user for user in User.objects.filter(username__startswith="head.")}
    now = timezone.now()
    created = 0
    for position, (username, index, status, attendance, reason) in enumerate(ENROLMENTS):
        participant = users.get(username)
        if participant is None or participant.unit_id is None:
            continue
        session = sessions[index]
        endorsed = status not in (S.APPLIED,)
        decided = status not in (S.APPLIED, S.ENDORSED, S.DECLINED, S.WITHDRAWN)
        head = heads.get(username.replace("officer.", "head."))
        # The first row of the pair is the demo's (an officer may have re-applied since): reset it.
        enrolment = Enrolment.objects.filter(session=session, participant=participant).order_by(
            "id"
        ).first() or Enrolment(session=session, participant=participant)
        was_created = enrolment.pk is None
        for field, value in {
            "ncb_id": participant.unit_id,
            "status": status,
            "attendance": attendance,
            "reason": reason,
            "motivation": "Demo application.",
            "endorsed_by": head if endorsed else None,
            "endorsed_at": now if endorsed else None,
            "decided_by": trainer if decided else None,
            "decided_at": now if decided else None,
            "waitlisted_at": now + timedelta(seconds=position) if status == S.WAITLISTED else None,
            "closed_at": now if status in (S.WITHDRAWN, S.CANCELLED) else None,
            "completed_at": now if status in (S.COMPLETED, S.NOT_COMPLETED) else None,
        }.items():
            setattr(enrolment, field, value)
        enrolment.save()
        created += was_created
        if status == S.COMPLETED:
            Certificate.objects.get_or_create(
                enrolment=enrolment,
                defaults={
                    "code": codes.new_code(),
                    "language": participant.preferred_language,
                    "holder_name": participant.get_full_name() or participant.username,
                },
            )
    return created


def _recount_seats(sessions: list[Session]) -> None:
    counted = Session.objects.filter(pk__in=[s.pk for s in sessions]).annotate(
        seated=Count("enrolments", filter=Q(enrolments__status__in=SEATED_STATUSES))
    )
    for session in counted:
        Session.objects.filter(pk=session.pk).update(seats_taken=session.seated)


def _needs() -> None:
    topics = {topic.code: topic for topic in Topic.objects.all()}
    for cc, topic_code, officers, priority in NEEDS:
        ncb = Unit.objects.filter(code=f"ncb-{cc}").first()
        head = User.objects.filter(username=f"head.{cc}").first()
        if ncb is None or head is None:
            continue
        TrainingNeed.objects.update_or_create(
            ncb=ncb, topic=topics[topic_code], defaults={"officers": officers, "priority": priority, "stated_by": head}
        )


def load(stdout=None) -> None:
    trainer = User.objects.filter(username="trainer").first()
    if trainer is not None and not trainer.is_staff:
        # The coordinator edits the catalogue in the admin (the group's permissions come from migration 0002).
        trainer.is_staff = True
        trainer.save(update_fields=["is_staff"])
    courses = _catalogue()
    sessions = _sessions(courses, trainer)
    created = _enrolments(sessions, trainer)
    _recount_seats(sessions)
    _needs()
    if stdout:
        stdout.write(f"  training: {len(courses)} courses, {len(sessions)} sessions, {created} new enrolments")
