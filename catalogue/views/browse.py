"""Browse pages: one per record type, filtered by the shared FilterSets."""

from django.shortcuts import render

from catalogue.models import Article, Document, Organisation, Person, Place
from catalogue.selectors.browse import BadPageRequest, browse

from .common import bad_request


def _browse(request, model):
    try:
        result = browse(model, request)
    except BadPageRequest as error:
        return bad_request(request, str(error))
    return render(
        request,
        "catalogue/browse.html",
        {
            "page": result,
            "title": model.plural_label(),
            "record_type": model._meta.model_name,
            "dated": model in (Document, Article),
        },
    )


def document_list(request):
    return _browse(request, Document)


def article_list(request):
    return _browse(request, Article)


def person_list(request):
    return _browse(request, Person)


def organisation_list(request):
    return _browse(request, Organisation)


def place_list(request):
    return _browse(request, Place)
