"""One admin save accepts scans up to MAX_SCAN_PIXELS_PER_REQUEST pixels together."""

import pytest
from django.urls import reverse

from catalogue.models import DocumentImage
from tests.admin.conftest import form_data
from tests.admin.scans import image_bytes, upload
from tests.factories import make_document

pytestmark = pytest.mark.django_db


def _post_scans(client, document, count):
    url = reverse("admin:catalogue_document_change", args=[document.pk])
    data = form_data(client.get(url))
    n = int(data["images-TOTAL_FORMS"])
    for i in range(n, n + count):
        data[f"images-{i}-image"] = upload(f"page{i}.jpg", image_bytes(size=(64, 48)))
        data[f"images-{i}-order"] = str(i)
    data["images-TOTAL_FORMS"] = str(n + count)
    return client.post(url, data)


def test_scans_over_the_per_save_pixel_limit_are_refused_together(archivist_client, settings):
    settings.MAX_SCAN_PIXELS_PER_REQUEST = 64 * 48 * 2
    document = make_document()
    response = _post_scans(archivist_client, document, 3)
    assert response.status_code == 200
    assert "one save accepts at most 6,144" in response.content.decode()
    assert not DocumentImage.objects.exists()


def test_scans_within_the_per_save_pixel_limit_are_kept(archivist_client, settings):
    settings.MAX_SCAN_PIXELS_PER_REQUEST = 64 * 48 * 2
    document = make_document()
    response = _post_scans(archivist_client, document, 2)
    assert response.status_code == 302
    assert DocumentImage.objects.filter(document=document).count() == 2
