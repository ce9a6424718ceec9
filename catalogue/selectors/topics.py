"""Topic headings: the label the authority file gives each topic ("Kuril Islands"),
not one guessed from its slug ("Kuril islands")."""

import functools

from catalogue.ingest import ParseError, load_authority_file
from catalogue.services.fixtures import AUTHORITY_FILE, SOURCES_DIR


@functools.cache
def topic_labels(path=SOURCES_DIR / AUTHORITY_FILE):
    """{slug: label} from the authority file; read once per process (it changes only
    with a deploy, like the code)."""
    try:
        vocabulary = load_authority_file(path)
    except ParseError:
        return {}
    return {entry.key: entry.name for entry in vocabulary.of_kind("topic")}


def topic_label(slug):
    """The topic's label, or its slug in words for a topic the file does not list."""
    return topic_labels().get(slug) or slug.replace("-", " ").capitalize()
