"""Identifier errors as Django validation errors, so forms, the API and imports report them per field."""

from contextlib import contextmanager

from django.core.exceptions import ValidationError

from ..identifiers import IdentifierError


@contextmanager
def identifier_errors_as_validation():
    """Turn an IdentifierError raised inside the block into ValidationError({field: [message]})."""
    try:
        yield
    except IdentifierError as error:
        raise ValidationError({error.field: [error.message]}) from error
