"""API-wide behaviour: errors always come back as JSON with a reason, never as a 500 page."""

import logging

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DatabaseError
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

logger = logging.getLogger(__name__)


def database_unavailable_reason() -> str:
    return _("The database is unavailable; try again in a moment.")


def exception_handler(exc, context):
    """Map domain validation errors to 400 and an unavailable database to 503, with a reason."""
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        exc = ValidationError(detail=detail)
    response = drf_exception_handler(exc, context)
    if response is None and isinstance(exc, DatabaseError):
        logger.exception("Database error in API call")
        return Response(
            {"detail": database_unavailable_reason()},
            status=status.HTTP_503_SERVICE_UNAVAILABLE,
        )
    return response
