"""Scans uploaded in the admin: only whole images within the limits are kept,
readers get copies without metadata, and a refused upload leaves no file."""

import hashlib
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.urls import reverse
from PIL import Image

from catalogue.models import DocumentImage
from tests.admin.conftest import form_data
from tests.admin.scans import gps_exif, image_bytes, png_bomb, sixteen_bit_tiff, upload
from tests.factories import make_document

pytestmark = pytest.mark.django_db


def _stored_files(settings):
    root = settings.MEDIA_ROOT
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def _post_scan(client, document, file, caption="Page 1"):
    url = reverse("admin:catalogue_document_change", args=[document.pk])
    data = form_data(client.get(url))
    n = int(data["images-TOTAL_FORMS"])
    data.update(
        {
            "images-TOTAL_FORMS": str(n + 1),
            f"images-{n}-image": file,
            f"images-{n}-caption": caption,
            f"images-{n}-order": "0",
        }
    )
    return client.post(url, data)


@pytest.fixture
def document():
    return make_document(title="Soviet-Japanese Joint Declaration", identifier="doc-declaration")


def test_a_jpeg_scan_is_kept_byte_for_byte_with_its_sha256(archivist_client, document, settings):
    content = image_bytes(exif=gps_exif())
    response = _post_scan(archivist_client, document, upload("page1.jpg", content))

    assert response.status_code == 302
    scan = DocumentImage.objects.get(document=document)
    assert scan.sha256 == hashlib.sha256(content).hexdigest()
    with scan.image.open("rb") as stored:
        assert stored.read() == content
    assert scan.original_filename == "page1.jpg"
    # The master's address cannot be guessed from the document or the file name.
    assert "page1" not in scan.image.name
    assert (scan.width, scan.height) == (64, 48)


def test_served_copies_carry_no_exif_or_gps_and_are_upright(archivist_client, document):
    _post_scan(archivist_client, document, upload("page1.jpg", image_bytes(exif=gps_exif())))
    scan = DocumentImage.objects.get(document=document)
    with scan.image.open("rb") as master:
        assert ExifGps.of(master.read())  # the master keeps what it came with

    for copy in (scan.display, scan.thumbnail):
        with copy.open("rb") as served:
            data = served.read()
        assert not ExifGps.of(data)
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == "JPEG"
            assert "exif" not in image.info and "xmp" not in image.info
            # Orientation 6 (turned sideways) is applied before the tag is dropped.
            assert image.size[0] < image.size[1]
    with scan.thumbnail.open("rb") as thumb, Image.open(thumb) as image:
        assert max(image.size) <= 320


class ExifGps:
    @staticmethod
    def of(data):
        with Image.open(io.BytesIO(data)) as image:
            return dict(image.getexif().get_ifd(0x8825))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("scan.jpg", b"This is a letter, not an image.\n", "is not a JPEG, PNG, TIFF or WebP"),
        ("scan.jpg", image_bytes()[:300], "damaged or incomplete"),
        ("scan.gif", image_bytes("GIF", mode="L"), "is not a JPEG, PNG, TIFF or WebP"),
        ("bomb.png", png_bomb(), "more pixels than the catalogue accepts"),
    ],
    ids=["text-renamed-jpg", "truncated-jpeg", "gif", "decompression-bomb"],
)
def test_a_bad_file_is_refused_with_a_message_and_leaves_no_file(
    archivist_client, document, settings, name, content, message
):
    response = _post_scan(archivist_client, document, upload(name, content))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not DocumentImage.objects.exists()
    assert _stored_files(settings) == []


def test_an_oversize_scan_is_refused_before_it_is_decoded(archivist_client, document, settings):
    settings.MAX_IMAGE_UPLOAD_BYTES = 2000
    noisy = Image.effect_noise((120, 120), 100).convert("RGB")
    buffer = io.BytesIO()
    noisy.save(buffer, "PNG")
    assert len(buffer.getvalue()) > 2000

    response = _post_scan(archivist_client, document, upload("big.png", buffer.getvalue()))

    assert "the largest scan accepted is 2.0\xa0KB" in response.content.decode()
    assert not DocumentImage.objects.exists()
    assert _stored_files(settings) == []


def test_pillow_bomb_warning_range_is_refused_too(
    archivist_client, document, settings, monkeypatch
):
    # Between the limit and twice the limit Pillow only warns; we refuse.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    response = _post_scan(archivist_client, document, upload("p.png", image_bytes("PNG", (40, 30))))
    assert "more pixels than the catalogue accepts (at most 1,000)" in response.content.decode()
    assert _stored_files(settings) == []


def test_content_decides_the_format_not_the_file_name(archivist_client, document):
    _post_scan(archivist_client, document, upload("scan.png", image_bytes("JPEG")))
    scan = DocumentImage.objects.get()
    assert scan.image.name.endswith(".jpg")


@pytest.mark.parametrize("fmt", ["PNG", "TIFF", "WEBP"])
def test_png_tiff_and_webp_scans_are_accepted(archivist_client, document, fmt):
    response = _post_scan(
        archivist_client, document, upload(f"scan.{fmt.lower()}", image_bytes(fmt))
    )
    assert response.status_code == 302
    assert DocumentImage.objects.get().display.name.endswith(".jpg")


def test_a_16_bit_tiff_gets_a_viewable_grey_display_copy(archivist_client, document):
    _post_scan(archivist_client, document, upload("scan.tif", sixteen_bit_tiff()))
    scan = DocumentImage.objects.get()
    with scan.display.open("rb") as display, Image.open(display) as image:
        assert image.mode == "L"
        low, high = image.getextrema()
        assert low < 20 and high > 230  # the gradient survives, not clipped to white


def test_editing_a_caption_keeps_the_stored_files(archivist_client, document, settings):
    _post_scan(archivist_client, document, upload("page1.jpg", image_bytes()))
    before = _stored_files(settings)
    scan = DocumentImage.objects.get()
    url = reverse("admin:catalogue_document_change", args=[document.pk])
    data = {**form_data(archivist_client.get(url)), "images-0-caption": "First page"}
    assert archivist_client.post(url, data).status_code == 302
    scan.refresh_from_db()
    assert scan.caption == "First page"
    assert _stored_files(settings) == before


def test_the_model_refuses_a_bad_file_whoever_saves_it(document):
    scan = DocumentImage(document=document, image=upload("scan.jpg", b"not an image"))
    with pytest.raises(ValidationError, match="not a JPEG, PNG, TIFF or WebP"):
        scan.full_clean()


def test_a_failed_database_write_leaves_no_file_behind(document, settings, monkeypatch):
    insert = DocumentImage._do_insert

    def insert_then_fail(self, *args, **kwargs):
        # The files are stored while the INSERT is built; then the database fails.
        insert(self, *args, **kwargs)
        assert _stored_files(settings)
        raise DatabaseError("disk full")

    monkeypatch.setattr(DocumentImage, "_do_insert", insert_then_fail)
    with pytest.raises(DatabaseError):
        DocumentImage.objects.create(document=document, image=upload("p.jpg", image_bytes()))
    assert _stored_files(settings) == []
