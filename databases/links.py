"""Links to records that are stored (in notifications) and read later in another language."""

from django.urls import reverse
from django.utils import translation


def record_url(record) -> str:
    """The record's page without a language prefix: the reader's language is added on the way in."""
    with translation.override("en"):
        url = reverse("databases:record_detail", args=[record.DATABASE, record.pk])
    return url.removeprefix("/en")
