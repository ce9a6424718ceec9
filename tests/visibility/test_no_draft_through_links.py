"""A reader who may not see drafts learns nothing about a draft through any
link: for every foreign key and many-to-many from a catalogue record (or a
link row) to another catalogue record, a published record pointing at a draft
shows no trace of it (name, identifier, slug, URL) on any surface.

The relations are enumerated from the models, so a relation added later is
checked without a new test; the surfaces come from one list (surfaces.py)."""

import itertools

import pytest
from django.apps import apps

from catalogue import models
from tests import factories

from .surfaces import urls_showing

pytestmark = pytest.mark.django_db


def make_scanned_document(**kw):
    """A document with a small tiled scan, so that its IIIF addresses are checked too."""
    document = factories.make_document(**kw)
    factories.make_scan(document, size=(40, 30))
    return document


MAKERS = {
    "document": make_scanned_document,
    "article": factories.make_article,
    "person": factories.make_person,
    "organisation": factories.make_organisation,
    "place": factories.make_place,
    "repository": factories.make_repository,
    "collection": factories.make_collection,
}
# What a link row needs besides its links; a new link model adds a line here.
ROW_VALUES = {
    models.DocumentAgent: {"role": models.DocumentAgent.Role.SIGNATORY},
    models.DocumentRelation: {"kind": models.DocumentRelation.Kind.REFERS_TO},
    models.DocumentExcerpt: {"text": "Words quoted from the document."},
    models.Citation: {"cited_work": "A work not catalogued", "quoted_text": "Words quoted."},
    models.Mention: {"surface": "A", "start": 0, "end": 1},
    models.Statement: {"topic": "reparations", "text": "What it says.", "start": 0, "end": 1},
    models.PersonTitle: {"title": "Minister"},
    # An accepted claim is what the pages show (a marker linking to its sentence).
    models.Claim: {
        "kind": models.Claim.Property.DATE,
        "value": "1956",
        "value_label": "1956",
        "state": models.Decision.ACCEPTED,
        "start": 0,
        "end": 1,
        "evidence_start": 0,
        "evidence_end": 1,
        "evidence": "Signed in 1956.",
    },
    models.Candidate: {"key": "candidate:person:a", "kind": "person", "name": "A", "spans": []},
}
_markers = itertools.count(1)


def is_record(model):
    return model is not None and issubclass(model, models.CatalogueRecord)


def record_links(model):
    """Forward foreign keys and many-to-manys from `model` to catalogue records."""
    return [
        field
        for field in model._meta.get_fields()
        if field.is_relation
        and not field.auto_created
        and (field.many_to_many or field.many_to_one or field.one_to_one)
        and is_record(field.related_model)
    ]


def catalogue_models():
    # Historical copies (simple_history) are admin-only, never a public surface.
    return [
        model
        for model in apps.get_app_config("catalogue").get_models()
        if not model.__name__.startswith("Historical")
    ]


CASES = [
    pytest.param(model, field, id=f"{model.__name__}.{field.name}")
    for model in catalogue_models()
    for field in record_links(model)
    if is_record(model) or model in ROW_VALUES
]
# A record's relation read backwards: a draft pointing at a published record.
BACKWARD_CASES = [case for case in CASES if is_record(case.values[0])]


def test_every_model_linking_records_is_checked():
    # A new link model must say how to make a valid row (ROW_VALUES) to be checked.
    linking = {model for model in catalogue_models() if record_links(model)}
    scans = {apps.get_model("catalogue", "DocumentImage")}  # a scan links only its own document
    assert linking - scans <= set(ROW_VALUES) | {m for m in linking if is_record(m)}


def make_draft(model):
    """A draft whose name, identifier and slug all carry one unique marker."""
    marker = f"zqhidden{next(_markers)}"
    # Reference codes are not marked here: a published unit's full code names
    # the units above it, which the publication rule keeps published (a state
    # these cases build by hand to test the links). The codes a draft unit must
    # not leak to its published documents: tests/holdings/test_draft_units.py.
    values = {model.slug_source_field: f"Secret {marker} name"}
    draft = MAKERS[model._meta.model_name](
        status=models.Status.DRAFT,
        identifier=f"{marker}-ident",
        slug=f"{marker}-slug",
        **values,
    )
    return draft, marker


def _link(source, field, target):
    if field.many_to_many:
        getattr(source, field.name).add(target)
    else:
        setattr(source, field.name, target)
        source.save()


def published_sources(model, field, draft):
    """Published records that now point at `draft` through `field`."""
    if is_record(model):
        source = MAKERS[model._meta.model_name]()
        _link(source, field, draft)
        return [source]
    row = {field.name: draft, **ROW_VALUES[model]}
    others = [f for f in record_links(model) if f is not field]
    for other in others:
        if not other.null:
            row[other.name] = MAKERS[other.related_model._meta.model_name]()
    if len(row) == len(ROW_VALUES[model]) + 1:
        # Only the draft so far: the link's other end is the first optional one.
        other = others[0]
        row[other.name] = MAKERS[other.related_model._meta.model_name]()
    model.objects.create(**row)
    return [v for v in row.values() if isinstance(v, models.CatalogueRecord) and v is not draft]


def assert_no_trace(client, records, marker):
    assert records
    for record in records:
        for url in urls_showing(record):
            response = client.get(url)
            assert response.status_code == 200, url
            assert marker not in response.content.decode().lower(), url


@pytest.mark.parametrize(("model", "field"), CASES)
def test_a_draft_linked_from_a_published_record_leaves_no_trace(client, model, field):
    draft, marker = make_draft(field.related_model)
    assert_no_trace(client, published_sources(model, field, draft), marker)


@pytest.mark.parametrize(("model", "field"), BACKWARD_CASES)
def test_a_draft_linking_to_a_published_record_leaves_no_trace_on_it(client, model, field):
    draft, marker = make_draft(model)
    target = MAKERS[field.related_model._meta.model_name]()
    _link(draft, field, target)
    assert_no_trace(client, [target], marker)
