"""ChoiceLabels: get_FOO_display() gives Django's answer in every language, translating only the label it returns."""

import pytest
from django.db import models
from django.utils import translation

from ccc.models import Case
from databases.models import Hit, ImportJob, Person
from ncb.models import ChoiceLabels
from notices.models import Notice
from training.models import Enrolment

MODELS = [Person, Notice, Hit, ImportJob, Case, Enrolment]


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_every_label_is_djangos_in_every_language(model, language):
    assert issubclass(model, ChoiceLabels)
    fields = [field for field in model._meta.concrete_fields if field.choices]
    assert fields, "a model mixes ChoiceLabels in for its choice fields"
    record = model()
    with translation.override(language):
        for field in fields:
            for value, _label in field.flatchoices:
                setattr(record, field.attname, value)
                shown = getattr(record, f"get_{field.name}_display")()
                assert shown == models.Model._get_FIELD_display(record, field)
                assert type(shown) is str


def test_a_value_outside_the_choices_is_shown_as_it_is():
    person = Person(status="no-such-status")
    assert person.get_status_display() == "no-such-status"
    person.status = ["unhashable"]
    assert person.get_status_display() == models.Model._get_FIELD_display(person, Person._meta.get_field("status"))


def test_the_label_shown_is_translated():
    with translation.override("fr"):
        assert Person(sex="F").get_sex_display() == "Féminin"


def test_only_the_label_shown_is_translated(monkeypatch):
    translated = []
    with translation.override("fr"):
        gettext = translation._trans.gettext
        counting = lambda message: translated.append(message) or gettext(message)  # noqa: E731
        monkeypatch.setattr(translation._trans, "gettext", counting)
        Person(status="wanted").get_status_display()
    assert translated == ["Wanted"]  # Django's translates the field's eight labels, then this one
