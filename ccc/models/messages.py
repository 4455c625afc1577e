from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ncb.choices import Language


class Thread(models.Model):
    """The conversation between the CCC and one NCB concerned by a case. Each NCB sees only its own thread."""

    case = models.ForeignKey("ccc.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="threads")
    ncb = models.ForeignKey(
        "ncb.Unit", verbose_name=_("NCB"), on_delete=models.PROTECT, related_name="+", limit_choices_to={"kind": "ncb"}
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_message_at = models.DateTimeField(_("last message"), null=True, blank=True)

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["case", "ncb"], name="ccc_thread_one_per_ncb")]

    def __str__(self) -> str:
        return f"{self.case_id}/{self.ncb_id}"


class Message(models.Model):
    """A message in a thread, written by CCC staff or by the NCB, in any of the four languages."""

    thread = models.ForeignKey(Thread, verbose_name=_("thread"), on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    from_ccc = models.BooleanField(_("sent by the CCC"))
    body = models.TextField(_("message"))
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    created_at = models.DateTimeField(_("sent"), db_index=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["thread", "created_at"], name="ccc_message_thread_time")]

    def __str__(self) -> str:
        return self.body[:60]


class Attachment(models.Model):
    """A file sent with a message; its type was checked from its content, not from its name."""

    message = models.ForeignKey(
        Message, verbose_name=_("message"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to="ccc/attachments/%Y/%m/")
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=40)
    size = models.PositiveIntegerField(_("size in bytes"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name
