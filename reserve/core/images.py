"""Photos people upload: checked to be real images of a sane size, then re-encoded.

Re-encoding writes a fresh JPEG, so no metadata (EXIF, GPS position) is carried over.
"""

import io

from django import forms
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}
PHOTO_MAX_PIXELS = 40_000_000
PHOTO_MAX_SIDE = 1600


def clean_photo(upload, *, max_bytes: int, name: str = "photo.jpg") -> InMemoryUploadedFile:
    """The upload as a re-encoded JPEG, or a ValidationError the person reads."""
    if upload.size > max_bytes:
        limit = max_bytes // 1_000_000
        raise forms.ValidationError(_("Photo trop lourde (%(max)s Mo au plus).") % {"max": limit})
    try:
        image = Image.open(upload)
        if image.format not in PHOTO_FORMATS:
            raise forms.ValidationError(_("Formats acceptés : JPEG, PNG ou WebP."))
        if image.width * image.height > PHOTO_MAX_PIXELS:
            raise forms.ValidationError(_("Image trop grande."))
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise forms.ValidationError(_("Ce fichier n'est pas une image lisible.")) from error
    image = image.convert("RGB")
    image.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
    output = io.BytesIO()
    image.save(output, "JPEG", quality=82)
    size = output.tell()
    output.seek(0)
    return InMemoryUploadedFile(output, "photo", name, "image/jpeg", size, None)
