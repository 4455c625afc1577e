"""Choices of the notices app: notice types, workflow states, review checklist."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class NoticeType(models.TextChoices):
    RED = "red", pgettext_lazy("INTERPOL notice", "Red Notice")
    YELLOW = "yellow", pgettext_lazy("INTERPOL notice", "Yellow Notice")
    BLUE = "blue", pgettext_lazy("INTERPOL notice", "Blue Notice")
    BLACK = "black", pgettext_lazy("INTERPOL notice", "Black Notice")
    GREEN = "green", pgettext_lazy("INTERPOL notice", "Green Notice")
    ORANGE = "orange", pgettext_lazy("INTERPOL notice", "Orange Notice")
    PURPLE = "purple", pgettext_lazy("INTERPOL notice", "Purple Notice")
    UN = "un", pgettext_lazy("INTERPOL notice", "INTERPOL-United Nations Security Council Special Notice")


# Types that may have a public extract on the public site and API (as on INTERPOL's own site).
PUBLIC_TYPES = (NoticeType.RED, NoticeType.YELLOW, NoticeType.UN)


class NoticeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted, awaiting the NCB head's approval")
    UNDER_REVIEW = "under_review", _("Under compliance review")
    PUBLISHED = "published", _("Published")
    REFUSED = "refused", _("Refused")
    CANCELLED = "cancelled", pgettext_lazy("notice status", "Cancelled")
    EXPIRED = "expired", _("Expired")


# States in which a request is still being worked on: the requester may cancel it.
OPEN_STATUSES = (NoticeStatus.DRAFT, NoticeStatus.SUBMITTED, NoticeStatus.UNDER_REVIEW, NoticeStatus.PUBLISHED)


class NoticeAction(models.TextChoices):
    CREATE = "create", pgettext_lazy("notice history", "Created")
    UPDATE = "update", _("Changed")
    SUBMIT = "submit", _("Submitted")
    RETURN = "return", _("Returned to the requester")
    APPROVE = "approve", _("Approved by the NCB head")
    PUBLISH = "publish", _("Published")
    REFUSE = "refuse", _("Refused")
    CANCEL = "cancel", pgettext_lazy("notice history", "Cancelled")
    EXTEND = "extend", _("Extended")
    EXPIRE = "expire", _("Expired")
    TRANSLATE = "translate", _("Translation added")
    PUBLIC_CONSENT = "public_consent", _("Public extract consent changed")


class Sex(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")
    UNKNOWN = "U", _("Unknown")


class JudicialBasis(models.TextChoices):
    PROSECUTION = "prosecution", _("Prosecution (arrest warrant)")
    SENTENCE = "sentence", _("Serving a sentence (court decision)")


class ScreeningStatus(models.TextChoices):
    NOT_SCREENED = "not_screened", _("Not screened")
    PENDING = "pending", _("Screening pending: the matching engine is not available yet")
    SCREENED = "screened", _("Screened")
    NOT_APPLICABLE = "not_applicable", _("Nothing to screen: no person named")


class DiffusionStatus(models.TextChoices):
    CIRCULATING = "circulating", _("Circulating")
    WITHDRAWN = "withdrawn", _("Withdrawn by the General Secretariat")


class ChecklistItem(models.TextChoices):
    """What the General Secretariat checks before a notice is published or a diffusion is confirmed."""

    ARTICLE_2 = "article_2", _("Article 2: respects human rights (Universal Declaration of Human Rights)")
    ARTICLE_3 = "article_3", _("Article 3: no political, military, religious or racial character")
    DATA_RULES = "data_rules", _("Rules on the Processing of Data: accurate, relevant, lawfully obtained")
    REFUGEE_STATUS = (
        "refugee_status",
        _("Refugee status: the subject is not a recognized refugee with protection against the requesting country"),
    )
