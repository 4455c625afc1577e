"""Choices of the training app: programmes, levels, formats, enrolment states, attendance, priorities."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Programme(models.TextChoices):
    """The organization's three crime programmes and the policing capabilities it teaches."""

    COUNTER_TERRORISM = "counter_terrorism", _("Counter-terrorism")
    CYBERCRIME = "cybercrime", _("Cybercrime")
    ORGANIZED_CRIME = "organized_crime", _("Organized and emerging crime")
    DATABASES = "databases", _("Capabilities: police databases")
    FORENSICS = "forensics", _("Capabilities: forensics")
    CRIMINAL_ANALYSIS = "criminal_analysis", _("Capabilities: criminal analysis")
    FUGITIVE_INVESTIGATIONS = "fugitive_investigations", _("Capabilities: fugitive investigations")


class Level(models.TextChoices):
    INTRODUCTORY = "introductory", _("Introductory")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class Format(models.TextChoices):
    CLASSROOM = "classroom", _("Classroom")
    ONLINE = "online", _("Online")
    BLENDED = "blended", _("Blended")


class EnrolmentStatus(models.TextChoices):
    APPLIED = "applied", _("Awaiting NCB endorsement")
    ENDORSED = "endorsed", _("Endorsed, awaiting the coordinator")
    DECLINED = "declined", _("Declined by the NCB")
    ACCEPTED = "accepted", _("Accepted")
    WAITLISTED = "waitlisted", _("On the waiting list")
    REJECTED = "rejected", _("Not accepted")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CANCELLED = "cancelled", pgettext_lazy("enrolment status", "Cancelled")
    COMPLETED = "completed", pgettext_lazy("enrolment status", "Completed")
    NOT_COMPLETED = "not_completed", _("Not completed")


# Still in the process: one of these per participant and session at most, and the only ones a withdrawal ends.
OPEN_STATUSES = (
    EnrolmentStatus.APPLIED,
    EnrolmentStatus.ENDORSED,
    EnrolmentStatus.ACCEPTED,
    EnrolmentStatus.WAITLISTED,
)
# These hold a seat of the session: the capacity constraint counts them.
SEATED_STATUSES = (EnrolmentStatus.ACCEPTED, EnrolmentStatus.COMPLETED, EnrolmentStatus.NOT_COMPLETED)
# After these the officer may apply to the same session again (for instance once the NCB agrees after all).
REOPENABLE_STATUSES = (
    EnrolmentStatus.DECLINED,
    EnrolmentStatus.REJECTED,
    EnrolmentStatus.WITHDRAWN,
    EnrolmentStatus.CANCELLED,
)


class Attendance(models.TextChoices):
    NOT_RECORDED = "", _("Not recorded")
    PRESENT = "present", _("Present throughout")
    PARTIAL = "partial", _("Partly present")
    ABSENT = "absent", _("Absent")


class Priority(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")
