"""Small factories: each makes one valid record, overridable by keyword."""

import datetime
import io
import itertools

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from catalogue.models import (
    Article,
    Candidate,
    Citation,
    Claim,
    Collection,
    Decision,
    Document,
    DocumentAgent,
    DocumentImage,
    Level,
    Mention,
    Organisation,
    Person,
    Place,
    Repository,
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


def make_claim(article, record, *, kind, value, words, state=Decision.ACCEPTED, **kw):
    """A claim on `record` read from `words` in `article`'s source text; the evidence is
    the line holding them."""
    text = article.source_text
    start = text.index(words)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    kw.setdefault("value_label", words)
    return Claim.objects.create(
        article=article,
        kind=kind,
        value=value,
        start=start,
        end=start + len(words),
        evidence_start=line_start,
        evidence_end=line_end,
        evidence=text[line_start:line_end],
        state=state,
        **{record._meta.model_name: record} if record is not None else {},
        **kw,
    )


def make_candidate(article, name, *, kind=Candidate.Kind.PERSON, **kw):
    start = article.source_text.index(name)
    kw.setdefault("key", f"candidate:{kind}:{name.lower().replace(' ', '-')}")
    return Candidate.objects.create(
        article=article, kind=kind, name=name, spans=[[start, start + len(name)]], **kw
    )


def scan_file(size=(1300, 700), name="scan.jpg"):
    """A JPEG upload with a pattern (so tiles differ from one another)."""
    image = Image.new("RGB", size, (235, 225, 200))
    draw = ImageDraw.Draw(image)
    for x in range(0, size[0], 50):
        draw.line([(x, 0), (x, size[1])], fill=(60, 40, 20), width=3)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def make_scan(document, *, tiles=True, size=(1300, 700), **kw):
    """A scan of `document`; with `tiles`, its IIIF tiles are made as the job would."""
    from catalogue.iiif.tiles import make_tiles

    kw.setdefault("order", document.images.count())
    scan = DocumentImage.objects.create(document=document, image=scan_file(size), **kw)
    if tiles:
        make_tiles(scan)
    return scan


def make_repository(**kw):
    n = _n()
    kw.setdefault("name", f"Archive {n}")
    kw.setdefault("code", f"XX-{n:05d}")
    kw.setdefault("status", Status.PUBLISHED)
    return Repository.objects.create(**kw)


def make_collection(**kw):
    """A unit described with ISAD(G)'s six essential elements, publishable as it is."""
    n = _n()
    if "repository" not in kw:
        kw["repository"] = kw["parent"].repository if kw.get("parent") else make_repository()
    kw.setdefault("title", f"Papers {n}")
    kw.setdefault("reference_code", f"F{n}")
    kw.setdefault("level", Level.FONDS if kw.get("parent") is None else Level.SERIES)
    kw.setdefault("date_edtf", "1955/1957")
    kw.setdefault("extent_and_medium", "1 box")
    if "creator_person" not in kw and "creator_organisation" not in kw:
        kw["creator_organisation"] = make_organisation()
    kw.setdefault("status", Status.PUBLISHED)
    return Collection.objects.create(**kw)
