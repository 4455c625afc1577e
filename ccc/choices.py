"""Choices of the CCC case queue."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CaseStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("case status", "New")
    CLAIMED = "claimed", pgettext_lazy("case status", "Claimed")
    WAITING_FOR_NCB = "waiting_ncb", pgettext_lazy("case status", "Waiting for NCB")
    RESOLVED = "resolved", pgettext_lazy("case status", "Resolved")
    CLOSED = "closed", pgettext_lazy("case status", "Closed")


# Cases the CCC still has to work on: they are in the queue, handed over at shift ends and escalated.
OPEN_STATUSES = (CaseStatus.NEW, CaseStatus.CLAIMED, CaseStatus.WAITING_FOR_NCB)


class CasePriority(models.TextChoices):
    URGENT = "urgent", _("Urgent")
    STANDARD = "standard", _("Standard")


class CaseSource(models.TextChoices):
    HIT = "hit", pgettext_lazy("case source", "Hit above the priority threshold")
    NCB_REQUEST = "ncb_request", pgettext_lazy("case source", "Urgent request from an NCB")
    NOTICE = "notice", pgettext_lazy("case source", "Notice needing attention")
    STAFF = "staff", pgettext_lazy("case source", "Opened by CCC staff")
