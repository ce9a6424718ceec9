"""The display copy, made band by band to save memory, is exactly the
picture a whole-image resize gives: no seams between bands, no shifted rows."""

import io

import pytest
from PIL import Image, ImageChops, ImageDraw

from catalogue.images import DISPLAY_MAX_SIDE, _display_copy, served_copies


def _page(size, mode):
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    draw = ImageDraw.Draw(image)
    for y in range(0, size[1], 37):  # thin lines that a shifted band would move
        draw.line([(0, y), (size[0], y)], fill=(20, 20, 30), width=2)
    return image.convert(mode)


def _fitted_size(size):
    scale = min(1.0, DISPLAY_MAX_SIDE / max(size))
    return (round(size[0] * scale), round(size[1] * scale))


@pytest.mark.parametrize("size", [(3000, 5100), (2000, 1500), (7301, 2417)])
@pytest.mark.parametrize("mode", ["RGB", "RGBA"])
def test_the_display_copy_is_pixel_for_pixel_a_whole_image_resize(size, mode):
    master = _page(size, mode)
    expected = master.convert("RGB").resize(_fitted_size(size), Image.Resampling.LANCZOS)
    made = _display_copy(master, DISPLAY_MAX_SIDE)
    assert made.mode == "RGB" and made.size == expected.size
    assert ImageChops.difference(made, expected).getbbox() is None


def test_the_served_display_copy_is_a_jpeg_of_the_fitted_size():
    buffer = io.BytesIO()
    _page((3000, 5100), "RGBA").save(buffer, "PNG")
    display, thumbnail = served_copies(buffer, "page")
    assert Image.open(display).size == _fitted_size((3000, 5100))
    assert max(Image.open(thumbnail).size) == 320
