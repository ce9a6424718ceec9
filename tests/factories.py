"""Small factories: each makes one valid record, overridable by keyword."""

import datetime
import itertools

from django.utils import timezone

from catalogue.models import (
    Article,
    Citation,
    Document,
    DocumentAgent,
    Mention,
    Organisation,
    Person,
    Place,
    Status,
)

_seq = itertools.count(1)


def _n():
    return next(_seq)


def make_person(**kw):
    n = _n()
    kw.setdefault("name", f"Person Number{n}")
    kw.setdefault("status", Status.PUBLISHED)
    return Person.objects.create(**kw)


def make_organisation(**kw):
    n = _n()
    kw.setdefault("name", f"Organisation {n}")
    kw.setdefault("kind", Organisation.Kind.STATE)
    kw.setdefault("status", Status.PUBLISHED)
    return Organisation.objects.create(**kw)


def make_place(**kw):
    n = _n()
    kw.setdefault("name", f"Place {n}")
    kw.setdefault("kind", Place.Kind.CITY)
    kw.setdefault("status", Status.PUBLISHED)
    return Place.objects.create(**kw)


def make_document(**kw):
    n = _n()
    kw.setdefault("title", f"Document {n}")
    kw.setdefault("kind", Document.Kind.DECLARATION)
    kw.setdefault("date_edtf", "1956-10-19")
    kw.setdefault("status", Status.PUBLISHED)
    return Document.objects.create(**kw)


def make_article(**kw):
    n = _n()
    kw.setdefault("title", f"Article {n}")
    kw.setdefault("source_text", f"Article {n}\nA text about a declaration.")
    kw.setdefault("body", "A text about a declaration.")
    kw.setdefault("status", Status.PUBLISHED)
    return Article.objects.create(**kw)


def make_agent(document, *, person=None, organisation=None, role=DocumentAgent.Role.SIGNATORY):
    return DocumentAgent.objects.create(
        document=document, person=person, organisation=organisation, role=role
    )


def make_mention(article, target, surface):
    start = article.source_text.index(surface)
    field = target._meta.model_name
    return Mention.objects.create(
        article=article, surface=surface, start=start, end=start + len(surface), **{field: target}
    )


def make_citation(article, document, **kw):
    kw.setdefault("kind", Citation.Kind.REFERENCE)
    return Citation.objects.create(citing_article=article, cited_document=document, **kw)


def make_running_job(*, seconds_since_heartbeat=0, **kw):
    """An import job a worker is running, 10 of 100 rows done."""
    from catalogue.models import Job

    beat = timezone.now() - datetime.timedelta(seconds=seconds_since_heartbeat)
    kw.setdefault("title", "Import of big.csv into documents")
    kw.setdefault("started_by", "archivist")
    kw.setdefault("stage", "Importing big.csv")
    return Job.objects.create(
        kind=Job.Kind.IMPORT,
        state=Job.State.RUNNING,
        started_at=beat,
        heartbeat_at=beat,
        done=10,
        total=100,
        **kw,
    )
