"""Public catalogue pages. Thin: selectors and querysets do the work."""

from .browse import article_list, document_list, organisation_list, person_list, place_list
from .detail import (
    article_detail,
    citation_download,
    document_detail,
    organisation_detail,
    person_detail,
    place_detail,
)
from .pages import home, robots_txt, search_page, timeline

__all__ = [
    "article_detail",
    "article_list",
    "citation_download",
    "document_detail",
    "document_list",
    "home",
    "organisation_detail",
    "organisation_list",
    "person_detail",
    "person_list",
    "place_detail",
    "place_list",
    "robots_txt",
    "search_page",
    "timeline",
]
