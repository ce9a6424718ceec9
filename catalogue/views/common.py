"""What every detail page shares: the API link, the citation block and the
linked-data description, and the 400 page for parameters a page cannot use."""

import json

from django.http import QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from catalogue import exports
from catalogue.exports.xml_formats import formats_for

# What json_script escapes, so a string in the data cannot close the block.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

CITATION_FORMATS = {
    # format in the URL: (function, content type, file extension, label)
    "bib": (exports.bibtex, "application/x-bibtex; charset=utf-8", "bib", "BibTeX"),
    "ris": (exports.ris, "application/x-research-info-systems; charset=utf-8", "ris", "RIS"),
    "json": (None, "application/vnd.citationstyles.csl+json; charset=utf-8", "json", "CSL-JSON"),
}


def api_url(record):
    """The path of `record`'s resource in the JSON API."""
    # The API's route names follow the model names (api:document-detail, ...).
    return reverse(f"api:{record._meta.model_name}-detail", args=[record.identifier])


def stable_url(request, record):
    return request.build_absolute_uri(record.get_absolute_url())


def jsonld_script(data):
    """JSON for a <script type="application/ld+json"> block, safe inside HTML.

    A data block, not a script: the Content-Security-Policy does not apply."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(text)  # noqa: S308 - every <, > and & is escaped above


def citation_text(request, record, fmt):
    """(body, content type, filename) of `record` cited in `fmt` ('bib', 'ris', 'json')."""
    function, content_type, extension, _ = CITATION_FORMATS[fmt]
    url, accessed = stable_url(request, record), timezone.localdate()
    if function is None:
        body = json.dumps([exports.csl_json(record, url, accessed)], ensure_ascii=False, indent=2)
    else:
        body = function(record, url, accessed)
    return body, content_type, f"{record.identifier}.{extension}"


def record_context(request, record, manifest_url=None):
    """Context every detail page adds: cite block, downloads, JSON-LD, API link
    (and a document's IIIF manifest, named in its JSON-LD)."""
    url = stable_url(request, record)
    api = api_url(record)
    return {
        "record": record,
        "stable_url": url,
        "api_url": api,
        "chicago": exports.chicago(record, url, timezone.localdate()),
        "citation_formats": [(fmt, spec[3]) for fmt, spec in CITATION_FORMATS.items()],
        "xml_formats": [(f.name, f.label) for f in formats_for(record._meta.model_name)],
        "jsonld": jsonld_script(
            exports.jsonld(record, url, request.build_absolute_uri(api), manifest_url)
        ),
        "record_type": record._meta.model_name,
    }


def bad_request(request, message):
    """A page that says what was wrong with the address, with status 400."""
    return render(request, "catalogue/bad_request.html", {"message": message}, status=400)


def url_with(params, **changes):
    """'?…' for `params` with `changes` applied (None removes); a cursor always goes,
    as it names a position in the list the old parameters made."""
    query = params.copy() if isinstance(params, QueryDict) else QueryDict(mutable=True)
    query._mutable = True
    for name in ("cursor", "after", "before", *changes):
        query.pop(name, None)
    for name, value in changes.items():
        if value is not None:
            query[name] = str(value)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"
