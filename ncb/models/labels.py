"""A field's choice label looked up without translating every label of the field."""

from functools import cache

from django.db import models
from django.utils.encoding import force_str


class ChoiceLabels:
    """Mixed into a model (before models.Model): its get_FOO_display() translates only the label it returns.

    Django's builds a dict of the field's choices at each call, and hashing a lazy label translates it: the hits page
    translated about 480 labels to show 75.
    """

    def _get_FIELD_display(self, field):  # Django's name: its get_FOO_display() methods call it
        value = getattr(self, field.attname)
        try:
            label = _labels(field).get(value, value)
        except TypeError:  # a value that cannot be hashed, which Django's version accepts
            return models.Model._get_FIELD_display(self, field)
        return force_str(label, strings_only=True)


@cache
def _labels(field: models.Field) -> dict:
    """The field's labels by value, still lazy: a field's choices do not change while the process runs."""
    return dict(field.flatchoices)
