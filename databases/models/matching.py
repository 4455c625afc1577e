"""The matching engine's tables: person blocking keys, nightly sweeps in chunks, batch screening jobs."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .persons import Person


class PersonKey(models.Model):
    """One blocking key of a person (databases.matching.blocking): candidates come from index look-ups here.

    The composite index (key, birth year, person, with month and day) answers `key IN (...)` with an index-only
    scan, narrowed to the dates of birth that can still match (a conflicting date rules a pair out before its
    names are compared); the person's own keys are replaced whenever it is saved or imported
    (databases.services.match_keys).
    """

    # Indexed once, by personkey_person below (the foreign key's own index was a second copy of it).
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="+", db_index=False
    )
    key = models.CharField(_("blocking key"), max_length=64)
    # The person's date of birth, copied so that candidates are filtered by it inside the index.
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    birth_month = models.PositiveSmallIntegerField(_("month of birth"), null=True, blank=True)
    birth_day = models.PositiveSmallIntegerField(_("day of birth"), null=True, blank=True)

    class Meta:
        verbose_name = _("person blocking key")
        verbose_name_plural = _("person blocking keys")
        indexes = [
            models.Index(
                fields=["key", "birth_year", "person"],
                include=["birth_month", "birth_day"],
                name="personkey_key_year_person",
            ),
            models.Index(fields=["person"], name="personkey_person"),
            # The sweep's pairs with persons of unknown birth year (few): without it PostgreSQL scans every key of
            # the table for them, once per chunk.
            models.Index(
                fields=["key", "person"], condition=models.Q(birth_year__isnull=True), name="personkey_undated"
            ),
        ]

    def __str__(self) -> str:
        return self.key


class PersonTemplate(models.Model):
    """A person packed for scoring in C, without the weights of a name-frequency table (matching.persons.template).

    Written with the person's blocking keys; screening reads it with the candidate rows instead of preparing each
    candidate in Python. It counts only while `version` is the matching code's (matching.template_version) and
    `updated_at` the person's: otherwise the person is prepared from its row, as without a template.
    """

    person = models.OneToOneField(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, primary_key=True, related_name="template"
    )
    version = models.IntegerField(_("version"))
    updated_at = models.DateTimeField(_("person updated"))
    data = models.BinaryField(_("packed person"))

    class Meta:
        verbose_name = _("person scoring template")
        verbose_name_plural = _("person scoring templates")

    def __str__(self) -> str:
        return f"template of person {self.person_id}"


class PersonKeyVersion(models.Model):
    """The version of the matching code that wrote the blocking-key table (matching.key_version): one row.

    A person's keys are found only under the keys of the code that looks them up, so keys written by other code are
    stale until `rebuild_match_keys` has run. Written by a rebuild, and by the first keys written into an empty table;
    /healthz and `rebuild_match_keys --if-stale` read it.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    version = models.IntegerField(_("version"))
    written_at = models.DateTimeField(_("written at"))

    class Meta:
        verbose_name = _("blocking-key version")
        verbose_name_plural = _("blocking-key versions")
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="personkeyversion_single_row")]

    def __str__(self) -> str:
        return str(self.version)


class JobStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Finished")
    CANCELLED = "cancelled", pgettext_lazy("screening job status", "Cancelled")
    FAILED = "failed", _("Failed")


class MatchSweep(models.Model):
    """A nightly run matching every active person against the others, split into chunks any worker may take."""

    status = models.CharField(_("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.PENDING)
    total_chunks = models.PositiveIntegerField(_("chunks"), default=0)
    hits = models.PositiveIntegerField(_("new hits"), default=0)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # Set when a task ends its turn and queues the next one, cleared when that one starts: while it waits in the
    # queue no task holds the sweep, and recovery must not take it for abandoned.
    handed_over_at = models.DateTimeField(_("handed over"), null=True, blank=True)

    class Meta:
        verbose_name = _("matching sweep")
        verbose_name_plural = _("matching sweeps")
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"sweep {self.pk} ({self.status})"


class MatchSweepChunk(models.Model):
    """A run of persons of a sweep, in the sweep's order (year of birth, unknown first, then id).

    It starts at (first_year, first_id) and ends before (until_year, until_id), the next chunk's start; the last
    chunk has no end. In that order a chunk's candidates are the persons born within a year of its own, so a
    chunk reads and prepares a few tens of thousands of persons instead of a fifth of the table. Claimed with
    SELECT ... FOR UPDATE SKIP LOCKED, done once.
    """

    sweep = models.ForeignKey(MatchSweep, verbose_name=_("sweep"), on_delete=models.CASCADE, related_name="chunks")
    first_year = models.PositiveSmallIntegerField(_("first year of birth"), default=0)  # 0: unknown
    first_id = models.BigIntegerField(_("first person id"))
    until_year = models.PositiveSmallIntegerField(_("next chunk's year of birth"), null=True, blank=True)
    until_id = models.BigIntegerField(_("next chunk's person id"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.PENDING)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    hits = models.PositiveIntegerField(_("new hits"), default=0)

    class Meta:
        verbose_name = _("sweep chunk")
        verbose_name_plural = _("sweep chunks")
        ordering = ["sweep", "first_year", "first_id"]
        indexes = [models.Index(fields=["sweep", "status"], name="sweepchunk_sweep_status")]

    def __str__(self) -> str:
        end = "" if self.until_id is None else f"{self.until_year}/{self.until_id}"
        return f"{self.first_year}/{self.first_id}-{end}"


class ScreeningJob(models.Model):
    """A passenger list screened against persons and travel documents by a worker (queue `batch`)."""

    owner = models.ForeignKey("ncb.Unit", verbose_name=_("NCB"), on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    name = models.CharField(_("list name"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.PENDING)
    threshold = models.FloatField(_("threshold"))
    total = models.PositiveIntegerField(_("rows"), default=0)
    processed = models.PositiveIntegerField(_("rows processed"), default=0)
    matched = models.PositiveIntegerField(_("rows with candidates"), default=0)
    failure = models.CharField(_("failure"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("screening job")
        verbose_name_plural = _("screening jobs")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name or f"#{self.pk}"

    @property
    def percent(self) -> int:
        if self.status == JobStatus.DONE:
            return 100
        return int(100 * self.processed / self.total) if self.total else 0

    @property
    def is_active(self) -> bool:
        return self.status in (JobStatus.PENDING, JobStatus.RUNNING)


class ScreeningRow(models.Model):
    """One passenger of a screening job and its candidates; written once per row, so a resumed job adds nothing."""

    job = models.ForeignKey(
        ScreeningJob, verbose_name=_("screening job"), on_delete=models.CASCADE, related_name="rows"
    )
    line = models.PositiveIntegerField(_("line"))
    data = models.JSONField(_("passenger"), default=dict)
    done = models.BooleanField(_("screened"), default=False)
    error = models.CharField(_("error"), max_length=300, blank=True)
    # [{"id", "reference", "database", "score", "reasons", "summary", "hit_id"}], best first.
    candidates = models.JSONField(_("candidates"), default=list, blank=True)

    class Meta:
        verbose_name = _("screened passenger")
        verbose_name_plural = _("screened passengers")
        ordering = ["job", "line"]
        constraints = [models.UniqueConstraint(fields=["job", "line"], name="screeningrow_job_line")]
        indexes = [models.Index(fields=["job", "done", "line"], name="screeningrow_todo")]

    def __str__(self) -> str:
        return f"{self.job_id}:{self.line}"
