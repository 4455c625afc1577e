"""Writes of the CCC case queue. Import services from here: `from ccc import services`."""

from .cases import case_claim, case_close, case_ncb_add, case_note_update, case_open, case_release, case_resolve
from .errors import CaseActionError, CaseAlreadyClaimed
from .escalation import case_escalate, cases_escalate_due
from .handover import case_hand_over, cases_hand_over_due
from .mail import escalation_mail_send, message_mail_send
from .messages import message_send

__all__ = [
    "CaseActionError",
    "CaseAlreadyClaimed",
    "case_claim",
    "case_close",
    "case_escalate",
    "case_hand_over",
    "case_ncb_add",
    "case_note_update",
    "case_open",
    "case_release",
    "case_resolve",
    "cases_escalate_due",
    "cases_hand_over_due",
    "escalation_mail_send",
    "message_mail_send",
    "message_send",
]
