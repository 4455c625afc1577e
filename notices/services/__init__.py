"""Every write of the notices app. Import services from here: `from notices.services import notice_publish`."""

from .diffusions import diffusion_review_confirm, diffusion_send, diffusion_withdraw
from .extracts import public_extract_build, public_extract_remove
from .lifecycle import notice_extend, notices_expire_due, notices_remind_expiring
from .reads import notice_search_record, notice_view_record
from .requests import (
    notice_approve,
    notice_cancel,
    notice_create,
    notice_public_consent_set,
    notice_return,
    notice_submit,
    notice_translation_add,
    notice_update,
)
from .review import notice_publish, notice_refuse
from .screening import notice_screen
from .workflow import NoticeIncomplete

__all__ = [
    "NoticeIncomplete",
    "diffusion_review_confirm",
    "diffusion_send",
    "diffusion_withdraw",
    "notice_approve",
    "notice_cancel",
    "notice_create",
    "notice_extend",
    "notice_public_consent_set",
    "notice_publish",
    "notice_refuse",
    "notice_return",
    "notice_screen",
    "notice_search_record",
    "notice_submit",
    "notice_translation_add",
    "notice_update",
    "notice_view_record",
    "notices_expire_due",
    "notices_remind_expiring",
    "public_extract_build",
    "public_extract_remove",
]
