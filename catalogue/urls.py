from django.urls import path

from . import views

app_name = "catalogue"

urlpatterns = [
    path("", views.home, name="home"),
    path("documents/<slug:slug>/", views.document_detail, name="document-detail"),
    path("articles/<slug:slug>/", views.article_detail, name="article-detail"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation-detail"),
    path("places/<slug:slug>/", views.place_detail, name="place-detail"),
]
