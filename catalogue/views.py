"""Public catalogue pages. Thin: querysets and selectors do the work."""

from django.shortcuts import get_object_or_404, render

from .models import Article, Document, Organisation, Person, Place


def home(request):
    counts = {
        "documents": Document.objects.published().count(),
        "articles": Article.objects.published().count(),
        "people": Person.objects.published().count(),
        "organisations": Organisation.objects.published().count(),
        "places": Place.objects.published().count(),
    }
    return render(request, "catalogue/home.html", {"counts": counts})


def _detail(request, model, slug, template):
    record = get_object_or_404(model.objects.detail_for(request.user), slug=slug)
    return render(request, template, {"record": record})


def document_detail(request, slug):
    return _detail(request, Document, slug, "catalogue/record_detail.html")


def article_detail(request, slug):
    return _detail(request, Article, slug, "catalogue/record_detail.html")


def person_detail(request, slug):
    return _detail(request, Person, slug, "catalogue/record_detail.html")


def organisation_detail(request, slug):
    return _detail(request, Organisation, slug, "catalogue/record_detail.html")


def place_detail(request, slug):
    return _detail(request, Place, slug, "catalogue/record_detail.html")
