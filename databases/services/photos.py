"""Photos of persons and works of art: cleaned by databases.imaging, stored privately, audited."""

import uuid

from django.core.files.base import ContentFile
from django.db import transaction

from ncb.models import User
from ncb.services import audit_record

from ..imaging import clean_image
from ..models import Artwork, ArtworkPhoto, GlobalRecord, Person, PersonPhoto


@transaction.atomic
def photo_add(*, record: GlobalRecord, upload, actor: User, caption: str = "", request=None):
    """Add a photo to a person or a work of art (owner only: callers check may_edit)."""
    clean = clean_image(upload)
    if isinstance(record, Person):
        photo = PersonPhoto(person=record)
    elif isinstance(record, Artwork):
        photo = ArtworkPhoto(artwork=record)
    else:
        raise TypeError("Only persons and works of art have photos.")
    name = f"{uuid.uuid4().hex}.jpg"
    photo.image.save(name, ContentFile(clean.content), save=False)
    photo.thumbnail.save(name, ContentFile(clean.thumbnail), save=False)
    photo.width, photo.height, photo.dhash = clean.width, clean.height, clean.dhash
    photo.caption, photo.uploaded_by = caption[:200], actor
    photo.full_clean()
    photo.save()
    audit_record(actor=actor, action=f"{record.DATABASE}.photo_add", target=record, request=request)
    return photo
