"""Image files for the scan tests, made in memory."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image


def image_bytes(fmt="JPEG", size=(64, 48), mode="RGB", exif=None, color=(180, 120, 60)):
    image = Image.new(mode, size, color if mode == "RGB" else 0)
    buffer = io.BytesIO()
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(buffer, fmt, **kwargs)
    return buffer.getvalue()


def gps_exif(orientation=6):
    """EXIF naming a camera, a GPS position and a sideways orientation."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Scanner Co"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (55.0, 45.0, 7.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (37.0, 37.0, 0.0)
    return exif


def sixteen_bit_tiff(size=(40, 30)):
    image = Image.new("I;16", size)
    image.putdata([(x * 65535) // size[0] for _y in range(size[1]) for x in range(size[0])])
    buffer = io.BytesIO()
    image.save(buffer, "TIFF")
    return buffer.getvalue()


def _chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png_bomb(side=100_000):
    """A few hundred bytes claiming side x side pixels: a decompression bomb's header."""
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    body = zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", body)
        + _chunk(b"IEND", b"")
    )


def upload(name, content, content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)
