"""The IIIF Presentation API 3.0 manifest of a document's scans.

Plain functions over a document read through `Document.objects.detail_for(user)`
(so its parties and place are only what that user may see) and the scans'
stored pyramids. A scan whose tiles are not made yet is left out until they are.
The catalogue keeps no rights URI or archival reference code on its records
yet, so `rights` and those metadata rows are absent, as the spec allows.
"""

from django.conf import settings
from django.urls import reverse

from catalogue.views.common import CITATION_FORMATS, api_url

from .image import full_image_url, image_service_id
from .tiles import pyramid_of

PRESENTATION_CONTEXT = "http://iiif.io/api/presentation/3/context.json"


def _text(value):
    return {"none": [str(value)]}


def _entry(label, value):
    return {"label": {"en": [label]}, "value": _text(value)}


def tiled_images(document):
    """[(scan, Pyramid)] of the document's scans whose tiles are made, in order."""
    found = [(image, pyramid_of(image.pk)) for image in document.images.all()]
    return [(image, pyramid) for image, pyramid in found if pyramid is not None]


def manifest_url(request, document):
    return request.build_absolute_uri(reverse("iiif:manifest", args=[document.identifier]))


def _metadata(document):
    rows = []
    if document.date_display:
        rows.append(_entry("Date", document.date_display))
    if document.place:
        rows.append(_entry("Place", document.place))
    parties = "; ".join(
        f"{agent.agent} ({agent.get_role_display().lower()})" for agent in document.agents.all()
    )
    if parties:
        rows.append(_entry("Parties", parties))
    rows.append(_entry("Identifier", document.identifier))
    return rows


def _canvas(request, base, position, image, pyramid):
    service = image_service_id(request, image.pk)
    canvas_id = f"{base}/canvas/{position}"
    label = image.caption or f"Scan {position}"
    smallest = pyramid.sizes[0]
    return {
        "id": canvas_id,
        "type": "Canvas",
        "label": _text(label),
        "width": pyramid.width,
        "height": pyramid.height,
        "thumbnail": [
            {
                "id": f"{service}/full/{smallest[0]},{smallest[1]}/0/default.jpg",
                "type": "Image",
                "format": "image/jpeg",
                "width": smallest[0],
                "height": smallest[1],
            }
        ],
        "items": [
            {
                "id": f"{canvas_id}/page",
                "type": "AnnotationPage",
                "items": [
                    {
                        "id": f"{canvas_id}/page/image",
                        "type": "Annotation",
                        "motivation": "painting",
                        "target": canvas_id,
                        "body": {
                            "id": full_image_url(request, image.pk),
                            "type": "Image",
                            "format": "image/jpeg",
                            "width": pyramid.width,
                            "height": pyramid.height,
                            "service": [
                                {"id": service, "type": "ImageService3", "profile": "level0"}
                            ],
                        },
                    }
                ],
            }
        ],
    }


def manifest(request, document, tiled):
    """The manifest of `document` with one canvas per tiled scan, in order."""
    url = manifest_url(request, document)
    base = url.rsplit("/", 1)[0]
    page = request.build_absolute_uri(document.get_absolute_url())
    see_also = [
        {
            "id": request.build_absolute_uri(api_url(document)),
            "type": "Dataset",
            "label": {"en": ["The record in the catalogue's API"]},
            "format": "application/json",
        }
    ]
    for _, content_type, extension, label in CITATION_FORMATS.values():
        see_also.append(
            {
                "id": f"{page}cite.{extension}",
                "type": "Dataset",
                "label": {"en": [f"Citation ({label})"]},
                "format": content_type.split(";")[0],
            }
        )
    data = {
        "@context": PRESENTATION_CONTEXT,
        "id": url,
        "type": "Manifest",
        "label": _text(document.title),
        "metadata": _metadata(document),
        "requiredStatement": _entry("Attribution", settings.CATALOGUE_SITE_NAME),
        "homepage": [
            {"id": page, "type": "Text", "label": _text(document.title), "format": "text/html"}
        ],
        "seeAlso": see_also,
        "thumbnail": _canvas(request, base, 1, *tiled[0])["thumbnail"],
        "items": [
            _canvas(request, base, position, image, pyramid)
            for position, (image, pyramid) in enumerate(tiled, start=1)
        ],
    }
    if document.description:
        data["summary"] = _text(document.description)
    return data
