"""The IIIF Image API of a published scan: a level-0 info.json whose every
tile and size is there at the size it says, served only to those who may see
the document, with CORS, long caching and ETags."""

import io
import math

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from catalogue.iiif.tiles import make_tiles
from catalogue.models import DocumentImage, Status
from tests.admin.scans import gps_exif, image_bytes
from tests.factories import make_document, make_scan

pytestmark = pytest.mark.django_db


@pytest.fixture
def scan():
    return make_scan(make_document(), size=(1300, 700))


def _info(client, scan):
    response = client.get(f"/iiif/image/{scan.pk}/info.json")
    assert response.status_code == 200
    return response.json()


def _picture(response):
    return Image.open(io.BytesIO(b"".join(response.streaming_content)))


def test_info_json_describes_a_level_0_service_with_tiles_and_sizes(client, scan):
    info = _info(client, scan)
    assert info["@context"] == "http://iiif.io/api/image/3/context.json"
    assert info["type"] == "ImageService3" and info["profile"] == "level0"
    assert info["id"] == f"http://testserver/iiif/image/{scan.pk}"
    assert (info["width"], info["height"]) == (1300, 700)
    assert info["tiles"] == [{"width": 512, "scaleFactors": [1, 2, 4]}]
    assert info["sizes"] == [
        {"width": 325, "height": 175},
        {"width": 650, "height": 350},
        {"width": 1300, "height": 700},
    ]


def test_every_tile_a_client_computes_from_info_json_is_there_at_its_size(client, scan):
    info = _info(client, scan)
    width, height, tile = info["width"], info["height"], info["tiles"][0]["width"]
    fetched = 0
    for scale in info["tiles"][0]["scaleFactors"]:
        step = tile * scale
        for y in range(0, height, step):
            for x in range(0, width, step):
                w, h = min(step, width - x), min(step, height - y)
                size = (math.ceil(w / scale), math.ceil(h / scale))
                region = "full" if (w, h) == (width, height) else f"{x},{y},{w},{h}"
                size_text = "max" if size == (width, height) else f"{size[0]},{size[1]}"
                response = client.get(f"{info['id']}/{region}/{size_text}/0/default.jpg")
                assert response.status_code == 200, (region, size_text)
                assert _picture(response).size == size
                fetched += 1
    assert fetched == 6 + 2 + 1
    for entry in info["sizes"]:
        size = (entry["width"], entry["height"])
        size_text = "max" if size == (width, height) else f"{size[0]},{size[1]}"
        response = client.get(f"{info['id']}/full/{size_text}/0/default.jpg")
        assert _picture(response).size == size


def test_tiles_are_cached_for_a_year_with_an_etag_and_cors(client, scan):
    url = f"/iiif/image/{scan.pk}/0,0,512,512/512,512/0/default.jpg"
    response = client.get(url)
    assert response["Content-Type"] == "image/jpeg"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "max-age=31536000" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]
    again = client.get(url, headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304


def test_an_address_the_pyramid_does_not_hold_is_a_404_with_a_message(client, scan):
    for url in (
        f"/iiif/image/{scan.pk}/0,0,100,100/100,100/0/default.jpg",  # not a tile
        f"/iiif/image/{scan.pk}/full/max/90/default.jpg",  # rotation: level 0 has none
        f"/iiif/image/{scan.pk}/full/max/0/gray.jpg",
        f"/iiif/image/{scan.pk}/full/max/0/default.png",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        if response["Content-Type"] == "application/json":
            assert "level 0" in response.json()["error"]


def test_tiles_are_cut_upright_from_the_master_without_its_exif_or_gps(client):
    master = SimpleUploadedFile("gps.jpg", image_bytes(size=(300, 200), exif=gps_exif(6)))
    scan = DocumentImage.objects.create(document=make_document(), image=master)
    make_tiles(scan)
    info = _info(client, scan)
    assert (info["width"], info["height"]) == (200, 300)  # turned upright
    full = _picture(client.get(f"{info['id']}/full/max/0/default.jpg"))
    assert full.size == (200, 300)
    assert not full.getexif()
    assert "exif" not in full.info


def test_a_draft_documents_scan_is_a_404_for_anonymous_but_staff_see_it(client, admin_client, scan):
    scan.document.status = Status.DRAFT
    scan.document.save()
    for url in (
        f"/iiif/image/{scan.pk}/info.json",
        f"/iiif/image/{scan.pk}/full/max/0/default.jpg",
        f"/iiif/image/{scan.pk}/0,0,512,512/512,512/0/default.jpg",
    ):
        assert client.get(url).status_code == 404, url
        assert admin_client.get(url).status_code == 200, url


def test_a_scan_whose_tiles_are_not_made_yet_has_no_info_json(client):
    scan = make_scan(make_document(), tiles=False)
    assert client.get(f"/iiif/image/{scan.pk}/info.json").status_code == 404


def test_cors_is_only_on_iiif_addresses(client, scan):
    assert "Access-Control-Allow-Origin" not in client.get(scan.document.get_absolute_url())
    assert "Access-Control-Allow-Origin" not in client.get("/api/documents/")


def test_the_service_base_uri_redirects_to_its_info_json(client, scan):
    response = client.get(f"/iiif/image/{scan.pk}")
    assert response.status_code == 302
    assert response["Location"] == f"/iiif/image/{scan.pk}/info.json"
    assert response["Access-Control-Allow-Origin"] == "*"
