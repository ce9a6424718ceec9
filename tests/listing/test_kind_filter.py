"""Choosing kinds lists each matching record once, sorted as asked, for the
same number of queries at one record a page or fifty."""

import pytest

from catalogue.models import Document
from tests.factories import make_agent, make_document, make_person

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("n", [1, 50])
def test_documents_of_chosen_kinds_come_once_each_newest_first(
    client, django_assert_num_queries, n
):
    for i in range(n + 1):
        treaty = make_document(
            title=f"Treaty {i}", kind=Document.Kind.TREATY, date_edtf=f"{1900 + i}"
        )
        make_agent(treaty, person=make_person())
        make_agent(treaty, person=make_person())
        make_document(title=f"Letter {i}", kind=Document.Kind.LETTER, date_edtf="1800")
    make_document(title="Protocol", kind=Document.Kind.PROTOCOL)
    url = f"/api/documents/?kind=treaty&kind=letter&ordering=-date&limit={n}"
    # The capped count, the page, the parties.
    with django_assert_num_queries(3):
        body = client.get(url).json()
    assert body["count"] == 2 * (n + 1)
    assert [r["title"] for r in body["results"]] == [f"Treaty {n - i}" for i in range(n)]
