from .articles import Article, ArticleQuerySet, sha256_text
from .authorities import Organisation, Person, PersonTitle, Place
from .base import (
    CatalogueRecord,
    DatedRecord,
    LinkQuerySet,
    RecordQuerySet,
    Status,
    links,
    parse_edtf_range,
    published_at,
    sees_drafts,
)
from .citations import Citation, Mention, Statement, normalise_for_matching, quote_found_in
from .claims import Candidate, Claim, Decision
from .documents import (
    Document,
    DocumentAgent,
    DocumentExcerpt,
    DocumentImage,
    DocumentQuerySet,
    DocumentRelation,
)
from .harvest import HarvestEntry
from .holdings import Collection, Level, Repository
from .jobs import Job
from .search import SearchEntry, SearchName

__all__ = [
    "published_at",
    "Article",
    "ArticleQuerySet",
    "Candidate",
    "CatalogueRecord",
    "Citation",
    "Claim",
    "DatedRecord",
    "Decision",
    "Document",
    "DocumentAgent",
    "DocumentExcerpt",
    "DocumentImage",
    "DocumentQuerySet",
    "DocumentRelation",
    "HarvestEntry",
    "Job",
    "Collection",
    "Level",
    "Repository",
    "Mention",
    "Organisation",
    "Person",
    "PersonTitle",
    "Place",
    "LinkQuerySet",
    "RecordQuerySet",
    "SearchEntry",
    "SearchName",
    "Statement",
    "Status",
    "links",
    "normalise_for_matching",
    "parse_edtf_range",
    "quote_found_in",
    "sees_drafts",
    "sha256_text",
]
