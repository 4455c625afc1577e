"""Telling the CCC about notices that need its attention, without importing the ccc app.

ccc may import notices, not the other way round: the handler is a dotted path in the NOTICE_ATTENTION_HANDLER
setting (for example "ccc.intake.case_open_from_notice"), called as handler(notice_id=, reason=, hit_ids=), where
hit_ids are hits recorded by the databases app. A handler that also takes `summary`, `ncb_ids`, `urgent` or
`language` receives them too.
"""

import inspect
import logging

from django.conf import settings
from django.utils import translation
from django.utils.module_loading import import_string

from .choices import NoticeType
from .models import Notice

logger = logging.getLogger(__name__)

SCREENING_HITS = "screening_hits"
ORANGE_PUBLISHED = "orange_published"
REASONS = {
    SCREENING_HITS: "possible matches in the databases",
    ORANGE_PUBLISHED: "serious and imminent threat published",
}


def attention_handler():
    path = settings.NOTICE_ATTENTION_HANDLER
    return import_string(path) if path else None


def _details(notice_id: int, reason: str) -> dict:
    """What a CCC case about the notice starts with; in English, the CCC's working language."""
    notice = Notice.objects.select_related("owner").get(pk=notice_id)
    with translation.override("en"):
        summary = f"{notice.get_notice_type_display()} {notice.reference}: {REASONS.get(reason, reason)}"
    return {
        "summary": summary,
        "ncb_ids": [notice.owner_id],
        "urgent": notice.notice_type in (NoticeType.RED, NoticeType.ORANGE),
        "language": "en",
    }


def attention_notify(*, notice_id: int, reason: str, hit_ids: list[int]) -> bool:
    """Call the CCC's handler; False when none is configured (the requesting NCB is still notified)."""
    handler = attention_handler()
    if handler is None:
        logger.info("No NOTICE_ATTENTION_HANDLER: notice %s (%s) not sent to the CCC", notice_id, reason)
        return False
    accepted = inspect.signature(handler).parameters
    extras = {name: value for name, value in _details(notice_id, reason).items() if name in accepted}
    handler(notice_id=notice_id, reason=reason, hit_ids=list(hit_ids), **extras)
    return True
