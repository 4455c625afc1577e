"""What each id-taking URL needs for the access walk: how to build an object of its kind owned by ncb-fr, and
which roles may use the view at all.

A builder takes the restriction to put on the record ("all", "only" or "all_except") and the listed countries,
and returns Built objects: the URL's kwargs, a secret string the response must never show to an intruder,
and the object (compared before and after, so a refused POST changed nothing).
"""

import io
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from ncb.models import Country, Unit
from ncb.roles import Role

NCB = frozenset({Role.NCB_OFFICER, Role.NCB_HEAD})
CCC = frozenset({Role.CCC_DUTY_OFFICER, Role.CCC_SUPERVISOR})
READ = NCB | CCC | {Role.NOTICES_REVIEWER}
VIEW = READ | {Role.CRIMINAL_ANALYST}
NOBODY = frozenset()
DATABASES = ("persons", "travel-documents", "vehicles", "artworks", "firearms")


@dataclass
class Built:
    kwargs: dict
    secret: str
    obj: object = None


@dataclass
class Target:
    build: Callable[[str, list[str]], list[Built]]
    # Roles that may use the view (on a record they may see); every other role is refused.
    allowed: frozenset = NOBODY
    # Only the owner NCB (or the owner user) may use it: other NCBs are refused even on an unrestricted record.
    owner_only: bool = False
    # A public URL: only the anonymous visitor is tried, and a record that is not public must answer 404.
    public: bool = False
    skip_reason: str = field(default="")


def secret() -> str:
    return f"SECRET{uuid.uuid4().hex[:10].upper()}"


def fr() -> Unit:
    return Unit.objects.get(code="ncb-fr")


def restrict(record, restriction: str, countries: list[str]):
    type(record).objects.filter(pk=record.pk).update(restriction=restriction)
    record.restriction = restriction
    record.restriction_countries.set(Country.objects.filter(iso2__in=countries))
    return record


def png(name: str = "photo.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 50), (120, 120, 120)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def officer_fr():
    from tests.ncb.factories import UserFactory

    return UserFactory(unit=fr(), roles=["ncb_officer", "ncb_head"], username="rel.owner.fr")


# --- databases ------------------------------------------------------------------------------------------------


def record(database: str, restriction: str, countries: list[str]):
    from tests.databases.factories import (
        ArtworkFactory,
        FirearmFactory,
        PersonFactory,
        TravelDocumentFactory,
        VehicleFactory,
    )

    factories = {
        "persons": PersonFactory,
        "travel-documents": TravelDocumentFactory,
        "vehicles": VehicleFactory,
        "artworks": ArtworkFactory,
        "firearms": FirearmFactory,
    }
    return restrict(factories[database](owner=fr(), reference=secret()), restriction, countries)


def records(restriction, countries, databases=DATABASES):
    built = []
    for database in databases:
        item = record(database, restriction, countries)
        built.append(Built({"database": database, "pk": item.pk}, item.reference, item))
    return built


def api_records(database):
    def build(restriction, countries):
        item = record(database, restriction, countries)
        return [Built({"pk": item.pk}, item.reference, item)]

    return build


def photos(restriction, countries):
    from databases.services import photo_add

    built = []
    for database in ("persons", "artworks"):
        item = record(database, restriction, countries)
        picture = photo_add(record=item, upload=png(), actor=officer_fr())
        for size in ("full", "thumb"):
            kwargs = {"database": database, "pk": item.pk, "photo_id": picture.pk, "size": size}
            built.append(Built(kwargs, item.reference, item))
    return built


def photo_upload(restriction, countries):
    return records(restriction, countries, databases=("persons", "artworks"))


def hit(restriction, countries):
    from databases.models import Hit

    item = record("persons", restriction, countries)
    source = record("persons", "all", [])
    found = Hit.objects.create(
        database="persons",
        record_id=item.pk,
        record_owner_id=item.owner_id,
        record_reference=item.reference,
        source_database="persons",
        source_record_id=source.pk,
        unit=fr(),
        query_key=f"persons:{source.pk}",
        rule="test",
        score=0.9,
    )
    return [Built({"pk": found.pk}, item.reference, found)]


def import_job(restriction, countries):
    from databases.models import ImportJob

    name = secret() + ".csv"
    job = ImportJob.objects.create(
        database="persons", owner=fr(), file=SimpleUploadedFile(name, b"reference\n"), file_name=name
    )
    return [Built({"pk": job.pk}, name, job)]


def screening_job(restriction, countries):
    from databases.models import ScreeningJob

    job = ScreeningJob.objects.create(owner=fr(), name=secret(), threshold=0.8)
    return [Built({"pk": job.pk}, job.name, job)]


# --- notices --------------------------------------------------------------------------------------------------


def notice(restriction, countries):
    from tests.notices.factories import NoticeFactory, published

    item = NoticeFactory(owner=fr(), family_name=secret(), photo=png(), public_consent=False)
    item = published(item, consent=False)
    restrict(item, restriction, countries)
    return [Built({"pk": item.pk}, item.family_name, item)]


def draft_notice(restriction, countries):
    """Requests the owner edits and submits: a draft (never leaves its NCB, whatever the restriction)."""
    from tests.notices.factories import NoticeFactory

    item = NoticeFactory(owner=fr(), family_name=secret(), photo=png())
    restrict(item, restriction, countries)
    return [Built({"pk": item.pk}, item.family_name, item)]


def public_notice(restriction, countries):
    """A published notice whose NCB did not consent to publication, and a draft: neither is public."""
    from tests.notices.factories import NoticeFactory, published

    hidden = published(NoticeFactory(owner=fr(), family_name=secret(), photo=png()), consent=False)
    return [Built({"url_id": hidden.entity_id.replace("/", "-")}, hidden.family_name, hidden)]


def public_notice_page(restriction, countries):
    built = public_notice(restriction, countries)[0]
    built.kwargs["notice_type"] = built.obj.notice_type
    return [built]


def diffusion(restriction, countries):
    from notices.choices import DiffusionStatus
    from tests.notices.factories import DiffusionFactory

    item = DiffusionFactory(owner=fr(), family_name=secret(), photo=png(), status=DiffusionStatus.CIRCULATING)
    restrict(item, restriction, countries)
    return [Built({"pk": item.pk}, item.family_name, item)]


# --- ccc ------------------------------------------------------------------------------------------------------


def _case():
    from tests.ccc.factories import CaseFactory, MessageFactory, ThreadFactory

    summary = secret()
    case = CaseFactory(summary=summary)
    thread = ThreadFactory(case=case, ncb=fr())
    message = MessageFactory(thread=thread, body=summary)
    return case, thread, message


def case(restriction, countries):
    found, _thread, _message = _case()
    return [Built({"pk": found.pk}, found.summary, found)]


def case_thread(restriction, countries):
    found, thread, _message = _case()
    return [Built({"pk": found.pk, "thread_id": thread.pk}, found.summary, found)]


def attachment(restriction, countries):
    from ccc.models import Attachment

    _found, _thread, message = _case()
    name = secret() + ".txt"
    content = (name + "\n").encode()
    item = Attachment.objects.create(
        message=message,
        file=SimpleUploadedFile(name, content),
        name=name,
        content_type="text/plain",
        size=len(content),
    )
    return [Built({"pk": item.pk}, name, item)]


# --- training -------------------------------------------------------------------------------------------------


def unpublished_course(restriction, countries):
    from tests.training.factories import CourseFactory

    title = secret()
    course = CourseFactory(title=title, title_en=title, is_published=False)
    return [Built({"pk": course.pk}, title, course)]


def unpublished_session(restriction, countries):
    from tests.training.factories import CourseFactory, SessionFactory

    title = secret()
    session = SessionFactory(course=CourseFactory(title=title, title_en=title, is_published=False), city=title)
    return [Built({"pk": session.pk}, title, session)]


def enrolment(restriction, countries, status="applied"):
    from tests.training.factories import CourseFactory, EnrolmentFactory, SessionFactory

    title = secret()
    session = SessionFactory(course=CourseFactory(title=title, title_en=title))
    item = EnrolmentFactory(session=session, participant=officer_fr(), status=status, motivation=title)
    return [Built({"pk": item.pk}, title, item)]


def certificate(restriction, countries):
    from tests.training.factories import CourseFactory, EnrolmentFactory, SessionFactory, days
    from training.models import Certificate

    title = secret()
    past = SessionFactory(
        course=CourseFactory(title=title, title_en=title),
        starts_on=days(-5),
        ends_on=days(-1),
        enrolment_deadline=days(-9),
    )
    done = EnrolmentFactory(session=past, participant=officer_fr(), status="completed")
    item = Certificate.objects.create(
        enrolment=done, code=uuid.uuid4().hex[:16].upper(), language="en", holder_name=title
    )
    return [Built({"pk": item.pk}, title, item)]


# --- ncb ------------------------------------------------------------------------------------------------------


def api_token(restriction, countries):
    from ncb.services import api_token_create

    name = secret()
    token, _key = api_token_create(user=officer_fr(), name=name, expires_at=timezone.now() + timedelta(days=1))
    return [Built({"pk": token.pk}, name, token)]


# URL name -> what to build. A new id-taking URL fails test_every_id_route_is_known until it is added here.
TARGETS: dict[str, Target] = {
    # databases pages
    "databases:record_detail": Target(records, READ),
    "databases:record_edit": Target(records, NCB, owner_only=True),
    "databases:record_restrict": Target(records, NCB, owner_only=True),
    "databases:record_close": Target(records, NCB, owner_only=True),
    "databases:record_review": Target(records, NCB, owner_only=True),
    "databases:photo_upload": Target(photo_upload, NCB, owner_only=True),
    "databases:photo": Target(photos, READ),
    "databases:hit_review": Target(hit, NCB, owner_only=True),
    "databases:import_detail": Target(import_job, NCB, owner_only=True),
    "databases:screening_job": Target(screening_job, NCB, owner_only=True),
    "databases:screening_job_cancel": Target(screening_job, NCB, owner_only=True),
    "databases:screening_job_export": Target(screening_job, NCB, owner_only=True),
    # databases API
    **{f"api-{database}-detail": Target(api_records(database), READ) for database in DATABASES},
    "api_screening_job": Target(screening_job, NCB, owner_only=True),
    "api_screening_job_cancel": Target(screening_job, NCB, owner_only=True),
    # notices pages
    "notices:detail": Target(notice, VIEW),
    "notices:photo": Target(notice, VIEW),
    "notices:translate": Target(notice, VIEW),
    "notices:cancel": Target(notice, VIEW),
    "notices:edit": Target(draft_notice, NCB, owner_only=True),
    "notices:submit": Target(draft_notice, NCB, owner_only=True),
    "notices:approve": Target(draft_notice, NCB, owner_only=True),
    "notices:return": Target(draft_notice, NCB, owner_only=True),
    "notices:extend": Target(notice, NCB, owner_only=True),
    "notices:public_consent": Target(notice, NCB, owner_only=True),
    "notices:review": Target(draft_notice, frozenset({Role.NOTICES_REVIEWER})),
    "notices:diffusion_detail": Target(diffusion, VIEW),
    "notices:diffusion_photo": Target(diffusion, VIEW),
    "notices:diffusion_review": Target(diffusion, frozenset({Role.NOTICES_REVIEWER})),
    # notices API
    "api_notice_detail": Target(notice, VIEW),
    "api_notice_submit": Target(draft_notice, VIEW, owner_only=True),
    "api_diffusion_detail": Target(diffusion, VIEW),
    # public notices: a notice without the owner's consent is not public
    "public_notice_photo": Target(public_notice, public=True),
    "notices:public_detail": Target(public_notice_page, public=True),
    # ccc pages
    **{
        f"ccc:{name}": Target(case, CCC)
        for name in ("case_detail", "case_claim", "case_release", "case_resolve", "case_close", "case_note")
    },
    "ccc:case_ncb_add": Target(case, CCC),
    "ccc:case_message": Target(case_thread, CCC),
    "ccc:attachment_download": Target(attachment, CCC | NCB, owner_only=True),
    "ccc:ncb_case_detail": Target(case, NCB, owner_only=True),
    # ccc API
    "ccc_api:case_detail": Target(case, NCB, owner_only=True),
    "ccc_api:case_messages": Target(case, NCB, owner_only=True),
    "ccc_api:attachment_content": Target(attachment, NCB, owner_only=True),
    # training pages
    "training_course": Target(unpublished_course, frozenset({Role.TRAINING_COORDINATOR})),
    "training_session": Target(unpublished_session, frozenset({Role.TRAINING_COORDINATOR})),
    "training_apply": Target(unpublished_session, NCB, owner_only=True),
    "training_withdraw": Target(enrolment, NCB, owner_only=True),
    "training_certificate_pdf": Target(certificate, frozenset({Role.TRAINING_COORDINATOR}), owner_only=True),
    "training_endorse": Target(enrolment, frozenset({Role.NCB_HEAD}), owner_only=True),
    "training_decline": Target(enrolment, frozenset({Role.NCB_HEAD}), owner_only=True),
    "training_coordinator_session": Target(unpublished_session, frozenset({Role.TRAINING_COORDINATOR})),
    "training_session_cancel": Target(unpublished_session, frozenset({Role.TRAINING_COORDINATOR})),
    # training API
    "api_training_course": Target(unpublished_course, frozenset({Role.TRAINING_COORDINATOR})),
    "api_training_enrolment": Target(enrolment, NOBODY, owner_only=True),
    # ncb
    "api_token_revoke": Target(api_token, NOBODY, owner_only=True),
}
for _action in ("accept", "waitlist", "reject", "cancel", "attendance", "complete", "not_completed"):
    TARGETS[f"training_enrolment_{_action}"] = Target(enrolment, frozenset({Role.TRAINING_COORDINATOR}))
for _type in ("red", "yellow", "un"):
    TARGETS[f"public_notices_api_{_type}_detail"] = Target(public_notice, public=True)
    TARGETS[f"public_notices_api_{_type}_images"] = Target(public_notice, public=True)
