"""Translated content (django-modeltranslation): what requesters write, in the four official languages.

The requester writes in one language (`language` on the record); translations into the others are added later.
Code reads `notice.summary_of_facts` and gets the active language, falling back to the others.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Diffusion, Notice, PublicExtract

CONTENT_FIELDS = ("summary_of_facts", "charges", "physical_description", "distinguishing_marks")


@register(Notice)
class NoticeTranslation(TranslationOptions):
    fields = CONTENT_FIELDS


@register(Diffusion)
class DiffusionTranslation(TranslationOptions):
    fields = CONTENT_FIELDS


@register(PublicExtract)
class PublicExtractTranslation(TranslationOptions):
    fields = ("distinguishing_marks", "charge")
