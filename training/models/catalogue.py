"""The catalogue: topics, courses and their scheduled sessions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ncb.choices import Language

from ..choices import Format, Level, Programme


class Topic(models.Model):
    """A subject taught by courses and asked for by NCBs; the shared vocabulary of the training-needs report.

    The name is translated (ar, en, fr, es) through modeltranslation.
    """

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    programme = models.CharField(_("programme"), max_length=30, choices=Programme.choices)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["programme", "code"]

    def __str__(self) -> str:
        return self.name


class Course(models.Model):
    """A course of the catalogue. Title, description and objectives are translated (modeltranslation)."""

    code = models.SlugField(_("code"), max_length=20, unique=True, help_text=_("For example: CYB-201."))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    objectives = models.TextField(_("learning objectives"), help_text=_("One objective per line."))
    programme = models.CharField(_("programme"), max_length=30, choices=Programme.choices, db_index=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    format = models.CharField(_("format"), max_length=20, choices=Format.choices)
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), related_name="courses", blank=True)
    duration_days = models.PositiveSmallIntegerField(_("duration (days)"), default=5)
    is_published = models.BooleanField(_("published in the catalogue"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["programme", "code"]
        constraints = [models.CheckConstraint(condition=Q(duration_days__gte=1), name="course_lasts_a_day_or_more")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def objective_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.objectives.splitlines() if line.strip(" -•\t")]


class Session(models.Model):
    """One run of a course: dates, place (or online), teaching language, capacity and enrolment deadline.

    `seats_taken` counts the enrolments holding a seat; only the enrolment services change it, under a lock on
    this row, and a check constraint makes the database refuse any write that would exceed the capacity.
    """

    course = models.ForeignKey(Course, verbose_name=_("course"), on_delete=models.PROTECT, related_name="sessions")
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    enrolment_deadline = models.DateField(_("enrolment deadline"))
    language = models.CharField(_("language of instruction"), max_length=2, choices=Language.choices)
    is_online = models.BooleanField(_("online"), default=False)
    venue = models.CharField(_("venue"), max_length=160, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.ForeignKey(
        "ncb.Country", verbose_name=_("country"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    capacity = models.PositiveSmallIntegerField(_("capacity (seats)"))
    seats_taken = models.PositiveSmallIntegerField(_("seats taken"), default=0, editable=False)
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("trainers"), blank=True, related_name="training_sessions_taught"
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True, editable=False)
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True, editable=False)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_on", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="session_has_a_seat"),
            models.CheckConstraint(condition=Q(seats_taken__lte=F("capacity")), name="session_within_capacity"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="session_ends_after_start"),
            models.CheckConstraint(
                condition=Q(enrolment_deadline__lte=F("starts_on")), name="session_deadline_before_start"
            ),
        ]
        indexes = [models.Index(fields=["course", "starts_on"], name="session_course_start")]

    def __str__(self) -> str:
        return f"{self.course.code} {self.starts_on:%Y-%m-%d}"

    def clean(self):
        errors = {}
        if not self.is_online and not (self.city and self.country_id):
            errors["city"] = _("Give the city and country of a classroom session, or mark it as online.")
        if self.course_id and self.course.format == Format.ONLINE and not self.is_online:
            errors["is_online"] = _("Sessions of an online course are online.")
        if self.capacity is not None and self.capacity < self.seats_taken:
            errors["capacity"] = ngettext(
                "{taken} seat is already taken; the capacity cannot be lower.",
                "{taken} seats are already taken; the capacity cannot be lower.",
                self.seats_taken,
            ).format(taken=self.seats_taken)
        if errors:
            raise ValidationError(errors)

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.seats_taken, 0)

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def has_started(self) -> bool:
        return timezone.localdate() >= self.starts_on

    @property
    def has_ended(self) -> bool:
        """From the last day on: completion can be recorded."""
        return timezone.localdate() >= self.ends_on
