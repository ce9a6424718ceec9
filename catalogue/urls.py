from django.urls import path

from . import views
from .record_types import with_pages

app_name = "catalogue"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search_page, name="search"),
    path("timeline/", views.timeline, name="timeline"),
]

# Every record type with pages (catalogue/record_types.py): its browse page,
# detail pages and citation downloads (/documents/<slug>/cite.bib, .ris, .json).
for record_type in with_pages():
    prefix, name = record_type.url_prefix, record_type.name
    urlpatterns += [
        path(
            f"{prefix}/",
            views.record_list_page,
            {"record_type": name},
            name=f"{name}-list",
        ),
        path(f"{prefix}/<slug:slug>/", record_type.detail_view, name=f"{name}-detail"),
        path(
            f"{prefix}/<slug:slug>/cite.<str:fmt>",
            views.citation_download,
            {"model": record_type.model},
            name=f"{name}-cite",
        ),
        # Dublin Core, EAC-CPF, EAD3 (/people/<slug>/export.eac-cpf.xml), where they apply.
        path(
            f"{prefix}/<slug:slug>/export.<str:fmt>.xml",
            views.xml_download,
            {"model": record_type.model},
            name=f"{name}-export",
        ),
    ]
