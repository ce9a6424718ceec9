"""Scans of documents: what an upload must be before it is stored, and the
copies the catalogue serves from it.

The master is kept byte for byte as it was received: its sha256 is the
fixity record (`manage.py verify_fixity`), and re-encoding it to drop the
metadata would lose image data and the capture details an archivist may
need. Readers are served two copies made here instead, a display copy and a
thumbnail: re-encoded JPEGs that carry no EXIF (so no GPS position), no XMP
and no comments, turned upright first because the orientation tag goes with
the EXIF. A TIFF master, which browsers cannot show, gets a viewable copy the
same way. Masters are stored under an unguessable name and are linked only
from the admin.

Nothing here touches the database, so the rules can be tested on bytes.
"""

import hashlib
import io
import secrets
import warnings
from contextlib import contextmanager
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow format name -> the extension a stored master gets.
ACCEPTED_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "TIFF": ".tif", "WEBP": ".webp"}
ACCEPTED_MEDIA_TYPES = "image/jpeg,image/png,image/tiff,image/webp"
DISPLAY_MAX_SIDE = 2400
THUMBNAIL_MAX_SIDE = 320
_CHUNK = 1024 * 1024


@contextmanager
def _bombs_refused():
    """Pillow only warns between MAX_IMAGE_PIXELS and twice that; we refuse there too."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        yield


def _open(file):
    """Open `file` with only the accepted decoders, so no other parser ever sees it."""
    file.seek(0)
    return Image.open(file, formats=list(ACCEPTED_FORMATS))


def sha256_of(file):
    """Return the hex sha256 of a file-like object, read in chunks, leaving it rewound."""
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in iter(lambda: file.read(_CHUNK), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def validate_scan(value):
    """Refuse anything that is not a whole JPEG, PNG, TIFF or WebP image within the limits.

    The content decides, never the file name. A file that is already stored
    was checked when it arrived and is not decoded again on every save.
    """
    if not value or getattr(value, "_committed", False):
        return None
    checked = checked_format(value)
    if checked:
        return checked
    name = PurePosixPath(getattr(value, "name", "") or "the file").name
    limit = settings.MAX_IMAGE_UPLOAD_BYTES
    size = getattr(value, "size", None)
    if size is not None and size > limit:
        raise ValidationError(
            "%(name)s is %(size)s; the largest scan accepted is %(limit)s.",
            params={"name": name, "size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    try:
        with _bombs_refused():
            with _open(value) as image:
                image_format, (width, height) = image.format, image.size
                _check_pixels(name, width, height)
                image.verify()
            # verify() only reads the structure; decoding every pixel finds a
            # truncated or damaged body.
            with _open(value) as image:
                image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            "%(name)s has more pixels than the catalogue accepts (at most %(limit)s); "
            "it may be a decompression bomb.",
            params={"name": name, "limit": f"{Image.MAX_IMAGE_PIXELS:,}"},
            code="too_many_pixels",
        ) from None
    except UnidentifiedImageError:
        raise ValidationError(
            "%(name)s is not a JPEG, PNG, TIFF or WebP image (the content was checked, "
            "not the file name).",
            params={"name": name},
            code="not_an_image",
        ) from None
    except (OSError, SyntaxError, ValueError, IndexError, TypeError, EOFError):
        raise ValidationError(
            "%(name)s is a damaged or incomplete image and cannot be read.",
            params={"name": name},
            code="damaged",
        ) from None
    finally:
        value.seek(0)
    # Remembered on the upload itself, so that the model's own check and the
    # save that follows do not decode the file once more.
    for holder in (value, getattr(value, "_file", None)):
        if holder is not None:
            holder.scan_format = image_format
    return image_format


def checked_format(value):
    """The format validate_scan() found for this upload, or None if it has not seen it."""
    for holder in (value, getattr(value, "_file", None)):
        if getattr(holder, "scan_format", None):
            return holder.scan_format
    return None


def _check_pixels(name, width, height):
    limit = Image.MAX_IMAGE_PIXELS
    if limit and width * height > limit:
        raise Image.DecompressionBombError(f"{name}: {width}x{height}")


def _flatten(image):
    """An 8-bit RGB or greyscale copy: what a JPEG can hold and a browser shows."""
    if image.mode in ("RGB", "L"):
        return image
    if image.mode == "1":
        return image.convert("L")
    if image.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        # 16-bit greyscale scans: scale to 8 bits instead of clipping to white.
        return image.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _jpeg(image, max_side, name):
    copy = image.copy()
    copy.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    copy.info = {}  # nothing from the master's metadata travels on
    buffer = io.BytesIO()
    copy.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return ContentFile(buffer.getvalue(), name=name)


def served_copies(file, stem):
    """Return (display copy, thumbnail) as JPEG ContentFiles without any metadata."""
    with _bombs_refused(), _open(file) as master:
        # A JPEG can be decoded at a half, quarter or eighth of its size
        # directly, still at least as large as the display copy: much faster.
        master.draft(master.mode, (DISPLAY_MAX_SIDE, DISPLAY_MAX_SIDE))
        upright = ImageOps.exif_transpose(master)
        flat = _flatten(upright)
        display = _jpeg(flat, DISPLAY_MAX_SIDE, f"{stem}.jpg")
        thumbnail = _jpeg(flat, THUMBNAIL_MAX_SIDE, f"{stem}.jpg")
    file.seek(0)
    return display, thumbnail


def prepare_scan(scan):
    """Fill in a new upload's checksum, stored name and served copies before it is saved.

    `scan` is a DocumentImage whose `image` holds a file not yet stored.
    Returns the list of file fields that now hold new, unsaved files.
    """
    upload = scan.image
    image_format = checked_format(upload) or validate_scan(upload)
    original = PurePosixPath(upload.name or "scan").name
    scan.original_filename = original[:255]
    scan.sha256 = sha256_of(upload)
    # An unguessable name: the master keeps its metadata, so its address must
    # not be something a reader could work out from the document's.
    stem = secrets.token_hex(12)
    upload.name = stem + ACCEPTED_FORMATS[image_format]
    scan.display, scan.thumbnail = served_copies(upload, stem)
    return [scan.image, scan.display, scan.thumbnail]
