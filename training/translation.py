"""Translated catalogue content (django-modeltranslation, ar/en/fr/es with fallback): code reads `course.title`."""

from modeltranslation.translator import TranslationOptions, register

from .models import Course, Topic


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name",)


@register(Course)
class CourseTranslation(TranslationOptions):
    fields = ("title", "description", "objectives")
