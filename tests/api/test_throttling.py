"""Over the rate, a client is answered 429 with Retry-After; anonymous
clients are counted by address (past API_NUM_PROXIES proxies), users by account."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def rates(settings):
    def set_rates(anon="3/minute", user="5/minute", proxies=None):
        rest = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": anon, "user": user}}
        if proxies is not None:  # otherwise the deployment's default stands
            rest["NUM_PROXIES"] = proxies
        settings.REST_FRAMEWORK = rest

    return set_rates


def test_anonymous_client_over_the_rate_gets_429_with_retry_after(rates, anon):
    rates(anon="3/minute")
    codes = [anon.get("/api/places/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    response = anon.get("/api/places/")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert "throttled" in response.json()["detail"].lower()


def test_a_signed_in_client_has_its_own_larger_allowance(rates, anon, editor):
    rates(anon="1/minute", user="3/minute")
    assert anon.get("/api/places/").status_code == 200
    assert anon.get("/api/places/").status_code == 429
    assert [editor.get("/api/places/").status_code for _ in range(4)] == [200, 200, 200, 429]


def test_behind_a_proxy_clients_are_told_apart_by_forwarded_address(rates, anon):
    rates(anon="1/minute", proxies=1)
    first = {"HTTP_X_FORWARDED_FOR": "203.0.113.7", "REMOTE_ADDR": "10.0.0.1"}
    second = {"HTTP_X_FORWARDED_FOR": "203.0.113.8", "REMOTE_ADDR": "10.0.0.1"}
    assert anon.get("/api/places/", **first).status_code == 200
    assert anon.get("/api/places/", **first).status_code == 429
    # Same proxy, another client: its own allowance.
    assert anon.get("/api/places/", **second).status_code == 200


def test_without_configured_proxies_a_forged_forwarded_address_does_not_reset_the_limit(
    rates, anon
):
    rates(anon="1/minute")
    assert anon.get("/api/places/", HTTP_X_FORWARDED_FOR="203.0.113.1").status_code == 200
    # A new made-up address on every request: still the same client.
    assert anon.get("/api/places/", HTTP_X_FORWARDED_FOR="203.0.113.2").status_code == 429
    assert anon.get("/api/places/").status_code == 429


def test_behind_a_proxy_only_the_address_the_proxy_added_counts(rates, anon):
    rates(anon="1/minute", proxies=1)
    # The client forged the first entry; the proxy appended the real address.
    first = {"HTTP_X_FORWARDED_FOR": "198.51.100.1, 203.0.113.7", "REMOTE_ADDR": "10.0.0.1"}
    forged = {"HTTP_X_FORWARDED_FOR": "198.51.100.2, 203.0.113.7", "REMOTE_ADDR": "10.0.0.1"}
    assert anon.get("/api/places/", **first).status_code == 200
    assert anon.get("/api/places/", **forged).status_code == 429
