"""Translated content fields: a work of art's title is entered in several languages (modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Artwork


@register(Artwork)
class ArtworkTranslation(TranslationOptions):
    fields = ("title",)
