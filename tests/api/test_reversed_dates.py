"""A reversed EDTF interval sent to the API is a 400 naming the field; nothing changes."""

import pytest

from catalogue.models import Document

pytestmark = pytest.mark.django_db


def test_a_reversed_interval_is_a_400_naming_the_field(editor):
    response = editor.post(
        "/api/documents/", {"title": "x", "date_edtf": "1956/1945"}, format="json"
    )
    assert response.status_code == 400
    assert "'1956/1945' ends before it starts" in response.json()["date_edtf"][0]
    assert not Document.objects.exists()
