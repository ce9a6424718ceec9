from django.urls import path, re_path

from . import views

app_name = "iiif"

urlpatterns = [
    path("image/<int:image_id>", views.image_base, name="image-base"),
    path("image/<int:image_id>/info.json", views.image_info, name="info"),
    re_path(
        r"^image/(?P<image_id>\d+)/(?P<region>full|\d+,\d+,\d+,\d+)/(?P<size>max|\d+,\d+)"
        r"/0/default\.jpg$",
        views.image_file,
        name="file",
    ),
    path("documents/<str:identifier>/manifest.json", views.document_manifest, name="manifest"),
]
