"""The static tile pyramid of one scan (IIIF Image API 3.0, level 0).

Every file a level-0 client may ask for is written once, through Django's
storage API (so it can move to object storage), under
`iiif/<image id>/<region>/<size>/0/default.jpg`, in the canonical form of
the address: 512-pixel tiles at scale factors 1, 2, 4, ... until the whole
picture fits one tile, and the whole picture at each of those scales (the
`sizes`, the largest being `full/max`). `pyramid.json` is written last; its
presence says the set is complete, and info.json is built from it.

Memory: the source is decoded once at full size (EXIF dropped, turned upright,
flattened to 8-bit), then each level is made from the one before with
`Image.reduce(2)` and the finer level is let go, so at most a full-size image
and its half are held at once (bench/iiif_memory.py measures it). The master
is read here and never written anywhere a reader can reach.
"""

import json
import math
import posixpath
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from catalogue.images import jpeg_bytes, upright_full_size

TILE_SIZE = 512
ROOT = "iiif"
PYRAMID = "pyramid.json"


@dataclass(frozen=True)
class Pyramid:
    """What was made for one scan: the full size, the scale factors and the sizes."""

    width: int
    height: int
    scale_factors: tuple[int, ...]

    @property
    def sizes(self):
        """[(width, height)] of the whole picture at each scale, smallest first."""
        return [level_size(self.width, self.height, s) for s in reversed(self.scale_factors)]


def scale_factors(width, height):
    """1, 2, 4, ... up to the first scale at which the picture fits one tile."""
    factors = [1]
    while max(level_size(width, height, factors[-1])) > TILE_SIZE:
        factors.append(factors[-1] * 2)
    return tuple(factors)


def level_size(width, height, scale):
    return math.ceil(width / scale), math.ceil(height / scale)


def address(width, height, box, size):
    """The canonical `region/size` of a box of the full picture shown at `size`."""
    x, y, w, h = box
    region = "full" if (x, y, w, h) == (0, 0, width, height) else f"{x},{y},{w},{h}"
    size_text = "max" if tuple(size) == (width, height) else f"{size[0]},{size[1]}"
    return f"{region}/{size_text}"


def tile_name(image_id, region_size):
    return posixpath.join(ROOT, str(image_id), region_size, "0", "default.jpg")


def level_files(width, height, scale):
    """[(region/size, crop box in the level's pixels)] for one level: its tiles and the whole."""
    level_width, level_height = level_size(width, height, scale)
    files = [(address(width, height, (0, 0, width, height), (level_width, level_height)), None)]
    step = TILE_SIZE * scale
    for y in range(0, height, step):
        for x in range(0, width, step):
            box = (x, y, min(step, width - x), min(step, height - y))
            left, top = x // scale, y // scale
            right = min(left + TILE_SIZE, level_width)
            bottom = min(top + TILE_SIZE, level_height)
            name = address(width, height, box, (right - left, bottom - top))
            if name != files[0][0]:  # a level of one tile: that tile is the whole
                files.append((name, (left, top, right, bottom)))
    return files


def pyramid_of(image_id, storage=default_storage):
    """The Pyramid written for this scan, or None while its tiles are not (all) made."""
    name = posixpath.join(ROOT, str(image_id), PYRAMID)
    try:
        with storage.open(name) as file:
            data = json.load(file)
    except (FileNotFoundError, OSError, ValueError):
        return None
    return Pyramid(data["width"], data["height"], tuple(data["scale_factors"]))


def remove_tiles(image_id, storage=default_storage):
    """Delete everything stored for this scan under iiif/<id>/; returns the count."""
    removed = 0

    def walk(folder):
        nonlocal removed
        try:
            folders, files = storage.listdir(folder)
        except FileNotFoundError:
            return
        for name in files:
            storage.delete(posixpath.join(folder, name))
            removed += 1
        for sub in folders:
            walk(posixpath.join(folder, sub))

    walk(posixpath.join(ROOT, str(image_id)))
    return removed


def make_tiles(scan, storage=default_storage, progress=None):
    """Write the tile pyramid of `scan` (a DocumentImage) from its master; returns the
    Pyramid. Existing tiles of the scan are replaced. `progress(done, total)` is told
    after each level."""
    remove_tiles(scan.pk, storage)
    with scan.image.open("rb") as master:
        level = upright_full_size(master)
    width, height = level.size
    factors = scale_factors(width, height)
    for done, scale in enumerate(factors, start=1):
        if scale > 1:
            # Each level from the one before: the finer one is no longer held.
            level = level.reduce(2)
        for region_size, crop in level_files(width, height, scale):
            picture = level if crop is None else level.crop(crop)
            # Baseline JPEGs: a progressive one of the full-size picture would
            # hold all its coefficients in memory while it is encoded.
            data = jpeg_bytes(picture, progressive=False)
            storage.save(tile_name(scan.pk, region_size), ContentFile(data))
        if progress:
            progress(done, len(factors))
    pyramid = Pyramid(width, height, factors)
    description = {"width": width, "height": height, "scale_factors": list(factors)}
    storage.save(
        posixpath.join(ROOT, str(scan.pk), PYRAMID), ContentFile(json.dumps(description).encode())
    )
    return pyramid
