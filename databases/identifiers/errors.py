"""The one exception raised by the identifier layer.

Forms, serializers and the batch checker all need to know *which* field was wrong and *why* in a form a
machine can branch on (`field`, `code`) and a message a person can read in their own language (`message`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.text import format_lazy

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


class IdentifierError(ValueError):
    """An identifier could not be normalized or failed validation.

    `field` is the machine name of the offending part ("document_number", "date_of_birth", "composite"...),
    `code` a short machine code ("empty", "length", "check_digit"...). `message` stays lazy: it is rendered
    in the language active when it is shown, not when the error was raised (a Celery worker raises it, a
    request in Arabic shows it).
    """

    def __init__(self, field: str, code: str, message: StrPromise | str, /, **params: Any) -> None:
        # format_lazy fills the placeholders with str.format() only when the message is rendered.
        self.field = field
        self.code = code
        self.params = params
        self.message: StrPromise | str = format_lazy(message, **params) if params else message
        # The message in args too, so that pickling (Celery results) can rebuild the error.
        super().__init__(field, code, self.message)

    def with_field(self, field: str) -> IdentifierError:
        """The same error reported against another field (a country code read as the MRZ nationality)."""
        error = IdentifierError(field, self.code, self.message)
        error.params = self.params
        return error

    def __str__(self) -> str:
        try:
            return str(self.message)
        except ImproperlyConfigured:
            # Scripts and benchmarks use this layer without Django settings: fall back to the machine names.
            return f"{self.field}: {self.code}"

    def __repr__(self) -> str:
        return f"IdentifierError(field={self.field!r}, code={self.code!r})"
