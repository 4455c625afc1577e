"""Translated content fields (django-modeltranslation): code reads `country.name` in the active language."""

from modeltranslation.translator import TranslationOptions, register

from .models import Country, Unit


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name",)


@register(Unit)
class UnitTranslation(TranslationOptions):
    fields = ("name",)
