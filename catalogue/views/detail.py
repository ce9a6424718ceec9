"""Detail pages of documents, articles, people, organisations and places, and
their citation downloads. A draft is a 404 for everyone but staff, who see it
with a banner."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from catalogue.exports.xml import serialise
from catalogue.exports.xml_formats import BY_NAME as XML_FORMATS
from catalogue.iiif import image as iiif_image
from catalogue.iiif import manifest as iiif_manifest
from catalogue.models import Article, Document, DocumentRelation, Organisation, Person, Place
from catalogue.selectors import authorities, evidence, holdings, reading
from catalogue.selectors.topics import topic_label

from .common import CITATION_FORMATS, citation_text, record_context, stable_url

# How a relation reads from its target's page ("X is accompanied by Y" on Y: "accompanies X").
INVERSE_RELATION = {
    DocumentRelation.Kind.ACCOMPANIED_BY: "accompanies",
    DocumentRelation.Kind.SUPERSEDES: "is superseded by",
    DocumentRelation.Kind.RESPONDS_TO: "is answered by",
    DocumentRelation.Kind.PRINTED_IN: "prints",
    DocumentRelation.Kind.REFERS_TO: "is referred to by",
}


def _statements_by_topic(statements):
    """[(topic, [(article, [statement, ...]), ...])]: each source's words side by side."""
    topics = {}
    for statement in statements:
        by_article = topics.setdefault(statement.topic, {})
        by_article.setdefault(statement.article_id, (statement.article, []))[1].append(statement)
    return [(topic_label(topic), list(sources.values())) for topic, sources in topics.items()]


def document_detail(request, slug):
    document = get_object_or_404(
        Document.objects.detail_for(request.user).prefetch_related(
            evidence.evidence_prefetch(request.user)
        ),
        slug=slug,
    )
    sources = evidence.document_evidence(document)
    related = [(r.get_kind_display(), r.target) for r in document.relations_out.all()]
    related += [(INVERSE_RELATION[r.kind], r.source) for r in document.relations_in.all()]
    tiled = iiif_manifest.tiled_images(document)
    manifest_url = iiif_manifest.manifest_url(request, document) if tiled else None
    context = record_context(request, document, manifest_url)
    images = [image for image in document.images.all() if image.thumbnail]
    for image, _ in tiled:
        image.full_size_url = iiif_image.full_image_url(request, image.pk)
    context.update(
        agents=evidence.agents_with_evidence(document.agents.all(), sources),
        evidence=sources,
        excerpts=document.excerpts.all(),
        images=images,
        viewer_sources=[iiif_image.info_url(request, image.pk) for image, _ in tiled],
        manifest_url=manifest_url,
        cited_by=document.cited_by.all(),
        related=related,
        statements=_statements_by_topic(document.statements.all()),
        held_at=holdings.held_at(document, request.user),
    )
    return render(request, "catalogue/document_detail.html", context)


def article_detail(request, slug):
    article = get_object_or_404(Article.objects.detail_for(request.user), slug=slug)
    notes = reading.footnotes(article)
    context = record_context(request, article)
    context.update(
        blocks=reading.reading_blocks(article),
        footnotes=[(note, reading.cited_documents(note)) for note in notes],
        quotations=[c for c in article.citations.all() if c.quoted_text],
        about=article.about_documents.all(),
        authors=article.authors.all(),
        passages=evidence.article_passages(article, request.user),
    )
    return render(request, "catalogue/article_detail.html", context)


def _authority_detail(request, model, slug):
    record = get_object_or_404(authorities.detail_queryset(model, request.user), slug=slug)
    context = record_context(request, record)
    if model is Place:
        context["made_at"] = authorities.documents_made_at(record, request.user)
    else:
        context["roles"] = authorities.document_roles(record, request.user)
    if model is Person:
        context["titles"] = record.titles.all()
    context["articles"] = authorities.articles_naming(record, request.user)
    return render(request, "catalogue/authority_detail.html", context)


def person_detail(request, slug):
    return _authority_detail(request, Person, slug)


def organisation_detail(request, slug):
    return _authority_detail(request, Organisation, slug)


def place_detail(request, slug):
    return _authority_detail(request, Place, slug)


def citation_download(request, model, slug, fmt):
    if fmt not in CITATION_FORMATS:
        raise Http404("No such citation format.")
    record = get_object_or_404(
        model.objects.listing_for(request.user).for_export(request.user), slug=slug
    )
    body, content_type, filename = citation_text(request, record, fmt)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xml_download(request, model, slug, fmt):
    """The record as Dublin Core, EAC-CPF or EAD3 XML (the formats that apply to it)."""
    xml_format = XML_FORMATS.get(fmt)
    if xml_format is None or not xml_format.applies_to(model._meta.model_name):
        raise Http404("No such export format for this record.")
    user = request.user
    records = xml_format.prepare(model.objects.listing_for(user).for_export(user), user)
    record = get_object_or_404(records, slug=slug)
    options = {"user": user} if fmt == "ead3" else {}
    body = serialise(xml_format.build(record, stable_url(request, record), **options))
    response = HttpResponse(body, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{record.identifier}.{fmt}.xml"'
    return response
