"""A reversed EDTF interval typed in the admin is a form error; the record keeps its date."""

import pytest
from django.urls import reverse

from tests.admin.conftest import form_data
from tests.factories import make_document

pytestmark = pytest.mark.django_db


def test_the_form_shows_the_error_and_the_record_keeps_its_date(archivist_client):
    document = make_document(date_edtf="1956-10-19")
    url = reverse("admin:catalogue_document_change", args=[document.pk])
    data = {**form_data(archivist_client.get(url)), "date_edtf": "1956/1945"}
    response = archivist_client.post(url, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["date_edtf"]
    assert "'1956/1945' ends before it starts" in errors[0]
    document.refresh_from_db()
    assert document.date_edtf == "1956-10-19"
