from django.urls import path

from . import views
from .models import Article, Document, Organisation, Person, Place

app_name = "catalogue"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search_page, name="search"),
    path("timeline/", views.timeline, name="timeline"),
    path("documents/", views.document_list, name="document-list"),
    path("articles/", views.article_list, name="article-list"),
    path("people/", views.person_list, name="person-list"),
    path("organisations/", views.organisation_list, name="organisation-list"),
    path("places/", views.place_list, name="place-list"),
    path("documents/<slug:slug>/", views.document_detail, name="document-detail"),
    path("articles/<slug:slug>/", views.article_detail, name="article-detail"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation-detail"),
    path("places/<slug:slug>/", views.place_detail, name="place-detail"),
]

# Citation downloads: /documents/<slug>/cite.bib, cite.ris, cite.json.
for prefix, model in (
    ("documents", Document),
    ("articles", Article),
    ("people", Person),
    ("organisations", Organisation),
    ("places", Place),
):
    urlpatterns.append(
        path(
            f"{prefix}/<slug:slug>/cite.<str:fmt>",
            views.citation_download,
            {"model": model},
            name=f"{model._meta.model_name}-cite",
        )
    )
