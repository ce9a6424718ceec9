"""The IIIF Image API 3.0 description (info.json) of a scan's static tiles."""

from django.urls import reverse

from .tiles import TILE_SIZE

IMAGE_CONTEXT = "http://iiif.io/api/image/3/context.json"


def image_service_id(request, image_id):
    """The absolute base URI of a scan's image service (info.json sits under it)."""
    return request.build_absolute_uri(reverse("iiif:image-base", args=[image_id]))


def info_url(request, image_id):
    return request.build_absolute_uri(reverse("iiif:info", args=[image_id]))


def info_json(request, image_id, pyramid):
    """The info.json of a level-0 service: only the tiles and sizes that were made."""
    return {
        "@context": IMAGE_CONTEXT,
        "id": image_service_id(request, image_id),
        "type": "ImageService3",
        "protocol": "http://iiif.io/api/image",
        "profile": "level0",
        "width": pyramid.width,
        "height": pyramid.height,
        "sizes": [{"width": w, "height": h} for w, h in pyramid.sizes],
        "tiles": [{"width": TILE_SIZE, "scaleFactors": list(pyramid.scale_factors)}],
        "preferredFormats": ["jpg"],
    }


def full_image_url(request, image_id):
    """The largest picture the service has: the whole scan at full size."""
    return image_service_id(request, image_id) + "/full/max/0/default.jpg"
