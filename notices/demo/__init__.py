"""Demo notices and diffusions of the demo NCBs, in every state (idempotent: run it as often as you like).

Created directly in their final state, as a fixture would be, with the dates, control numbers, history and
public extracts the workflow would have left. Names and cases are invented.
"""

import datetime as dt
import io

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from ncb.choices import Restriction
from ncb.models import Country, Unit, User

from ..choices import ChecklistItem, DiffusionStatus, NoticeAction, NoticeStatus, NoticeType
from ..dates import add_years
from ..models import Diffusion, Notice, NoticeEvent
from ..services.extracts import public_extract_build
from ..services.review import control_number_next
from .data import DIFFUSIONS, NOTICES, DemoNotice

ALL_CLEAR = dict.fromkeys(ChecklistItem.values, True)


def _photo(name: str) -> ContentFile:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (240, 300), (206, 212, 218))
    draw = ImageDraw.Draw(image)
    draw.ellipse((80, 50, 160, 140), fill=(134, 142, 150))
    draw.rounded_rectangle((50, 150, 190, 300), radius=40, fill=(134, 142, 150))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name=f"{name}.png")


def _dates(status: str, age_days: int, now) -> dict:
    start = now - dt.timedelta(days=age_days)
    dates = {
        "submitted_at": None,
        "review_started_at": None,
        "decided_at": None,
        "published_at": None,
        "expires_at": None,
        "closed_at": None,
    }
    if status != NoticeStatus.DRAFT:
        dates["submitted_at"] = start - dt.timedelta(hours=6)
    if status not in (NoticeStatus.DRAFT, NoticeStatus.SUBMITTED):
        dates["review_started_at"] = start - dt.timedelta(hours=2)
    if status in (NoticeStatus.PUBLISHED, NoticeStatus.EXPIRED, NoticeStatus.CANCELLED):
        dates.update(decided_at=start, published_at=start, expires_at=add_years(start, 5))
    if status == NoticeStatus.REFUSED:
        dates.update(decided_at=start, closed_at=start)
    if status in (NoticeStatus.EXPIRED, NoticeStatus.CANCELLED):
        dates["closed_at"] = now - dt.timedelta(days=1)
    return dates


def _history(notice: Notice, demo: DemoNotice, requester: User, head: User, reviewer: User) -> None:
    steps = [(NoticeAction.CREATE, requester, NoticeStatus.DRAFT, "", {})]
    if notice.submitted_at:
        steps.append((NoticeAction.SUBMIT, requester, NoticeStatus.SUBMITTED, "", {}))
    if notice.review_started_at:
        steps.append((NoticeAction.APPROVE, head, NoticeStatus.UNDER_REVIEW, "", {}))
    if notice.published_at:
        steps.append((NoticeAction.PUBLISH, reviewer, NoticeStatus.PUBLISHED, "", ALL_CLEAR))
    if demo.status == NoticeStatus.REFUSED:
        reasons = "Predominantly political character (Article 3 of the Constitution)."
        steps.append((NoticeAction.REFUSE, reviewer, NoticeStatus.REFUSED, reasons, {**ALL_CLEAR, "article_3": False}))
    if demo.status == NoticeStatus.CANCELLED:
        steps.append((NoticeAction.CANCEL, requester, NoticeStatus.CANCELLED, "Arrested and extradited.", {}))
    if demo.status == NoticeStatus.EXPIRED:
        steps.append((NoticeAction.EXPIRE, None, NoticeStatus.EXPIRED, "", {}))
    NoticeEvent.objects.bulk_create(
        NoticeEvent(notice=notice, actor=actor, action=action, status=status, reasons=reasons, checklist=checklist)
        for action, actor, status, reasons, checklist in steps
    )


def _notice(demo: DemoNotice, reviewer: User, now) -> bool:
    owner = Unit.objects.get(code=f"ncb-{demo.cc}")
    requester, head = User.objects.get(username=f"officer.{demo.cc}"), User.objects.get(username=f"head.{demo.cc}")
    key = {
        "owner": owner,
        "notice_type": demo.notice_type,
        "family_name": demo.values.get("family_name", ""),
        "facts_place": demo.values.get("facts_place", ""),
    }
    notice = Notice.objects.filter(**key).first()
    created = notice is None
    if created:
        notice = Notice(**key, created_by=requester, language=demo.language, status=demo.status)
    values = {name: value for name, value in demo.values.items() if name not in key}
    for name, value in {**values, **_dates(demo.status, demo.age_days, now)}.items():
        setattr(notice, name, value)
    notice.status, notice.public_consent = demo.status, demo.public
    if demo.notice_type == NoticeType.RED:
        notice.warrant_country = Country.objects.get(iso2=demo.cc.upper())
    for name, text in demo.texts.items():
        setattr(notice, f"{name}_{demo.language}", text)
    for language, texts in demo.translations.items():
        for name, text in texts.items():
            setattr(notice, f"{name}_{language}", text)
    if notice.published_at and not notice.entity_id:
        notice.entity_id = control_number_next(notice.published_at.year)
    if demo.photo and not notice.photo:
        notice.photo = _photo(f"demo-{demo.cc}-{demo.notice_type}")
    notice.save()
    notice.nationalities.set(Country.objects.filter(iso2__in=demo.nationalities))
    if created:
        _history(notice, demo, requester, head, reviewer)
    public_extract_build(notice)
    return created


def _diffusion(row, reviewer: User) -> bool:
    cc, kind, countries, status, reviewed, values, summary = row
    owner = Unit.objects.get(code=f"ncb-{cc}")
    diffusion, created = Diffusion.objects.update_or_create(
        owner=owner,
        diffusion_type=kind,
        family_name=values["family_name"],
        defaults={
            **values,
            "sent_by": User.objects.get(username=f"officer.{cc}"),
            "language": "en",
            "summary_of_facts_en": summary,
            "status": status,
            "restriction": Restriction.ALL if countries is None else Restriction.ONLY,
            "reviewed_by": reviewer if reviewed else None,
            "reviewed_at": timezone.now() if reviewed else None,
            "review_checklist": ALL_CLEAR if reviewed and status == DiffusionStatus.CIRCULATING else {},
            "withdrawal_reasons": "Not a police matter: the person left of her own will."
            if status == DiffusionStatus.WITHDRAWN
            else "",
        },
    )
    diffusion.restriction_countries.set(Country.objects.filter(iso2__in=countries or ()))
    return created


def load(stdout=None) -> None:
    reviewer = User.objects.get(username="reviewer")
    now = timezone.now()
    with transaction.atomic():
        created = sum(_notice(demo, reviewer, now) for demo in NOTICES)
        sent = sum(_diffusion(row, reviewer) for row in DIFFUSIONS)
    if stdout:
        stdout.write(
            f"  notices: {Notice.objects.count()} ({created} new), diffusions: {Diffusion.objects.count()} ({sent} new)"
        )
