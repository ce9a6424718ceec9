from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from catalogue.ingest import load_authority_file, parse_text

SOURCES = Path(settings.BASE_DIR) / "fixtures" / "sources"
WIKI = SOURCES / "000_0543db3bfdfe29b7.txt"
EVENT = SOURCES / "004_f5ec84521a8842e8.txt"


@pytest.fixture(scope="session")
def vocabulary():
    return load_authority_file(SOURCES / "authorities.yaml")


@pytest.fixture(scope="session")
def wiki_text():
    return WIKI.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def event_text():
    return EVENT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def wiki(wiki_text, vocabulary):
    return parse_text(wiki_text, vocabulary)


@pytest.fixture(scope="session")
def event(event_text, vocabulary):
    return parse_text(event_text, vocabulary)


@pytest.fixture
def seeded(db):
    """The catalogue as ./setup.sh leaves it: the committed fixture loaded by `seed`."""
    call_command("seed", verbosity=0)
