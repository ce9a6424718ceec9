from django.urls import path, re_path

from . import views

app_name = "downloads"

urlpatterns = [
    path("", views.downloads_page, name="page"),
    re_path(
        r"^(?P<name>latest|\d{8}T\d{6}Z(?:-\d+)?)/(?P<filename>[A-Za-z_]+\.[a-z]+)$",
        views.download_file,
        name="file",
    ),
]
