"""Writing what a requester typed onto a notice request or diffusion, in the language they wrote it in."""

from django.db import transaction

from ..translation import CONTENT_FIELDS

MANY_TO_MANY = ("nationalities",)


def content_apply(record, data: dict, *, allowed: tuple[str, ...]) -> dict:
    """Set the allowed fields of `data` on the unsaved record; return the many-to-many values to set after saving.

    Free text goes to the field of the request's language (`summary_of_facts_fr`), so that translations added
    later never overwrite the original. A photo of False clears the photo; None or absent leaves it.
    """
    language = data.get("language") or record.language
    if record.pk is not None and language != record.language:
        # A draft rewritten in another language: the old text moves with it rather than posing as a translation.
        for name in CONTENT_FIELDS:
            old = getattr(record, f"{name}_{record.language}", "")
            setattr(record, f"{name}_{record.language}", "")
            setattr(record, f"{name}_{language}", old)
    record.language = language
    later = {}
    for name in allowed:
        # The subject record is linked by the caller, which checks the requester may see it.
        if name not in data or name in ("language", "subject_record"):
            continue
        value = data[name]
        if name in MANY_TO_MANY:
            later[name] = list(value or [])
        elif name in CONTENT_FIELDS:
            setattr(record, f"{name}_{language}", (value or "").strip())
        elif name == "photo":
            _photo_apply(record, value)
        elif name == "languages_spoken":
            record.languages_spoken = sorted({code.strip().upper() for code in value or [] if code.strip()})
        elif isinstance(value, str):
            setattr(record, name, value.strip())
        else:
            setattr(record, name, value)
    return later


def _photo_apply(record, value) -> None:
    if value is None:
        return
    old = record.photo.name if record.photo else ""
    storage = record.photo.storage
    record.photo = "" if value is False else value
    if old:
        # Removed only once the change is committed: a rolled-back edit keeps its photo.
        transaction.on_commit(lambda: storage.delete(old))


def many_to_many_apply(record, values: dict) -> None:
    for name, items in values.items():
        getattr(record, name).set(items)
