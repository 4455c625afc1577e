"""Telling the CCC about notices that need its attention, without importing the ccc app.

ccc may import notices, not the other way round: the handler is a dotted path in the NOTICE_ATTENTION_HANDLER
setting (for example "ccc.intake.case_open_from_notice"), called as handler(notice_id=, reason=, hit_ids=).
"""

import logging

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

SCREENING_HITS = "screening_hits"
ORANGE_PUBLISHED = "orange_published"


def attention_handler():
    path = settings.NOTICE_ATTENTION_HANDLER
    return import_string(path) if path else None


def attention_notify(*, notice_id: int, reason: str, hit_ids: list[int]) -> bool:
    """Call the CCC's handler; False when none is configured (the requesting NCB is still notified)."""
    handler = attention_handler()
    if handler is None:
        logger.info("No NOTICE_ATTENTION_HANDLER: notice %s (%s) not sent to the CCC", notice_id, reason)
        return False
    handler(notice_id=notice_id, reason=reason, hit_ids=list(hit_ids))
    return True
