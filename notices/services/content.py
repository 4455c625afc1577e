"""Writing what a requester typed onto a notice request or diffusion, in the language they wrote it in."""

from dataclasses import dataclass, field

from django.db import transaction

from ..translation import CONTENT_FIELDS

MANY_TO_MANY = ("nationalities",)


@dataclass
class ContentChange:
    """The fields set on the record (for `save(update_fields=...)`) and the many-to-many values to set after."""

    fields: set[str] = field(default_factory=set)
    many: dict = field(default_factory=dict)

    def many_to_many_apply(self, record) -> None:
        for name, items in self.many.items():
            getattr(record, name).set(items)


def content_apply(record, data: dict, *, allowed: tuple[str, ...]) -> ContentChange:
    """Set the allowed fields of `data` on the record, not saved yet.

    Free text goes to the field of the request's language (`summary_of_facts_fr`), so that translations added
    later never overwrite the original. A photo of False clears the photo; None or absent leaves it. The subject
    record is left to the caller, which checks the requester may see it.
    """
    change = ContentChange(fields={"language"})
    language = data.get("language") or record.language
    if record.pk is not None and language != record.language:
        # A draft rewritten in another language: the old text moves with it rather than posing as a translation.
        for name in CONTENT_FIELDS:
            old = getattr(record, f"{name}_{record.language}", "")
            setattr(record, f"{name}_{record.language}", "")
            setattr(record, f"{name}_{language}", old)
            change.fields |= {f"{name}_{record.language}", f"{name}_{language}"}
    record.language = language
    for name in allowed:
        if name not in data or name in ("language", "subject_record"):
            continue
        value = data[name]
        if name in MANY_TO_MANY:
            change.many[name] = list(value or [])
            continue
        if name in CONTENT_FIELDS:
            setattr(record, f"{name}_{language}", (value or "").strip())
            change.fields.add(f"{name}_{language}")
            continue
        if name == "photo":
            _photo_apply(record, value)
        elif name == "languages_spoken":
            record.languages_spoken = sorted({code.strip().upper() for code in value or [] if code.strip()})
        else:
            setattr(record, name, value.strip() if isinstance(value, str) else value)
        change.fields.add(name)
    return change


def _photo_apply(record, value) -> None:
    if value is None:
        return
    old = record.photo.name if record.photo else ""
    storage = record.photo.storage
    record.photo = "" if value is False else value
    if old:
        # Removed only once the change is committed: a rolled-back edit keeps its photo.
        transaction.on_commit(lambda: storage.delete(old))
