"""Lists (other titles, name variants, languages) are edited one value per
line on every admin form that has them, never as JSON typed by hand."""

import pytest
from django.urls import reverse

from catalogue.admin.listfields import LineListField
from tests.admin.conftest import form_data
from tests.factories import (
    make_collection,
    make_document,
    make_organisation,
    make_person,
    make_place,
    make_repository,
)

pytestmark = pytest.mark.django_db

# (model, factory, list field) for every admin form with such a list.
FORMS = [
    ("document", make_document, "other_titles"),
    ("document", make_document, "languages"),
    ("person", make_person, "variants"),
    ("organisation", make_organisation, "variants"),
    ("place", make_place, "variants"),
    ("repository", make_repository, "variants"),
    ("collection", make_collection, "languages"),
]


def _change(client, model, record):
    url = reverse(f"admin:catalogue_{model}_change", args=[record.pk])
    return url, client.get(url)


@pytest.mark.parametrize(("model", "make", "field"), FORMS)
def test_a_list_is_shown_one_value_per_line_and_saved_back_as_a_list(
    archivist_client, model, make, field
):
    record = make(**{field: ["ja", "ru"]})
    url, response = _change(archivist_client, model, record)
    form = response.context["adminform"].form
    assert isinstance(form.fields[field], LineListField)
    assert ">\nja\nru</textarea>" in response.content.decode()

    data = {**form_data(response), field: "ja\n\n  ru  \r\nen\n"}
    assert archivist_client.post(url, data).status_code == 302

    record.refresh_from_db()
    assert getattr(record, field) == ["ja", "ru", "en"]


def test_other_titles_keep_their_commas_quotes_and_order(archivist_client):
    document = make_document()
    url, response = _change(archivist_client, "document", document)
    titles = (
        'Joint Declaration, 19 October 1956\n"Moscow Declaration"\nСоветско-японская декларация'
    )
    archivist_client.post(url, {**form_data(response), "other_titles": titles})
    document.refresh_from_db()
    assert document.other_titles == [
        "Joint Declaration, 19 October 1956",
        '"Moscow Declaration"',
        "Советско-японская декларация",
    ]


def test_a_word_instead_of_a_language_code_is_refused_naming_the_line(archivist_client):
    document = make_document(languages=["ja"])
    url, response = _change(archivist_client, "document", document)

    response = archivist_client.post(url, {**form_data(response), "languages": "ru\nJapanese"})

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["languages"] == [
        "Line 2: \u201cJapanese\u201d is not a language code: write ISO 639 codes such as ja, ru "
        "or jpn, one per line."
    ]
    document.refresh_from_db()
    assert document.languages == ["ja"]
    # What was typed stays in the box to be corrected.
    assert "ru\nJapanese</textarea>" in response.content.decode()


def test_an_overlong_variant_is_refused_in_words(archivist_client):
    person = make_person()
    url, response = _change(archivist_client, "person", person)
    response = archivist_client.post(url, {**form_data(response), "variants": "x" * 501})
    assert response.context["adminform"].form.errors["variants"] == [
        "Line 1 is 501 characters long; a value may have at most 500."
    ]


def test_an_empty_box_saves_an_empty_list(archivist_client):
    person = make_person(variants=["Hatoyama Ichirō"])
    url, response = _change(archivist_client, "person", person)
    archivist_client.post(url, {**form_data(response), "variants": "\n \n"})
    person.refresh_from_db()
    assert person.variants == []


def test_titles_are_given_a_wide_box(archivist_client):
    document = make_document(title="A" * 400)
    _url, response = _change(archivist_client, "document", document)
    html = response.content.decode()
    assert 'class="vTextField catalogue-wide-text" maxlength="500"' in html
    assert "A" * 400 in html
