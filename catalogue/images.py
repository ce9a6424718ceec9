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
import math
import secrets
import warnings
from contextlib import contextmanager
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from PIL import ExifTags, Image, UnidentifiedImageError

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
            # truncated or damaged body. A JPEG is decoded at the reduced
            # scale its copies need: every byte is still read and checked,
            # in a fraction of the memory.
            with _open(value) as image:
                image.draft(image.mode, (DISPLAY_MAX_SIDE, DISPLAY_MAX_SIDE))
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
            holder.scan_pixels = width * height
    return image_format


def checked_pixels(value):
    """The pixel count validate_scan() found for this upload, or 0 if it has not seen it."""
    for holder in (value, getattr(value, "_file", None)):
        if getattr(holder, "scan_pixels", None):
            return holder.scan_pixels
    return 0


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


# Rows of the master flattened and shrunk at a time (see _shrunk).
_BAND_ROWS = 512
# EXIF orientation -> the transposition that turns the picture upright (as ImageOps does).
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


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


def _fitted(image, max_side):
    """`image` scaled down to fit max_side (never up), as a new image."""
    scale = min(1.0, max_side / max(image.size))
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS)


def _display_copy(master, max_side):
    """The master flattened (8-bit RGB or grey) and fitted to max_side, band by band.

    Pillow's own resize of a whole RGBA image first makes a premultiplied
    full-size copy, flattening makes another, and the resize a third: 1.5 GB
    for the largest image accepted. Here each band of output rows is resized
    from a flattened band of the master, with enough rows around it for
    LANCZOS to see what it would see in the whole image (Pillow reads outside
    the `box` it is given), so the bands join without seams and nothing but
    the decoded master is ever full size.
    """
    width, height = master.size
    scale = min(1.0, max_side / max(width, height))
    out_width, out_height = max(1, round(width * scale)), max(1, round(height * scale))
    rows_per_source_row = out_height / height
    margin = math.ceil(3 / rows_per_source_row) + 2  # LANCZOS reaches 3 output rows away
    band_rows = max(1, round(_BAND_ROWS * rows_per_source_row))
    display = None
    for out_top in range(0, out_height, band_rows):
        out_bottom = min(out_top + band_rows, out_height)
        source_top = out_top / rows_per_source_row
        source_bottom = out_bottom / rows_per_source_row
        top = max(0, math.floor(source_top) - margin)
        bottom = min(height, math.ceil(source_bottom) + margin)
        band = _flatten(master.crop((0, top, width, bottom)))
        part = band.resize(
            (out_width, out_bottom - out_top),
            Image.Resampling.LANCZOS,
            box=(0, source_top - top, width, source_bottom - top),
        )
        if display is None:
            display = Image.new(part.mode, (out_width, out_height))
        display.paste(part, (0, out_top))
    return display


def jpeg_bytes(image, *, progressive=True):
    """`image` as JPEG bytes that carry none of the master's metadata.

    A progressive (and optimized) JPEG is encoded in several passes over the
    whole picture's coefficients, held in memory: about as much again as the
    decoded picture. `progressive=False` writes a baseline JPEG in one pass.
    """
    image.info = {}  # nothing from the master's metadata travels on
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=progressive, progressive=progressive)
    return buffer.getvalue()


def _jpeg(image, name):
    return ContentFile(jpeg_bytes(image), name=name)


def upright_full_size(file):
    """The master decoded at full size, 8-bit, turned upright, without its metadata.

    The IIIF tiles are cut from this (catalogue/iiif/tiles.py). A transposition
    or flattening makes a new image and lets the decoded one go, so about one
    full-size image is held at a time.
    """
    # Not closed by a `with`: closing would drop the decoded pixels we return,
    # and copying them would double the memory. The file is the caller's.
    with _bombs_refused():
        master = _open(file)
        orientation = master.getexif().get(ExifTags.Base.Orientation)
        master.load()
    image = _flatten(master)
    if orientation in _UPRIGHT:
        image = image.transpose(_UPRIGHT[orientation])
    image.info = {}
    return image


def served_copies(file, stem):
    """Return (display copy, thumbnail) as JPEG ContentFiles without any metadata.

    Memory stays near one decoded master: a JPEG is decoded at a reduced
    scale, every other format once at full size, and everything after that
    (flattening and fitting band by band, turning upright, the thumbnail)
    makes no other full-size copy.
    """
    with _bombs_refused(), _open(file) as master:
        # A JPEG can be decoded at a half, quarter or eighth of its size
        # directly, still at least as large as the display copy: much faster.
        master.draft(master.mode, (DISPLAY_MAX_SIDE, DISPLAY_MAX_SIDE))
        orientation = master.getexif().get(ExifTags.Base.Orientation)
        display = _display_copy(master, DISPLAY_MAX_SIDE)
    if orientation in _UPRIGHT:
        display = display.transpose(_UPRIGHT[orientation])
    thumbnail = _fitted(display, THUMBNAIL_MAX_SIDE)
    file.seek(0)
    return _jpeg(display, f"{stem}.jpg"), _jpeg(thumbnail, f"{stem}.jpg")


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
