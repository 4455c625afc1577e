"""Writes of the global databases (HackSoft services): records, checks, hits, photos, review reminders."""

from .checks import CheckResult, check, check_batch
from .hits import hit_record, hit_review
from .photos import photo_add
from .records import record_close, record_create, record_review, record_searched, record_update, record_viewed
from .reviews import record_review_remind
from .screening import person_screen

__all__ = [
    "CheckResult",
    "check",
    "check_batch",
    "hit_record",
    "hit_review",
    "person_screen",
    "photo_add",
    "record_close",
    "record_create",
    "record_review",
    "record_review_remind",
    "record_searched",
    "record_update",
    "record_viewed",
]
