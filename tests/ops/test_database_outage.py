"""With the database unreachable the site answers a clean 503 (a page, or
JSON under /api/) with Retry-After, and recovers by itself once it is back.

The outage is real: the default connection is pointed at a closed port
(PostgreSQL) or at a file that cannot be opened (SQLite), then back at the
test database, without restarting anything.
"""

import copy

import pytest
from django.db import connections
from django.test import Client

from tests.factories import make_place

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database(closed_port, tmp_path):
    """Controls over the default database: .down() and .up()."""
    original = connections["default"]
    working = copy.deepcopy(original.settings_dict)
    if original.vendor == "postgresql":
        unreachable = {"HOST": "127.0.0.1", "PORT": str(closed_port)}
    else:
        unreachable = {"NAME": str(tmp_path / "no-such-folder" / "db.sqlite3")}
    wrapper = type(original)(copy.deepcopy(working), "default")

    def disconnect():
        # Not wrapper.close(): Django never closes an in-memory SQLite database.
        if wrapper.connection is not None:
            wrapper.connection.close()
            wrapper.connection = None

    class Database:
        def down(self):
            disconnect()
            wrapper.settings_dict.update(unreachable)

        def up(self):
            wrapper.settings_dict.update(working)

    connections["default"] = wrapper
    try:
        yield Database()
    finally:
        disconnect()
        connections["default"] = original


def test_pages_answer_503_while_the_database_is_down_and_recover_by_themselves(database):
    make_place(name="Moscow")
    client = Client(raise_request_exception=False)
    database.down()
    response = client.get("/places/")
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "Temporarily unavailable" in response.content.decode()
    database.up()
    response = client.get("/places/")
    assert response.status_code == 200 and "Moscow" in response.content.decode()


def test_the_api_answers_json_503_while_the_database_is_down(database):
    make_place(name="Moscow")
    client = Client(raise_request_exception=False)
    database.down()
    response = client.get("/api/places/")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert "database" in response.json()["detail"]
    assert int(response["Retry-After"]) > 0
    database.up()
    response = client.get("/api/places/")
    assert response.status_code == 200
    assert [p["name"] for p in response.json()["results"]] == ["Moscow"]


def test_healthz_says_503_database_down_then_200_when_it_is_back(database):
    client = Client(raise_request_exception=False)
    database.down()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"]["status"] == "down"
    database.up()
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"]["database"]["status"] == "ok"
