from django.urls import path

from . import views

urlpatterns = [
    path("o/<slug:org_slug>/search/", views.search, name="org_search"),
    path("o/<slug:org_slug>/saved-filters/", views.saved_filter_save, name="saved_filter_save"),
    path(
        "o/<slug:org_slug>/saved-filters/<int:saved_filter_id>/delete/",
        views.saved_filter_delete,
        name="saved_filter_delete",
    ),
]
