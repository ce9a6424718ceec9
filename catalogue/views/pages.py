"""Home, search, timeline and robots.txt."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from catalogue.record_types import by_name
from catalogue.search import COUNT_CAP, RECORD_TYPES, search
from catalogue.selectors import home as home_selectors
from catalogue.selectors.timeline import timeline as timeline_layout

from .common import bad_request, url_with

SEARCH_PAGE_SIZE = 20
# Search pages by offset over its ranked hits; past the count cap there is nothing to show.
MAX_SEARCH_PAGE = COUNT_CAP // SEARCH_PAGE_SIZE


def home(request):
    return render(
        request,
        "catalogue/home.html",
        {
            "counts": home_selectors.counts(request.user),
            "recent": home_selectors.recently_added(request.user),
        },
    )


def _whole_number(value, low, high):
    return value.isascii() and value.isdigit() and low <= int(value) <= high


def search_page(request):
    params = request.GET
    query = params.get("q", "")
    if "\0" in query:
        return bad_request(request, "The search words contain a character that cannot be searched.")
    types = [t for t in params.getlist("type") if t in RECORD_TYPES]
    if len(types) != len(params.getlist("type")):
        return bad_request(request, "Unknown record type.")
    page_number = params.get("page", "1")
    if not _whole_number(page_number, 1, MAX_SEARCH_PAGE):
        return bad_request(request, f"page must be a whole number from 1 to {MAX_SEARCH_PAGE}.")
    page_number = int(page_number)
    results = None
    if query.strip():
        results = search(
            query,
            user=request.user,
            types=types or None,
            limit=SEARCH_PAGE_SIZE,
            offset=(page_number - 1) * SEARCH_PAGE_SIZE,
        )
    facets = []
    if results is not None:
        for record_type in RECORD_TYPES:
            facets.append(
                (
                    by_name(record_type).label,
                    results.counts_by_type.get(record_type, 0),
                    record_type in types,
                    url_with(params, type=record_type, page=None),
                )
            )
    shown_to = page_number * SEARCH_PAGE_SIZE
    return render(
        request,
        "catalogue/search.html",
        {
            "query": query,
            "results": results,
            "facets": facets,
            "all_types_url": url_with(params, type=None, page=None),
            "types": types,
            "page_number": page_number,
            "first_shown": (page_number - 1) * SEARCH_PAGE_SIZE + 1,
            "previous_url": url_with(params, page=page_number - 1) if page_number > 1 else None,
            "next_url": (
                url_with(params, page=page_number + 1)
                if results and results.total > shown_to and page_number < MAX_SEARCH_PAGE
                else None
            ),
            "suggestion_url": (
                url_with(params, q=results.suggestion, page=None)
                if results and results.suggestion
                else None
            ),
        },
    )


def timeline(request):
    decade = request.GET.get("decade", "")
    if decade and not _whole_number(decade, 0, 9990):
        return bad_request(request, "decade must be a year such as 1950.")
    decade = int(decade) // 10 * 10 if decade else None
    return render(
        request,
        "catalogue/timeline.html",
        {"timeline": timeline_layout(request.user, decade), "decade": decade},
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
