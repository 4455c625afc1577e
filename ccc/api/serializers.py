"""API shapes for NCB systems: output serializers for cases and messages, separate input serializers for writes."""

from django.conf import settings
from django.urls import reverse
from rest_framework import serializers

from ncb.choices import Language

from ..choices import CasePriority
from ..models import Attachment, Case, Message


class AttachmentSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="Where to download the file, with the same token.")

    class Meta:
        model = Attachment
        fields = ["id", "name", "content_type", "size", "url"]

    def get_url(self, attachment: Attachment) -> str:
        return reverse("ccc_api:attachment_content", args=[attachment.pk])


class MessageSerializer(serializers.ModelSerializer):
    author = serializers.SerializerMethodField()
    attachments = AttachmentSerializer(many=True, read_only=True)

    class Meta:
        model = Message
        fields = ["id", "from_ccc", "author", "body", "language", "created_at", "attachments"]

    def get_author(self, message: Message) -> str | None:
        return message.author.get_username() if message.author_id else None


class MessageCreateSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=10000)
    language = serializers.ChoiceField(choices=Language.choices)
    attachments = serializers.ListField(
        child=serializers.FileField(),
        required=False,
        default=list,
        max_length=settings.CCC_ATTACHMENT_MAX_COUNT,
        help_text="PDF, PNG, JPEG or plain text files (multipart/form-data); the type is checked from the content.",
    )


class CaseSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    message_count = serializers.IntegerField(read_only=True, help_text="Messages in your NCB's thread.")

    class Meta:
        model = Case
        fields = [
            "id",
            "reference",
            "summary",
            "priority",
            "status",
            "language",
            "opened_at",
            "deadline",
            "first_reply_at",
            "message_count",
        ]


class CaseDetailSerializer(CaseSerializer):
    messages_url = serializers.SerializerMethodField()

    class Meta(CaseSerializer.Meta):
        fields = [*CaseSerializer.Meta.fields, "source", "resolved_at", "closed_at", "messages_url"]

    def get_messages_url(self, case: Case) -> str:
        return reverse("ccc_api:case_messages", args=[case.pk])


class CaseRequestSerializer(serializers.Serializer):
    """An NCB system's urgent request to the CCC."""

    summary = serializers.CharField(max_length=300)
    details = serializers.CharField(max_length=10000)
    priority = serializers.ChoiceField(choices=CasePriority.choices, default=CasePriority.URGENT)
    language = serializers.ChoiceField(choices=Language.choices)
