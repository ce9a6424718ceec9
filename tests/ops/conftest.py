"""Helpers for the outage tests: a port nobody listens on, API clients."""

import socket

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient


def free_port():
    """A local TCP port with nothing listening on it (a closed port)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def closed_port():
    return free_port()


@pytest.fixture
def anon():
    return APIClient()


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()
