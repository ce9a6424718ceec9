"""Public catalogue pages. Thin: selectors and querysets do the work."""

from .browse import record_list_page
from .detail import (
    article_detail,
    citation_download,
    document_detail,
    organisation_detail,
    person_detail,
    place_detail,
    xml_download,
)
from .holdings import collection_detail, repository_detail
from .pages import home, robots_txt, search_page, timeline

__all__ = [
    "article_detail",
    "citation_download",
    "collection_detail",
    "document_detail",
    "home",
    "organisation_detail",
    "person_detail",
    "place_detail",
    "record_list_page",
    "repository_detail",
    "robots_txt",
    "search_page",
    "timeline",
    "xml_download",
]
