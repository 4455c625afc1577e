"""Where record photos and import files are kept: under MEDIA_ROOT, never under a public URL.

Photos are served only by a view that applies the access policy (databases.views.photos), so the storage has
no URL: a template that tried `photo.image.url` would fail loudly instead of leaking a record's picture.
"""

from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible
class PrivateStorage(FileSystemStorage):
    """MEDIA_ROOT (followed when a test changes it), without a URL."""

    def url(self, name):
        raise NotImplementedError("Record files are served through databases.views.photos only.")


private_storage = PrivateStorage()
