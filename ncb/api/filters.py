"""Filter fields the API lists share."""

from datetime import timedelta

import django_filters
from django.core.exceptions import ValidationError


class _RealDateTimeField(django_filters.fields.IsoDateTimeField):
    """An ISO 8601 date-time whose UTC offset exists on Earth (PostgreSQL refuses beyond about 16 hours)."""

    def to_python(self, value):
        value = super().to_python(value)
        offset = value.utcoffset() if value is not None else None
        if offset is not None and abs(offset) > timedelta(hours=14):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return value


class RealDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = _RealDateTimeField
